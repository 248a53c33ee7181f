/**
 * The housing subgraph end to end: properties across domains through the gateway, filters and pagination, SQL
 * counts, who sees what, and the registration mutations. Real HTTP servers; SQLite, or PostgreSQL with DATABASE_URL.
 */
import { chinaToday } from '../../subgraphs/housing/registration';
import { makeUscc } from '../../subgraphs/kit/world/uscc';
import { postGraphQL, GENEROUS_QUERY_LIMITS, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

let platform: Platform;
const callers: Record<string, Record<string, string>> = {};

const PRINCIPALS = {
  /** The owning department: reads and records the register. */
  clerk: { sub: 'housing-clerk', dept: 'housing', roles: ['officer'], region: '460000' },
  healthAnalyst: { sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460000' },
  healthOfficer: { sub: 'health-2', dept: 'health', roles: ['officer'], region: '460000' },
  /** Given a masked view of addresses and locations by the policy installed below. */
  creditAnalyst: { sub: 'credit-1', dept: 'credit', roles: ['analyst'], region: '460000' },
};
type Caller = keyof typeof PRINCIPALS | 'public';
/** Enterprise owners are checked with the enterprise service; without it in the platform they cannot be checked. */

const as = (caller: Caller, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, caller === 'public' ? {} : callers[caller]);
const clerk = (query: string, variables?: Record<string, unknown>) => as('clerk', query, variables);
const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => String(e.extensions?.code));

const PROPERTY_FIELDS = `id certificateNumber address regionCode region { code } location floorArea usage registeredOn version
  owners { kind share person { id } enterprise { uscc } }
  transfers { id date price from { kind share person { id } enterprise { uscc } } to { kind share person { id } } }
  mortgages { id bank amount registeredOn releasedOn }`;

/** Ground truth read by the owning department. */
let personal: any;
let commercial: any;
let owner: { id: string; name: string };
let strangers: string[];

function todayPlus(days: number): string {
  return new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  platform = await startPlatform('housing', { queryLimits: GENEROUS_QUERY_LIMITS, persons: 400, seed: 11 });
  for (const [name, claims] of Object.entries(PRINCIPALS)) callers[name] = await platform.as(claims);
  // As the data bureau would: credit analysts see property addresses and locations masked (about 1 km, district).
  await platform.addPolicies([
    {
      id: 'test-credit-property-masked',
      dept: 'credit',
      role: 'analyst',
      rules: [{ action: 'readMasked', subject: 'Property', fields: ['address', 'location'], reason: 'test: credit checks see where a property is, roughly' }],
    },
  ]);

  const res = await clerk(`{
    persons: properties(first: 500, filter: { usage: RESIDENTIAL }) { edges { node { ${PROPERTY_FIELDS} } } }
    shops: properties(first: 500, filter: { usage: COMMERCIAL }) { edges { node { ${PROPERTY_FIELDS} } } }
    people: persons(first: 500) { edges { node { id name } } }
  }`);
  expect(res.errors).toBeUndefined();
  const homes = res.data.persons.edges.map((e: any) => e.node);
  personal = homes.find((p: any) => p.owners.length === 2 && p.transfers.length > 0 && p.mortgages.length > 0);
  commercial = res.data.shops.edges.map((e: any) => e.node).find((p: any) => p.owners[0].kind === 'ENTERPRISE');
  const ownerId = personal.owners[0].person.id;
  owner = res.data.people.edges.map((e: any) => e.node).find((p: any) => p.id === ownerId);
  const owning = new Set(homes.flatMap((p: any) => p.owners.map((o: any) => o.person?.id)));
  strangers = res.data.people.edges.map((e: any) => e.node.id).filter((id: string) => !owning.has(id));
  expect(personal && commercial && owner && strangers.length > 2).toBeTruthy();
});
afterAll(async () => {
  await platform?.stop();
});

describe('properties across domains through the gateway', () => {
  it('returns persons with their properties and the owners resolved back to the population register', async () => {
    const res = await clerk(`{ persons(first: 100) { edges { node { id name properties { id certificateNumber floorArea owners { share person { id name } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const persons = res.data.persons.edges.map((e: any) => e.node);
    const owners = persons.filter((p: any) => p.properties.length > 0);
    expect(owners.length).toBeGreaterThan(10);
    for (const person of owners) {
      for (const property of person.properties) {
        const mine = property.owners.find((o: any) => o.person?.id === person.id);
        expect(mine.person.name).toBe(person.name);
        expect(property.owners.reduce((sum: number, o: any) => sum + o.share, 0)).toBeCloseTo(1, 9);
        expect(property.certificateNumber).toMatch(/^琼\(\d{4}\)\S+不动产权第\d{7}号$/);
      }
    }
    expect(persons.filter((p: any) => p.properties.length === 0).length).toBeGreaterThan(0);
  });

  it('returns the properties of an enterprise owner, from the owner and straight from the subgraph', async () => {
    const uscc = commercial.owners[0].enterprise.uscc;
    const res = await clerk(`query($id: ID!) { property(id: $id) { owners { enterprise { uscc properties { id usage } } } } }`, { id: commercial.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.property.owners[0].enterprise.properties.map((p: any) => p.id)).toContain(commercial.id);
    const direct = await postGraphQL(platform.subgraphs.housing.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc properties { id } } } }`, { r: [{ __typename: 'Enterprise', uscc }] }, callers.clerk);
    expect(direct.data._entities[0].properties.map((p: any) => p.id)).toContain(commercial.id);
  });

  it('returns a property with its region, transfers from earlier owners and mortgages', async () => {
    const res = await clerk(`query($id: ID!) { property(id: $id) { ${PROPERTY_FIELDS} } }`, { id: personal.id });
    expect(res.errors).toBeUndefined();
    const p = res.data.property;
    expect(p).toEqual(personal);
    expect(p.location.type).toBe('Point');
    expect(p.region.code).toBe(p.regionCode);
    expect(p.owners.map((o: any) => o.share)).toEqual([0.5, 0.5]);
    const last = p.transfers[p.transfers.length - 1];
    expect(last.to.map((o: any) => o.person.id).sort()).toEqual(p.owners.map((o: any) => o.person.id).sort());
    for (const t of p.transfers) expect(t.price).toBeGreaterThan(0);
    expect(p.mortgages[0].amount).toBeLessThan(last.price);
  });
});

describe('properties: filters and pagination', () => {
  it('walks every page of a filtered list and finds exactly totalCount properties, each matching the filter', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = -1;
    do {
      const res: any = await clerk(
        `query($after: String) { properties(first: 7, after: $after, filter: { regionCode: "460100", minFloorArea: 60, maxFloorArea: 150 }) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id regionCode floorArea } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      total = res.data.properties.totalCount;
      for (const { node } of res.data.properties.edges) {
        expect(node.regionCode.startsWith('4601')).toBe(true);
        expect(node.floorArea >= 60 && node.floorArea <= 150).toBe(true);
        seen.add(node.id);
      }
      after = res.data.properties.pageInfo.hasNextPage ? res.data.properties.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(7);
    expect(seen.size).toBe(total);
  });

  it('filters by county, usage and owner, and by owner returns what Person.properties returns', async () => {
    const res = await clerk(
      `query($county: ID!, $owner: ID!, $uscc: ID!) {
        county: properties(first: 500, filter: { regionCode: $county }) { totalCount edges { node { regionCode } } }
        shops: properties(first: 500, filter: { usage: COMMERCIAL }) { totalCount edges { node { usage } } }
        byOwner: properties(first: 500, filter: { ownerId: $owner }) { totalCount edges { node { id } } }
        byEnterprise: properties(filter: { ownerId: $uscc }) { totalCount edges { node { id } } }
        nobody: properties(filter: { ownerId: "PNOBODY00" }) { totalCount edges { node { id } } }
        person(id: $owner) { properties { id } }
      }`,
      { county: personal.regionCode, owner: owner.id, uscc: commercial.owners[0].enterprise.uscc },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.county.totalCount).toBeGreaterThan(0);
    for (const { node } of res.data.county.edges) expect(node.regionCode).toBe(personal.regionCode);
    for (const { node } of res.data.shops.edges) expect(node.usage).toBe('COMMERCIAL');
    expect(res.data.byOwner.edges.map((e: any) => e.node.id)).toEqual(res.data.person.properties.map((p: any) => p.id));
    expect(res.data.byOwner.totalCount).toBe(res.data.person.properties.length);
    expect(res.data.byEnterprise.edges.map((e: any) => e.node.id)).toContain(commercial.id);
    expect(res.data.nobody).toEqual({ totalCount: 0, edges: [] });
  });

  it.each([
    ['{ regionCode: "46" }', 'filter.regionCode'],
    ['{ minFloorArea: 200, maxFloorArea: 100 }', 'filter.minFloorArea'],
    ['{ minFloorArea: -1 }', 'filter.minFloorArea'],
    ['{ ownerId: "not-an-id!" }', 'filter.ownerId'],
  ])('refuses the filter %s with BAD_USER_INPUT naming %s', async (filter, argument) => {
    const res = await clerk(`{ properties(filter: ${filter}) { totalCount } }`);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.argumentName).toBe(argument);
  });
});

describe('SQL queries per federated request', () => {
  const PAGE = `query($first: Int) { persons(first: $first) { edges { node { id properties { id certificateNumber floorArea owners { share person { id } } } } } } }`;

  it('resolves a page of persons with their properties and owners in the same few housing queries, whatever the page size', async () => {
    const small = await platform.countQueries(() => clerk(PAGE, { first: 10 }));
    let result: any;
    const large = await platform.countQueries(async () => {
      result = await clerk(PAGE, { first: 100 });
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.persons.edges).toHaveLength(100);
    // housing: the owner table by owner, the properties, the owner table by property.
    expect(large.housing).toBe(3);
    expect(large.housing).toBe(small.housing);
  });
});

describe('who sees what', () => {
  const QUERY = `query($id: ID!) { property(id: $id) { ${PROPERTY_FIELDS} } }`;

  it('returns every field in full to the housing department', async () => {
    const res = await clerk(QUERY, { id: personal.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.property.certificateNumber).toBe(personal.certificateNumber);
    expect(res.data.property.location.coordinates).toEqual(personal.location.coordinates);
  });

  it('returns what a property is to another department, and denies owners, certificate, address, location, prices and mortgages', async () => {
    const res = await as('healthAnalyst', QUERY, { id: personal.id });
    const p = res.data.property;
    expect(p).toMatchObject({ id: personal.id, floorArea: personal.floorArea, usage: personal.usage, regionCode: personal.regionCode, registeredOn: personal.registeredOn });
    for (const field of ['certificateNumber', 'address', 'location', 'owners', 'transfers', 'mortgages']) {
      expect(p[field]).toBeNull();
      const error = res.errors!.find((e) => e.path?.[e.path.length - 1] === field)!;
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'Property', field, owner: 'housing', sharing: 'CONDITIONAL' });
    }
    expect(res.body).not.toContain(personal.certificateNumber);
    expect(res.body).not.toContain(personal.address);
    expect(res.body).not.toContain(personal.owners[0].person.id);
    expect(res.body).not.toContain(String(personal.transfers[0].price));
    expect(res.body).not.toContain(personal.mortgages[0].bank);
  });

  it('returns the address cut to the district and the location to about 1 km where a policy grants the masked view', async () => {
    const res = await as('creditAnalyst', QUERY, { id: personal.id });
    const p = res.data.property;
    expect(personal.address.startsWith(p.address)).toBe(true);
    expect(p.address.length).toBeLessThan(personal.address.length);
    expect(p.location.coordinates).toEqual(personal.location.coordinates.map((c: number) => Math.round(c * 100) / 100));
    expect(p.certificateNumber).toBeNull();
    expect(codes(res)).toContain('FORBIDDEN');
    expect(res.body).not.toContain(personal.address);
    expect(res.body).not.toContain(personal.certificateNumber);
  });

  it("denies a person's list of properties to another department", async () => {
    const res = await as('healthAnalyst', `query($id: ID!) { person(id: $id) { name properties { id } } }`, { id: owner.id });
    expect(res.data.person.name).toBe(owner.name);
    expect(res.data.person.properties).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', type: 'Person', field: 'properties', owner: 'housing' });
    expect(res.body).not.toContain(personal.id);
  });

  it('shows no property at all to the public, through the gateway and straight to the subgraph', async () => {
    const res = await as('public', `query($id: ID!) { property(id: $id) { id floorArea } properties(first: 5) { totalCount edges { node { id } } } }`, { id: personal.id });
    expect(res.data.property).toBeNull();
    expect(res.data.properties).toEqual({ totalCount: 0, edges: [] });
    const direct = await postGraphQL(platform.subgraphs.housing.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Property { id floorArea } } }`, { r: [{ __typename: 'Property', id: personal.id }] });
    expect(direct.data._entities).toEqual([null]);
  });

  it('refuses a filter by owner to a department that may not read owners, but answers a filter on shared fields', async () => {
    const byOwner = await as('healthAnalyst', `query($o: ID) { properties(filter: { ownerId: $o }) { totalCount edges { node { id } } } }`, { o: owner.id });
    expect(codes(byOwner)).toEqual(['FORBIDDEN']);
    expect(byOwner.errors![0].message).toContain('Property.owners');
    expect(byOwner.body).not.toContain(personal.id);
    const byArea = await as('healthAnalyst', `{ properties(first: 0, filter: { minFloorArea: 100 }) { totalCount } }`);
    expect(byArea.errors).toBeUndefined();
    expect(byArea.data.properties.totalCount).toBeGreaterThan(0);
  });
});

/** A first registration as the clerk would fill it in: a new flat in Haikou's Longhua district. */
function registration(overrides: Record<string, unknown> = {}) {
  return {
    certificateNumber: `琼(${chinaToday().slice(0, 4)})海口市不动产权第${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}号`,
    address: '海南省海口市龙华区滨海大道88号3栋2单元1203',
    regionCode: '460106',
    location: { type: 'Point', coordinates: [110.3283, 20.031] },
    floorArea: 89.5,
    usage: 'RESIDENTIAL',
    registeredOn: todayPlus(-30),
    owners: [
      { personId: strangers[0], share: 0.5 },
      { personId: strangers[1], share: 0.5 },
    ],
    ...overrides,
  };
}

const REGISTER = `mutation($input: PropertyRegistrationInput!, $key: String) { registerProperty(input: $input, idempotencyKey: $key) {
  id certificateNumber regionCode floorArea usage registeredOn version owners { share person { id } } } }`;
const TRANSFER = `mutation($input: PropertyTransferInput!, $key: String) { registerPropertyTransfer(input: $input, idempotencyKey: $key) {
  id version owners { kind share person { id } } transfers { date price from { person { id } } to { share person { id } } } } }`;

async function propertyCount(): Promise<number> {
  return (await clerk(`{ properties(first: 0) { totalCount } }`)).data.properties.totalCount;
}

describe('registerProperty', () => {
  it('registers a property with its owners for the housing department, and it reads back from the graph', async () => {
    const input = registration();
    const res = await clerk(REGISTER, { input });
    expect(res.errors).toBeUndefined();
    const p = res.data.registerProperty;
    expect(p).toMatchObject({ certificateNumber: input.certificateNumber, regionCode: '460106', floorArea: 89.5, usage: 'RESIDENTIAL', version: 1 });
    expect(p.id).toMatch(/^HP[0-9A-Z]{8}$/);
    expect(p.owners.map((o: any) => o.person.id).sort()).toEqual([strangers[0], strangers[1]].sort());
    const mine = await clerk(`query($id: ID!) { person(id: $id) { properties { id } } }`, { id: strangers[0] });
    expect(mine.data.person.properties.map((x: any) => x.id)).toContain(p.id);
  });

  it('refuses another department with FORBIDDEN and writes nothing', async () => {
    const before = await propertyCount();
    const res = await as('healthOfficer', REGISTER, { input: registration() });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.data?.registerProperty ?? null).toBeNull();
    expect(await propertyCount()).toBe(before);
  });

  it.each([
    ['a malformed certificate number', { certificateNumber: '海口市0012345' }, 'input.certificateNumber', '琼(YYYY)'],
    ['a certificate of another city', { certificateNumber: '琼(2024)三亚市不动产权第0000001号' }, 'input.certificateNumber', 'registered by 海口市'],
    ['a certificate from before unified registration', { certificateNumber: '琼(2012)海口市不动产权第0000001号' }, 'input.certificateNumber', 'before 2015'],
    ['a malformed region code', { regionCode: '4601' }, 'input.regionCode', '6 digits'],
    ['a city instead of a district', { regionCode: '460100' }, 'input.regionCode', 'county or district'],
    ['an address outside the region', { address: '海南省三亚市吉阳区迎宾路1号' }, 'input.address', '海南省海口市龙华区'],
    ['a location outside the region', { location: { type: 'Point', coordinates: [109.51, 18.25] } }, 'input.location', 'not in region 460106'],
    ['a location that is not a point', { location: { type: 'LineString', coordinates: [[110.3, 20], [110.4, 20]] } }, 'input.location', 'GeoJSON Point'],
    ['a floor area of zero', { floorArea: 0 }, 'input.floorArea', 'above 0'],
    ['a registration date in the future', { registeredOn: todayPlus(3) }, 'input.registeredOn', 'future'],
    ['shares adding up to less than 1', { owners: [{ personId: 'P00000000', share: 0.5 }] }, 'input.owners', 'add up to 0.5'],
    ['an owner given as both person and enterprise', { owners: [{ personId: 'P00000000', uscc: '91460100MA5T000000', share: 1 }] }, 'input.owners[0]', 'exactly one'],
    ['the same owner twice', { owners: [{ personId: 'P00000000', share: 0.5 }, { personId: 'P00000000', share: 0.5 }] }, 'input.owners[1]', 'named twice'],
    ['a unified social credit code with a wrong check character', { owners: [{ uscc: '91460100MA5T00000X', share: 1 }] }, 'input.owners[0].uscc', 'check character'],
  ])('refuses %s with BAD_USER_INPUT naming the argument and why, and writes nothing', async (_, overrides, argument, why) => {
    const before = await propertyCount();
    const res = await clerk(REGISTER, { input: registration(overrides) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions).toMatchObject({ argumentName: argument, reason: expect.stringContaining(why) });
    expect(await propertyCount()).toBe(before);
  });

  it('refuses an owner who is not a known person, naming the unknown ID', async () => {
    const res = await clerk(REGISTER, { input: registration({ owners: [{ personId: 'PZZZZZZZZ', share: 1 }] }) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions).toMatchObject({ argumentName: 'input.owners', unknown: ['PZZZZZZZZ'] });
  });


  it('registers a property of a known enterprise and refuses an unknown one', async () => {
    const uscc = commercial.owners[0].enterprise.uscc;
    const known = await clerk(REGISTER, { input: registration({ usage: 'COMMERCIAL', owners: [{ uscc, share: 1 }] }) });
    expect(known.errors).toBeUndefined();
    const nobody = makeUscc(999_999_999, '460106');
    const unknown = await clerk(REGISTER, { input: registration({ usage: 'COMMERCIAL', owners: [{ uscc: nobody, share: 1 }] }) });
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0].extensions).toMatchObject({ argumentName: 'input.owners', unknown: [nobody] });
  });

  it('refuses a certificate number that is already registered', async () => {
    const { certificateNumber, address, regionCode, location, registeredOn } = personal;
    const res = await clerk(REGISTER, { input: registration({ certificateNumber, address, regionCode, location, registeredOn }) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.argumentName).toBe('input.certificateNumber');
    expect(res.errors![0].message).toContain('already registered');
  });

  it('returns the first result again for a repeated idempotency key and registers once; refuses the key for another request', async () => {
    const before = await propertyCount();
    const input = registration();
    const first = await clerk(REGISTER, { input, key: 'register-flat-0001' });
    const again = await clerk(REGISTER, { input, key: 'register-flat-0001' });
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await propertyCount()).toBe(before + 1);
    const other = await clerk(REGISTER, { input: registration(), key: 'register-flat-0001' });
    expect(codes(other)).toEqual(['CONFLICT']);
    expect(await propertyCount()).toBe(before + 1);
  });
});

describe('registerPropertyTransfer', () => {
  /** A freshly registered property, so that each test starts from version 1 with known owners. */
  async function registered() {
    const res = await clerk(REGISTER, { input: registration({ registeredOn: todayPlus(-400) }) });
    expect(res.errors).toBeUndefined();
    return res.data.registerProperty as { id: string; version: number; owners: { person: { id: string } }[] };
  }
  const transfer = (propertyId: string, overrides: Record<string, unknown> = {}) => ({
    propertyId,
    expectedVersion: 1,
    date: todayPlus(-1),
    price: 1_560_000,
    newOwners: [{ personId: strangers[2], share: 1 }],
    ...overrides,
  });

  it('replaces the owners, records the transfer from the previous owners and raises the version', async () => {
    const property = await registered();
    const res = await clerk(TRANSFER, { input: transfer(property.id) });
    expect(res.errors).toBeUndefined();
    const p = res.data.registerPropertyTransfer;
    expect(p.version).toBe(2);
    expect(p.owners).toEqual([{ kind: 'PERSON', share: 1, person: { id: strangers[2] } }]);
    expect(p.transfers).toHaveLength(1);
    expect(p.transfers[0]).toMatchObject({ date: todayPlus(-1), price: 1_560_000, to: [{ share: 1, person: { id: strangers[2] } }] });
    expect(p.transfers[0].from.map((o: any) => o.person.id).sort()).toEqual(property.owners.map((o) => o.person.id).sort());
    const before = await clerk(`query($id: ID!) { person(id: $id) { properties { id } } }`, { id: property.owners[0].person.id });
    expect(before.data.person.properties.map((x: any) => x.id)).not.toContain(property.id);
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version, and changes nothing', async () => {
    const property = await registered();
    expect((await clerk(TRANSFER, { input: transfer(property.id) })).errors).toBeUndefined();
    const stale = await clerk(TRANSFER, { input: transfer(property.id, { newOwners: [{ personId: strangers[0], share: 1 }] }) });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions?.currentVersion).toBe(2);
    const now = await clerk(`query($id: ID!) { property(id: $id) { version owners { person { id } } transfers { id } } }`, { id: property.id });
    expect(now.data.property).toMatchObject({ version: 2, owners: [{ person: { id: strangers[2] } }] });
    expect(now.data.property.transfers).toHaveLength(1);
  });

  it('refuses another department with FORBIDDEN', async () => {
    const property = await registered();
    const res = await as('healthOfficer', TRANSFER, { input: transfer(property.id) });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    const now = await clerk(`query($id: ID!) { property(id: $id) { version } }`, { id: property.id });
    expect(now.data.property.version).toBe(1);
  });

  it.each([
    ['a date in the future', { date: todayPlus(2) }, 'input.date'],
    ['a date before the first registration', { date: todayPlus(-500) }, 'input.date'],
    ['a price of zero', { price: 0 }, 'input.price'],
    ['a negative price', { price: -5 }, 'input.price'],
    ['a price in fractions of a fen', { price: 100.001 }, 'input.price'],
    ['shares adding up to more than 1', { newOwners: [{ personId: 'P00000000', share: 0.6 }, { personId: 'P00000001', share: 0.6 }] }, 'input.newOwners'],
    ['an owner with neither person nor enterprise', { newOwners: [{ share: 1 }] }, 'input.newOwners[0]'],
    ['a share above 1', { newOwners: [{ personId: 'P00000000', share: 1.5 }] }, 'input.newOwners[0].share'],
    ['an expectedVersion of 0', { expectedVersion: 0 }, 'expectedVersion'],
  ])('refuses %s with BAD_USER_INPUT naming the argument, and changes nothing', async (_, overrides, argument) => {
    const property = await registered();
    const res = await clerk(TRANSFER, { input: transfer(property.id, overrides) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.argumentName).toBe(argument);
    const now = await clerk(`query($id: ID!) { property(id: $id) { version transfers { id } } }`, { id: property.id });
    expect(now.data.property).toEqual({ version: 1, transfers: [] });
  });

  it('refuses a date before the last transfer', async () => {
    const property = await registered();
    expect((await clerk(TRANSFER, { input: transfer(property.id, { date: todayPlus(-1) }) })).errors).toBeUndefined();
    const res = await clerk(TRANSFER, { input: transfer(property.id, { expectedVersion: 2, date: todayPlus(-2) }) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain('last transfer');
  });

  it('refuses a new owner who is not a known person, and an unknown property with NOT_FOUND', async () => {
    const property = await registered();
    const unknownOwner = await clerk(TRANSFER, { input: transfer(property.id, { newOwners: [{ personId: 'PZZZZZZZZ', share: 1 }] }) });
    expect(codes(unknownOwner)).toEqual(['BAD_USER_INPUT']);
    expect(unknownOwner.errors![0].extensions).toMatchObject({ argumentName: 'input.newOwners', unknown: ['PZZZZZZZZ'] });
    const unknownProperty = await clerk(TRANSFER, { input: transfer('HPNOSUCH00') });
    expect(codes(unknownProperty)).toEqual(['NOT_FOUND']);
  });


  it('returns the first result again for a repeated idempotency key and records the transfer once', async () => {
    const property = await registered();
    const input = transfer(property.id);
    const first = await clerk(TRANSFER, { input, key: 'transfer-flat-0001' });
    const again = await clerk(TRANSFER, { input, key: 'transfer-flat-0001' });
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    const now = await clerk(`query($id: ID!) { property(id: $id) { version transfers { id } } }`, { id: property.id });
    expect(now.data.property.version).toBe(2);
    expect(now.data.property.transfers).toHaveLength(1);
  });
});
