/**
 * The legal-person register end to end: every subgraph and the gateway as real HTTP servers over SQLite (or
 * PostgreSQL with DATABASE_URL). Cross-domain fields, queries and filters, SQL counts, who sees what, and the
 * registration and change mutations with their validation, authorization, idempotency and optimistic locking.
 */
import { hainanRegion } from '../../subgraphs/kit/world/hainan';
import { makeUscc, validateUscc } from '../../subgraphs/kit/world/uscc';
import { postGraphQL, GENEROUS_QUERY_LIMITS, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

let platform: Platform;
const callers: Record<string, Record<string, string>> = {};
const PRINCIPALS = {
  /** Market regulation owns the register and records it. */
  officer: { sub: 'mr-officer', dept: 'market-regulation', roles: ['officer'], region: '460000' },
  /** Market regulation's analysts read everything but record nothing. */
  analyst: { sub: 'mr-analyst', dept: 'market-regulation', roles: ['analyst'], region: '460000' },
  /** Another department: housing. */
  housing: { sub: 'housing-1', dept: 'housing', roles: ['officer'], region: '460000' },
};
type Caller = keyof typeof PRINCIPALS | 'public';
const gw = (caller: Caller, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, caller === 'public' ? {} : callers[caller]);
const direct = (caller: Caller, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(platform.subgraphs.enterprise.url, query, variables, caller === 'public' ? {} : callers[caller]);

interface Seen {
  uscc: string;
  name: string;
  type: string;
  industry: { code: string };
  status: string;
  establishedOn: string;
  regionCode: string;
  legalRepresentative: { id: string };
  insuredHeadcount: number;
  shareholders: { kind: string; share: number; person: { id: string } | null; enterprise: { uscc: string } | null }[];
}
/** Ground truth: every seeded enterprise as its owner reads it. */
let all: Seen[];
/** Two living adults who may found enterprises. */
let founders: [string, string];

beforeAll(async () => {
  platform = await startPlatform('enterprise', { queryLimits: GENEROUS_QUERY_LIMITS, persons: 600, seed: 19 });
  for (const [name, claims] of Object.entries(PRINCIPALS)) callers[name] = await platform.as(claims);
  const res = await gw(
    'officer',
    `{ enterprises(first: 500) { totalCount edges { node { uscc name type industry { code } status establishedOn regionCode legalRepresentative { id }
        insuredHeadcount shareholders { kind share person { id } enterprise { uscc } } } } }
      persons(first: 2, filter: { status: LIVING, bornTo: "1990-01-01" }) { edges { node { id } } } }`,
  );
  expect(res.errors).toBeUndefined();
  all = res.data.enterprises.edges.map((e: any) => e.node);
  expect(res.data.enterprises.totalCount).toBe(all.length);
  founders = res.data.persons.edges.map((e: any) => e.node.id);
});
afterAll(async () => {
  await platform?.stop();
});

function codes(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}

function errorAt(res: GraphQLResponse, field: string) {
  return res.errors?.find((e) => e.path?.[e.path.length - 1] === field);
}

function expectBadInput(res: GraphQLResponse, argument: string): void {
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument, reason: expect.any(String) });
  expect(res.errors?.[0]?.message).toContain(`"${argument}"`);
  expect(res.body).not.toMatch(/stacktrace|INTERNAL_SERVER_ERROR|select .* from/i);
}

const ENTERPRISE_FIELDS = `uscc name type industry { code name } registeredCapital establishedOn status statusDate regionCode region { code name }
  address location legalRepresentative { id name } shareholders { kind share person { id } enterprise { uscc name } }
  annualReports { year revenue employees submittedOn } taxRegistration { taxpayerNumber registeredOn taxAuthority regionCode }
  insuredHeadcount qualityInspections { date product result authority } investments { share enterprise { uscc } } version`;

describe('cross-domain fields through the gateway', () => {
  it('returns the enterprises each person represents and the shares each holds, consistent with the enterprises', async () => {
    const persons: any[] = [];
    let after: string | null = null;
    do {
      const res: any = await gw(
        'officer',
        `query($after: String) { persons(first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name
            enterprises { uscc name legalRepresentative { id name } }
            shareholdings { share enterprise { uscc shareholders { share person { id } } } } } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      persons.push(...res.data.persons.edges.map((e: any) => e.node));
      after = res.data.persons.pageInfo.hasNextPage ? res.data.persons.pageInfo.endCursor : null;
    } while (after);
    const representing = persons.filter((p) => p.enterprises.length > 0);
    expect(representing.length).toBeGreaterThan(50);
    for (const p of representing) {
      for (const e of p.enterprises) expect(e.legalRepresentative).toEqual({ id: p.id, name: p.name });
    }
    expect(new Set(persons.flatMap((p) => p.enterprises.map((e: any) => e.uscc))).size).toBe(all.length);
    const holdings = persons.flatMap((p) => p.shareholdings.map((h: any) => ({ p, h })));
    expect(holdings.length).toBeGreaterThanOrEqual(all.length);
    for (const { p, h } of holdings) expect(h.enterprise.shareholders).toContainEqual({ share: h.share, person: { id: p.id } });
  });

  it('returns an enterprise with its legal representative from population, its region from geospatial and its corporate investor', async () => {
    const invested = all.find((e) => e.shareholders.some((s) => s.kind === 'ENTERPRISE'))!;
    const investor = invested.shareholders.find((s) => s.kind === 'ENTERPRISE')!.enterprise!.uscc;
    const res = await gw(
      'officer',
      `query($u: ID!, $i: ID!) {
        enterprise(uscc: $u) { uscc legalRepresentative { id name hukouRegion { code } residence { region { code } } } region { code name level }
          shareholders { kind share person { id name } enterprise { uscc name investments { share enterprise { uscc } } } } }
        investor: enterprise(uscc: $i) { investments { share enterprise { uscc } } } }`,
      { u: invested.uscc, i: investor },
    );
    expect(res.errors).toBeUndefined();
    const e = res.data.enterprise;
    expect(e.legalRepresentative.id).toBe(invested.legalRepresentative.id);
    expect(e.legalRepresentative.name).toEqual(expect.any(String));
    expect(e.region).toEqual({ code: invested.regionCode, name: hainanRegion(invested.regionCode)!.name, level: expect.stringMatching(/DISTRICT|COUNTY|CITY/) });
    const corporate = e.shareholders.find((s: any) => s.kind === 'ENTERPRISE');
    expect(corporate.person).toBeNull();
    expect(corporate.enterprise.uscc).toBe(investor);
    expect(res.data.investor.investments).toContainEqual({ share: corporate.share, enterprise: { uscc: invested.uscc } });
    expect(e.shareholders.map((s: any) => s.share)).toEqual([...e.shareholders.map((s: any) => s.share)].sort((a, b) => b - a));
  });

  it('resolves Enterprise and Person entities straight from the enterprise subgraph', async () => {
    const [a, b] = all;
    const res = await direct(
      'officer',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc name } ... on Person { id enterprises { uscc } } } }`,
      { r: [{ __typename: 'Enterprise', uscc: a!.uscc }, { __typename: 'Enterprise', uscc: makeUscc(987654321, '460105') }, { __typename: 'Person', id: b!.legalRepresentative.id }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities[0]).toEqual({ uscc: a!.uscc, name: a!.name });
    expect(res.data._entities[1]).toBeNull();
    expect(res.data._entities[2].enterprises).toContainEqual({ uscc: b!.uscc });
  });
});

describe('enterprise(uscc)', () => {
  it('returns the enterprise with every field, its tax registration numbered by its credit code', async () => {
    const res = await gw('officer', `query($u: ID!) { enterprise(uscc: $u) { ${ENTERPRISE_FIELDS} } }`, { u: all[0]!.uscc });
    expect(res.errors).toBeUndefined();
    const e = res.data.enterprise;
    expect(e.uscc).toBe(all[0]!.uscc);
    expect(e.taxRegistration.taxpayerNumber).toBe(e.uscc);
    expect(e.taxRegistration.taxAuthority).toMatch(/^国家税务总局.+税务局$/);
    expect(e.industry.name).toEqual(expect.any(String));
    expect(e.version).toBe(1);
  });

  it('returns null for a well-formed unknown code', async () => {
    const res = await gw('officer', `{ enterprise(uscc: "${makeUscc(987654321, '460105')}") { uscc } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.enterprise).toBeNull();
  });

  it.each([
    ['9146010500000000', '18 characters'],
    ['91460105000000000I', 'not allowed'],
    [`${makeUscc(1, '460105').slice(0, 17)}${makeUscc(1, '460105')[17] === '0' ? '1' : '0'}`, 'check character'],
  ])('refuses the malformed code %s with BAD_USER_INPUT and the reason (%s)', async (uscc, reason) => {
    const res = await gw('public', `query($u: ID!) { enterprise(uscc: $u) { uscc } }`, { u: uscc });
    expectBadInput(res, 'uscc');
    expect(res.errors![0]!.extensions!.reason).toContain(reason);
  });
});

describe('enterprises(filter)', () => {
  async function walk(filter: Record<string, unknown>, first: number): Promise<{ total: number; nodes: any[] }> {
    const nodes: any[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const res: any = await gw(
        'officer',
        `query($f: EnterpriseFilter, $first: Int, $after: String) { enterprises(filter: $f, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { uscc regionCode status type } } } }`,
        { f: filter, first, after },
      );
      expect(res.errors).toBeUndefined();
      total = res.data.enterprises.totalCount;
      nodes.push(...res.data.enterprises.edges.map((e: any) => e.node));
      after = res.data.enterprises.pageInfo.hasNextPage ? res.data.enterprises.pageInfo.endCursor : null;
    } while (after);
    return { total, nodes };
  }

  it('walks every page of a filtered list and finds exactly totalCount enterprises, each matching', async () => {
    const { total, nodes } = await walk({ regionCode: '460100', status: 'ACTIVE' }, 7);
    expect(total).toBe(all.filter((e) => e.regionCode.startsWith('4601') && e.status === 'ACTIVE').length);
    expect(total).toBeGreaterThan(7);
    expect(new Set(nodes.map((n) => n.uscc)).size).toBe(total);
    for (const n of nodes) expect(n.regionCode.startsWith('4601') && n.status === 'ACTIVE').toBe(true);
    expect(nodes.map((n) => n.uscc)).toEqual([...nodes.map((n) => n.uscc)].sort());
  });

  it('returns as many enterprises for each filter as the register holds', async () => {
    const sample = all.find((e) => e.type === 'LIMITED_LIABILITY')!;
    const county = all.find((e) => e.regionCode.startsWith('469'))!.regionCode;
    const cases: [Record<string, unknown>, (e: Seen) => boolean][] = [
      [{ regionCode: '460000' }, () => true],
      [{ regionCode: county }, (e) => e.regionCode === county],
      [{ industryCode: 'H' }, (e) => e.industry.code.startsWith('H')],
      [{ industryCode: sample.industry.code }, (e) => e.industry.code === sample.industry.code],
      [{ status: 'REVOKED' }, (e) => e.status === 'REVOKED'],
      [{ type: 'INDIVIDUAL_BUSINESS' }, (e) => e.type === 'INDIVIDUAL_BUSINESS'],
      [{ namePrefix: sample.name.slice(0, 3) }, (e) => e.name.startsWith(sample.name.slice(0, 3))],
      [{ establishedFrom: '2010-01-01', establishedTo: '2015-12-31' }, (e) => e.establishedOn >= '2010-01-01' && e.establishedOn <= '2015-12-31'],
      [{ legalRepresentativeId: sample.legalRepresentative.id }, (e) => e.legalRepresentative.id === sample.legalRepresentative.id],
      [{ insuredHeadcountFrom: 10 }, (e) => e.insuredHeadcount >= 10],
    ];
    for (const [filter, matches] of cases) {
      const res = await gw('officer', `query($f: EnterpriseFilter) { enterprises(filter: $f, first: 0) { totalCount } }`, { f: filter });
      expect(res.errors).toBeUndefined();
      const expected = all.filter(matches).length;
      expect(expected).toBeGreaterThan(0);
      expect([filter, res.data.enterprises.totalCount]).toEqual([filter, expected]);
    }
  });

  it.each([
    [{ regionCode: '4601' }, 'filter.regionCode'],
    [{ industryCode: 'Z99' }, 'filter.industryCode'],
    [{ namePrefix: '海口%' }, 'filter.namePrefix'],
    [{ establishedFrom: '2020-01-01', establishedTo: '2010-01-01' }, 'filter.establishedFrom'],
    [{ legalRepresentativeId: 'p-1' }, 'filter.legalRepresentativeId'],
  ])('refuses the filter %j with BAD_USER_INPUT naming %s', async (filter, argument) => {
    expectBadInput(await gw('officer', `query($f: EnterpriseFilter) { enterprises(filter: $f) { totalCount } }`, { f: filter }), argument);
  });

  it('refuses a page size above 500 and a forged cursor', async () => {
    const big = await gw('officer', `{ enterprises(first: 501) { totalCount } }`);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maximum: 500 });
    expectBadInput(await gw('officer', `{ enterprises(after: "bm90LWEtY3Vyc29y") { totalCount } }`), 'after');
  });
});

describe('SQL queries per federated request', () => {
  const PERSONS = `query($first: Int) { persons(first: $first) { edges { node { id
    enterprises { uscc name status } shareholdings { share enterprise { uscc name } } } } } }`;
  // Every child list once; held enterprises are reached through shareholders only, so that each loader batches
  // the whole page in one tick on every driver.
  const ENTERPRISES = `query($first: Int) { enterprises(first: $first) { totalCount edges { node { uscc name industry { name } region { name }
    legalRepresentative { name } shareholders { kind share person { id } enterprise { uscc name } } annualReports { year revenue }
    taxRegistration { taxAuthority } qualityInspections { date result } investments { share } } } } }`;

  it('resolves a page of 100 persons with their enterprises and shareholdings in as many enterprise queries as a page of 10', async () => {
    const small = await platform.countQueries(() => gw('officer', PERSONS, { first: 10 }));
    let result: any;
    const large = await platform.countQueries(async () => {
      result = await gw('officer', PERSONS, { first: 100 });
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.persons.edges).toHaveLength(100);
    // Enterprises by legal representative, shareholdings by holder, the held enterprises.
    expect(large.enterprise).toBeLessThanOrEqual(3);
    expect(large.enterprise).toBe(small.enterprise);
  });

  it('resolves a page of 100 enterprises with every child list in as many queries as a page of 10', async () => {
    const small = await platform.countQueries(() => gw('officer', ENTERPRISES, { first: 10 }));
    let result: any;
    const large = await platform.countQueries(async () => {
      result = await gw('officer', ENTERPRISES, { first: 100 });
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.enterprises.edges).toHaveLength(100);
    // The page, the count, shareholders, annual reports, inspections, investments, investing enterprises.
    expect(large.enterprise).toBeLessThanOrEqual(7);
    expect(large).toEqual(small);
  });
});

describe('who sees what', () => {
  const VIEW = `query($u: ID!) { enterprise(uscc: $u) { uscc name type industry { code name } registeredCapital establishedOn status address regionCode
    location legalRepresentative { id name idNumber } shareholders { kind share person { id } }
    annualReports { year employees revenue submittedOn } taxRegistration { taxpayerNumber taxAuthority } insuredHeadcount
    qualityInspections { date product result } } }`;
  let full: any;

  beforeAll(async () => {
    const candidates = all.filter((e) => e.status === 'ACTIVE' && e.insuredHeadcount > 0);
    for (const c of candidates) {
      const res = await gw('officer', VIEW, { u: c.uscc });
      if (res.data.enterprise.annualReports.some((r: any) => r.revenue > 0) && res.data.enterprise.qualityInspections.length > 0) {
        full = res;
        break;
      }
    }
    expect(full).toBeDefined();
  });

  it('returns everything to the owning department, with the legal representative\'s ID number masked by population', async () => {
    const e = full.data.enterprise;
    expect(codes(full)).toEqual([]);
    expect(e.location.type).toBe('Point');
    expect(e.taxRegistration.taxpayerNumber).toBe(e.uscc);
    expect(e.insuredHeadcount).toBeGreaterThan(0);
    expect(e.shareholders.length).toBeGreaterThan(0);
    expect(e.legalRepresentative.name).toEqual(expect.any(String));
    // Population shares citizen ID numbers with other departments masked.
    expect(e.legalRepresentative.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });

  it('returns shared fields to another department and denies what is reported in confidence, without the values', async () => {
    const e = full.data.enterprise;
    const res = await gw('housing', VIEW, { u: e.uscc });
    const seen = res.data.enterprise;
    expect(seen).toMatchObject({ name: e.name, address: e.address, location: e.location, shareholders: e.shareholders, qualityInspections: e.qualityInspections });
    expect(seen.annualReports.map((r: any) => [r.year, r.employees, r.revenue])).toEqual(e.annualReports.map((r: any) => [r.year, r.employees, null]));
    expect(seen.taxRegistration).toBeNull();
    expect(seen.insuredHeadcount).toBeNull();
    expect(errorAt(res, 'revenue')?.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'AnnualReport', field: 'revenue', sharing: 'CONDITIONAL', owner: 'market-regulation' });
    expect(errorAt(res, 'taxRegistration')?.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'Enterprise', field: 'taxRegistration', sharing: 'CONDITIONAL' });
    expect(errorAt(res, 'insuredHeadcount')?.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'Enterprise', field: 'insuredHeadcount' });
    expect(errorAt(res, 'revenue')?.message).toContain('request a sharing grant');
    expect(res.body).not.toContain(e.taxRegistration.taxAuthority);
    for (const r of e.annualReports) expect(res.body).not.toContain(`"revenue":${r.revenue}`);
    expect(res.body).not.toContain(`"insuredHeadcount":${e.insuredHeadcount}`);
  });

  it('returns the published registration to the public and denies the rest, without the values', async () => {
    const e = full.data.enterprise;
    const res = await gw('public', VIEW, { u: e.uscc });
    const seen = res.data.enterprise;
    expect(seen).toMatchObject({ uscc: e.uscc, name: e.name, type: e.type, industry: e.industry, registeredCapital: e.registeredCapital, establishedOn: e.establishedOn, status: e.status, address: e.address });
    expect(seen.annualReports.map((r: any) => [r.year, r.submittedOn, r.employees, r.revenue])).toEqual(e.annualReports.map((r: any) => [r.year, r.submittedOn, null, null]));
    for (const field of ['location', 'shareholders', 'taxRegistration', 'insuredHeadcount', 'qualityInspections']) {
      expect([field, seen[field]]).toEqual([field, null]);
      expect(errorAt(res, field)?.extensions?.code).toBe('FORBIDDEN');
    }
    // The legal representative is a person: the population register is no open data.
    expect(seen.legalRepresentative).toBeNull();
    expect(res.body).not.toContain(String(e.location.coordinates[0]));
    expect(res.body).not.toContain(e.legalRepresentative.id);
    expect(res.body).not.toContain(e.legalRepresentative.name);
  });

  it('counts the same published enterprises for everyone, and refuses a filter on a field reported in confidence', async () => {
    const q = `{ enterprises(first: 0, filter: { regionCode: "460200" }) { totalCount } }`;
    for (const caller of ['public', 'housing'] as const) {
      expect((await gw(caller, q)).data.enterprises.totalCount).toBe(all.filter((e) => e.regionCode.startsWith('4602')).length);
    }
    const probe = `{ enterprises(first: 5, filter: { insuredHeadcountFrom: 10 }) { totalCount edges { node { uscc } } } }`;
    for (const caller of ['public', 'housing'] as const) {
      const res = await gw(caller, probe);
      expect(res.data?.enterprises ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'insuredHeadcount' });
    }
    const owner = await gw('officer', probe);
    expect(owner.data.enterprises.totalCount).toBe(all.filter((e) => e.insuredHeadcount >= 10).length);
  });

  it('denies the enterprises a person represents to the public, straight from the subgraph too', async () => {
    const id = all[0]!.legalRepresentative.id;
    const res = await direct('public', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { enterprises { uscc } shareholdings { share } } } }`, { r: [{ __typename: 'Person', id }] });
    expect(res.data._entities[0]).toEqual({ enterprises: null, shareholdings: null });
    expect(codes(res)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(res.body).not.toContain(all[0]!.uscc);
  });
});

const REGISTER = `mutation($input: RegisterEnterpriseInput!, $key: String) { registerEnterprise(input: $input, idempotencyKey: $key) {
  uscc name type industry { code name } registeredCapital establishedOn status statusDate regionCode region { name } address location
  legalRepresentative { id } shareholders { kind share person { id } enterprise { uscc } }
  taxRegistration { taxpayerNumber registeredOn taxAuthority } insuredHeadcount version } }`;
const CHANGE = `mutation($uscc: ID!, $v: Int!, $changes: EnterpriseChangeInput!, $key: String) {
  changeEnterprise(uscc: $uscc, expectedVersion: $v, changes: $changes, idempotencyKey: $key) {
    uscc name address location registeredCapital industry { code } status statusDate version } }`;
const LONGHUA_SEAT = hainanRegion('460106')!.seat;
let names = 0;

/** A valid registration of a new company in Longhua district: a founder and an existing active company invest. */
function registration(overrides: Record<string, unknown> = {}) {
  const investor = all.find((e) => e.status === 'ACTIVE' && e.type === 'LIMITED_LIABILITY')!.uscc;
  names += 1;
  return {
    name: `海口市龙华区椰林测试${names}号科技有限公司`,
    type: 'LIMITED_LIABILITY',
    industryCode: 'I65',
    registeredCapital: 1_000_000,
    establishedOn: '2025-06-18',
    regionCode: '460106',
    address: '海南省海口市龙华区滨海大道100号',
    location: { type: 'Point', coordinates: LONGHUA_SEAT },
    legalRepresentativeId: founders[0],
    shareholders: [
      { personId: founders[0], share: 0.6 },
      { uscc: investor, share: 0.25 },
      { personId: founders[1], share: 0.15 },
    ],
    ...overrides,
  };
}

async function enterpriseCount(): Promise<number> {
  return (await gw('officer', `{ enterprises(first: 0) { totalCount } }`)).data.enterprises.totalCount;
}

describe('registerEnterprise', () => {
  it('returns the registered enterprise with a new valid credit code of its region, findable at once', async () => {
    const input = registration();
    const res = await gw('officer', REGISTER, { input });
    expect(res.errors).toBeUndefined();
    const e = res.data.registerEnterprise;
    expect(validateUscc(e.uscc)).toEqual({ ok: true, regionCode: '460106' });
    expect(all.map((s) => s.uscc)).not.toContain(e.uscc);
    expect(e).toMatchObject({
      name: input.name,
      type: 'LIMITED_LIABILITY',
      industry: { code: 'I65', name: '软件和信息技术服务业' },
      registeredCapital: 1_000_000,
      establishedOn: '2025-06-18',
      status: 'ACTIVE',
      statusDate: null,
      regionCode: '460106',
      region: { name: '龙华区' },
      location: { type: 'Point', coordinates: LONGHUA_SEAT },
      legalRepresentative: { id: founders[0] },
      taxRegistration: { taxpayerNumber: e.uscc, registeredOn: '2025-06-18', taxAuthority: '国家税务总局海口市龙华区税务局' },
      insuredHeadcount: 0,
      version: 1,
    });
    expect(e.shareholders).toEqual([
      { kind: 'PERSON', share: 0.6, person: { id: founders[0] }, enterprise: null },
      { kind: 'ENTERPRISE', share: 0.25, person: null, enterprise: { uscc: input.shareholders[1]!.uscc } },
      { kind: 'PERSON', share: 0.15, person: { id: founders[1] }, enterprise: null },
    ]);
    const found = await gw('officer', `query($u: ID!, $p: ID!) { enterprise(uscc: $u) { name } person(id: $p) { enterprises { uscc } shareholdings { enterprise { uscc } } } }`, { u: e.uscc, p: founders[0] });
    expect(found.data.enterprise.name).toBe(input.name);
    expect(found.data.person.enterprises).toContainEqual({ uscc: e.uscc });
    expect(found.data.person.shareholdings).toContainEqual({ enterprise: { uscc: e.uscc } });
  });

  it.each(['analyst', 'housing', 'public'] as const)('refuses the %s caller with FORBIDDEN and writes nothing', async (caller) => {
    const before = await enterpriseCount();
    const res = await gw(caller, REGISTER, { input: registration() });
    expect(res.data?.registerEnterprise ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'Enterprise', owner: 'market-regulation' });
    expect(await enterpriseCount()).toBe(before);
  });

  it.each([
    ['a name that does not suit the type', 'input.name', { name: '海口市椰林贸易股份有限公司' }],
    ['an industry outside GB/T 4754', 'input.industryCode', { industryCode: 'Z99' }],
    ['capital of 0', 'input.registeredCapital', { registeredCapital: 0 }],
    ['an establishment date in the future', 'input.establishedOn', { establishedOn: '2999-01-01' }],
    ['a malformed region code', 'input.regionCode', { regionCode: '4601' }],
    ['a region outside Hainan', 'input.regionCode', { regionCode: '110105' }],
    ['a city instead of its district', 'input.regionCode', { regionCode: '460100' }],
    ['an address outside the region', 'input.address', { address: '海南省三亚市吉阳区迎宾路1号' }],
    ['a point outside the region', 'input.location', { location: { type: 'Point', coordinates: hainanRegion('460203')!.seat } }],
    ['a malformed legal representative ID', 'input.legalRepresentativeId', { legalRepresentativeId: 'p 1' }],
    ['shares adding up to 0.9', 'input.shareholders', { shareholders: [{ personId: 'PAAAAAAAA', share: 0.5 }, { personId: 'PBBBBBBBB', share: 0.4 }] }],
    ['an investor given twice', 'input.shareholders[1]', { shareholders: [{ personId: 'PAAAAAAAA', share: 0.5 }, { personId: 'PAAAAAAAA', share: 0.5 }] }],
    ['a malformed investor credit code', 'input.shareholders[1].uscc', { shareholders: [{ personId: 'PAAAAAAAA', share: 0.5 }, { uscc: '91460106ABC', share: 0.5 }] }],
    ['a sole proprietorship with two investors', 'input.shareholders', { type: 'SOLE_PROPRIETORSHIP', name: '海口市龙华区椰林软件个人独资企业' }],
  ])('refuses %s with BAD_USER_INPUT naming %s, writing nothing', async (_, argument, overrides) => {
    const before = await enterpriseCount();
    const res = await gw('officer', REGISTER, { input: registration(overrides) });
    expect(res.data?.registerEnterprise ?? null).toBeNull();
    expectBadInput(res, argument);
    expect(await enterpriseCount()).toBe(before);
  });

  it('refuses the name of an enterprise that still exists', async () => {
    const taken = all.find((e) => e.status === 'ACTIVE' && e.type === 'LIMITED_LIABILITY')!.name;
    expectBadInput(await gw('officer', REGISTER, { input: registration({ name: taken }) }), 'input.name');
  });

  it.each([
    ['an unknown legal representative', () => [{ legalRepresentativeId: 'P00000000' }, 'P00000000'], 'input.legalRepresentativeId'],
    ['an unknown investing person', () => [{ shareholders: [{ personId: founders[0], share: 0.5 }, { personId: 'P00000000', share: 0.5 }] }, 'P00000000'], 'input.shareholders'],
    ['an unknown investing enterprise', () => [{ shareholders: [{ personId: founders[0], share: 0.5 }, { uscc: makeUscc(987654321, '460105'), share: 0.5 }] }, makeUscc(987654321, '460105')], 'input.shareholders'],
    ['a revoked investing enterprise', () => {
      const revoked = all.find((e) => e.status === 'REVOKED')!.uscc;
      return [{ shareholders: [{ personId: founders[0], share: 0.5 }, { uscc: revoked, share: 0.5 }] }, revoked];
    }, 'input.shareholders'],
  ] as [string, () => [Record<string, unknown>, string], string][])('refuses %s, naming the unknown reference', async (_, make, argument) => {
    const [overrides, unknown] = make();
    const before = await enterpriseCount();
    const res = await gw('officer', REGISTER, { input: registration(overrides) });
    expectBadInput(res, argument);
    expect(res.errors![0]!.extensions!.unknown).toEqual([unknown]);
    expect(await enterpriseCount()).toBe(before);
  });

  it('returns the first result when replayed with the same idempotency key, writing once, and refuses the key for another request', async () => {
    const before = await enterpriseCount();
    const input = registration();
    const first = await gw('officer', REGISTER, { input, key: 'register-0001-abcdef' });
    const again = await gw('officer', REGISTER, { input, key: 'register-0001-abcdef' });
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await enterpriseCount()).toBe(before + 1);
    const other = await gw('officer', REGISTER, { input: registration(), key: 'register-0001-abcdef' });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await enterpriseCount()).toBe(before + 1);
  });
});

describe('changeEnterprise', () => {
  let uscc: string;

  beforeAll(async () => {
    const res = await gw('officer', REGISTER, { input: registration() });
    uscc = res.data.registerEnterprise.uscc;
  });

  async function change(caller: Caller, v: number, changes: Record<string, unknown>, key?: string) {
    return gw(caller, CHANGE, { uscc, v, changes, key });
  }

  it('returns the changed enterprise with its next version, and refuses the stale version with CONFLICT', async () => {
    const res = await change('officer', 1, { name: '海口市龙华区椰林更名科技有限公司', registeredCapital: 2_500_000.5, industryCode: 'I64' });
    expect(res.errors).toBeUndefined();
    expect(res.data.changeEnterprise).toMatchObject({ uscc, name: '海口市龙华区椰林更名科技有限公司', registeredCapital: 2_500_000.5, industry: { code: 'I64' }, status: 'ACTIVE', version: 2 });
    const stale = await change('officer', 1, { registeredCapital: 1 });
    expect(stale.data?.changeEnterprise ?? null).toBeNull();
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const now = await gw('officer', `query($u: ID!) { enterprise(uscc: $u) { registeredCapital version } }`, { u: uscc });
    expect(now.data.enterprise).toEqual({ registeredCapital: 2_500_000.5, version: 2 });
  });

  it('drops the point of an old address unless a new one comes with the new address', async () => {
    const moved = await change('officer', 2, { address: '海南省海口市龙华区国兴大道8号' });
    expect(moved.data.changeEnterprise).toMatchObject({ address: '海南省海口市龙华区国兴大道8号', location: null, version: 3 });
    const located = await change('officer', 3, { address: '海南省海口市龙华区国兴大道9号', location: { type: 'Point', coordinates: LONGHUA_SEAT } });
    expect(located.data.changeEnterprise).toMatchObject({ location: { type: 'Point', coordinates: LONGHUA_SEAT }, version: 4 });
  });

  it.each(['analyst', 'housing', 'public'] as const)('refuses the %s caller with FORBIDDEN', async (caller) => {
    const res = await change(caller, 4, { registeredCapital: 3_000_000 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'Enterprise', field: 'registeredCapital' });
  });

  it.each([
    ['no change', 'changes', {}],
    ['a status without its date', 'changes.statusDate', { status: 'REVOKED' }],
    ['a status date without the status', 'changes.status', { statusDate: '2025-07-01' }],
    ['setting an active enterprise ACTIVE', 'changes.status', { status: 'ACTIVE', statusDate: '2025-07-01' }],
    ['a status date before the establishment', 'changes.statusDate', { status: 'REVOKED', statusDate: '2025-06-17' }],
    ['a status date in the future', 'changes.statusDate', { status: 'REVOKED', statusDate: '2999-01-01' }],
    ['a name that does not suit the type', 'changes.name', { name: '海口市龙华区椰林合伙企业' }],
    ['capital below 0', 'changes.registeredCapital', { registeredCapital: -1 }],
    ['an industry outside GB/T 4754', 'changes.industryCode', { industryCode: 'S92' }],
    ['an address in another region', 'changes.address', { address: '海南省海口市美兰区海甸五西路1号' }],
    ['a point in another region', 'changes.location', { location: { type: 'Point', coordinates: hainanRegion('460203')!.seat } }],
  ])('refuses %s with BAD_USER_INPUT naming %s', async (_, argument, changes) => {
    const res = await change('officer', 4, changes);
    expectBadInput(res, argument);
    expect((await gw('officer', `query($u: ID!) { enterprise(uscc: $u) { version } }`, { u: uscc })).data.enterprise.version).toBe(4);
  });

  it('refuses a malformed credit code with BAD_USER_INPUT and an unknown one with NOT_FOUND', async () => {
    expectBadInput(await gw('officer', CHANGE, { uscc: 'ABC', v: 1, changes: { registeredCapital: 1 } }), 'uscc');
    const unknown = await gw('officer', CHANGE, { uscc: makeUscc(987654321, '460105'), v: 1, changes: { registeredCapital: 1 } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('revokes and then cancels, never reactivates, and changes nothing of a revoked enterprise but its status', async () => {
    const revoked = await change('officer', 4, { status: 'REVOKED', statusDate: '2025-09-01' }, 'revoke-0001-abcdef');
    expect(revoked.data.changeEnterprise).toMatchObject({ status: 'REVOKED', statusDate: '2025-09-01', version: 5 });
    // A retry with the same key returns the first answer and changes nothing more.
    const replay = await change('officer', 4, { status: 'REVOKED', statusDate: '2025-09-01' }, 'revoke-0001-abcdef');
    expect(replay.data).toEqual(revoked.data);
    expectBadInput(await change('officer', 5, { status: 'ACTIVE', statusDate: '2025-10-01' }), 'changes.status');
    expectBadInput(await change('officer', 5, { registeredCapital: 10 }), 'changes.registeredCapital');
    expectBadInput(await change('officer', 5, { status: 'CANCELLED', statusDate: '2025-08-31' }), 'changes.statusDate');
    const cancelled = await change('officer', 5, { status: 'CANCELLED', statusDate: '2025-10-01' });
    expect(cancelled.data.changeEnterprise).toMatchObject({ status: 'CANCELLED', statusDate: '2025-10-01', version: 6 });
    expectBadInput(await change('officer', 6, { status: 'REVOKED', statusDate: '2025-10-02' }), 'changes.status');
    const filtered = await gw('officer', `{ enterprises(first: 500, filter: { status: CANCELLED, regionCode: "460106" }) { edges { node { uscc } } } }`);
    expect(filtered.data.enterprises.edges).toContainEqual({ node: { uscc } });
  });
});
