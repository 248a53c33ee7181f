import { makeUscc } from '../../subgraphs/kit/world/uscc';
/**
 * The credit subgraph end to end: real subgraph servers and the gateway over HTTP, SQLite or PostgreSQL
 * (DATABASE_URL). Cross-domain fields, the open dishonest list, filters, SQL counts, who sees what, and every
 * path of recordCreditEvent.
 */
import { postGraphQL, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

let platform: Platform;
const PRINCIPALS = {
  creditOfficer: { sub: 'credit-1', dept: 'credit', roles: ['officer'], region: '460000' },
  creditAnalyst: { sub: 'credit-2', dept: 'credit', roles: ['analyst'], region: '460000' },
  healthAnalyst: { sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460000' },
  housingOfficer: { sub: 'housing-1', dept: 'housing', roles: ['officer'], region: '460200' },
  police: { sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' },
};
type Caller = keyof typeof PRINCIPALS | 'public';
const callers = {} as Record<keyof typeof PRINCIPALS, Record<string, string>>;
const headersOf = (caller: Caller) => (caller === 'public' ? {} : callers[caller]);
const gw = (caller: Caller, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, headersOf(caller));
const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => String(e.extensions?.code));
const errorAt = (res: GraphQLResponse, field: string) => res.errors?.find((e) => e.path?.[e.path.length - 1] === field);

interface Truth {
  id: string;
  subjectKind: 'PERSON' | 'ENTERPRISE';
  regionCode: string;
  rating: string;
  onDishonestList: boolean;
  version: number;
  person: { id: string } | null;
  enterprise: { uscc: string } | null;
  loans: { id: string; lender: string; amount: number; balance: number; status: string }[];
  administrativePenalties: { authority: string }[];
}
/** Every profile, as the credit information centre (the owner) reads it. */
let truth: Truth[];
const RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'C'];
/** The rating's factors, one field each (RatingFactors): `factorsOf('factor effect')` asks for all of them. */
const FACTOR_FIELDS = ['loanHistory', 'overdueLoans', 'defaultedLoans', 'contractPerformance', 'administrativePenalties', 'qualityViolations', 'taxGrade', 'dishonestList'];
const factorsOf = (fields: string) => `factors { ${FACTOR_FIELDS.map((f) => `${f} { ${fields} }`).join(' ')} }`;
/** The factors an answer shows (a factor that does not apply, or that the caller may not read, is null). */
const factorList = (factors: Record<string, any> | null): any[] => Object.values(factors ?? {}).filter((f) => f !== null);

async function allProfiles(): Promise<Truth[]> {
  const out: Truth[] = [];
  let after: string | null = null;
  do {
    const res: GraphQLResponse = await gw(
      'creditOfficer',
      `query($after: String) { creditProfiles(first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { node {
        id subjectKind regionCode rating onDishonestList version person { id } enterprise { uscc }
        loans { id lender amount balance status } administrativePenalties { authority } } } } }`,
      { after },
    );
    expect(res.errors).toBeUndefined();
    out.push(...res.data.creditProfiles.edges.map((e: any) => e.node));
    after = res.data.creditProfiles.pageInfo.hasNextPage ? res.data.creditProfiles.pageInfo.endCursor : null;
  } while (after);
  return out;
}

const find = (predicate: (p: Truth) => boolean, what: string): Truth => {
  const found = truth.find(predicate);
  if (!found) throw new Error(`The seeded world has no ${what}; pick another seed.`);
  return found;
};

beforeAll(async () => {
  platform = await startPlatform('credit', { persons: 1500, seed: 31 });
  for (const [name, claims] of Object.entries(PRINCIPALS)) callers[name as keyof typeof PRINCIPALS] = await platform.as(claims);
  truth = await allProfiles();
});
afterAll(async () => {
  await platform?.stop();
});

describe('credit on persons and enterprises through the gateway', () => {
  it('returns Person.credit for a page of persons: a rated profile for every living adult, none for minors', async () => {
    const res = await gw('creditOfficer', `{ persons(first: 100) { edges { node { id birthDate status
      credit { id subjectKind person { id } rating score onDishonestList ${factorsOf('factor weight value effect explanation')} } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.persons.edges.map((e: any) => e.node);
    expect(nodes.some((n: any) => n.credit === null)).toBe(true);
    for (const node of nodes) {
      const adult = node.status === 'LIVING' && node.birthDate <= '2008-01-01';
      expect(node.credit !== null).toBe(adult);
      if (!node.credit) continue;
      expect(node.credit).toMatchObject({ subjectKind: 'PERSON', person: { id: node.id } });
      expect(RATINGS).toContain(node.credit.rating);
      const sum = 75 + factorList(node.credit.factors).reduce((s: number, f: any) => s + f.effect, 0);
      expect(node.credit.score).toBeCloseTo(Math.max(0, Math.min(100, sum)), 6);
      for (const f of factorList(node.credit.factors)) expect(Math.abs(f.effect)).toBeLessThanOrEqual(f.weight);
    }
  });

  it('returns the person behind a profile from the population register, and an enterprise with its own profile', async () => {
    const person = find((p) => p.subjectKind === 'PERSON', 'personal profile');
    const enterprise = find((p) => p.subjectKind === 'ENTERPRISE', 'enterprise profile');
    const res = await gw('creditOfficer', `query($p: ID!, $e: ID!) {
      p: creditProfile(id: $p) { id person { id name birthDate credit { id } } enterprise { uscc } taxGrade qualityViolations { date } }
      e: creditProfile(id: $e) { id person { id } enterprise { uscc credit { id taxGrade } } } }`, { p: person.id, e: enterprise.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.p).toMatchObject({ id: person.id, person: { id: person.person!.id, name: expect.any(String), credit: { id: person.id } }, enterprise: null, taxGrade: null, qualityViolations: null });
    expect(res.data.e).toMatchObject({ id: enterprise.id, person: null, enterprise: { uscc: enterprise.enterprise!.uscc, credit: { id: enterprise.id, taxGrade: expect.stringMatching(/^[ABMCD]$/) } } });
  });
});

describe('root queries and filters', () => {
  it('walks every page of a filtered list and finds exactly totalCount profiles, each matching the filter', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = -1;
    do {
      const res: GraphQLResponse = await gw(
        'creditOfficer',
        `query($after: String) { creditProfiles(first: 37, after: $after, filter: { regionCode: "460100", subjectKind: PERSON }) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id subjectKind regionCode } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      total = res.data.creditProfiles.totalCount;
      for (const { node } of res.data.creditProfiles.edges) {
        expect(node.subjectKind).toBe('PERSON');
        expect(node.regionCode.startsWith('4601')).toBe(true);
        seen.add(node.id);
      }
      after = res.data.creditProfiles.pageInfo.hasNextPage ? res.data.creditProfiles.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(37);
    expect(seen.size).toBe(total);
    expect(total).toBe(truth.filter((p) => p.subjectKind === 'PERSON' && p.regionCode.startsWith('4601')).length);
  });

  it('walks the open dishonest list without signing in: exactly the listed profiles, with court and case number', async () => {
    const listed = truth.filter((p) => p.onDishonestList);
    expect(listed.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: GraphQLResponse = await gw(
        'public',
        `query($after: String) { dishonestList(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { id subjectKind regionCode onDishonestList dishonestListing { court caseNumber listedOn reason } } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.dishonestList.totalCount).toBe(listed.length);
      for (const { node } of res.data.dishonestList.edges) {
        expect(node.onDishonestList).toBe(true);
        expect(node.dishonestListing.court).toMatch(/人民法院$/);
        expect(node.dishonestListing.caseNumber).toMatch(/^（\d{4}）琼\d{4}执\d+号$/);
        expect(node.dishonestListing.listedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        seen.push(node.id);
      }
      after = res.data.dishonestList.pageInfo.hasNextPage ? res.data.dishonestList.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(listed.map((p) => p.id));
  });

  it('filters the dishonest list by region and kind', async () => {
    const res = await gw('public', `{ ent: dishonestList(first: 500, filter: { subjectKind: ENTERPRISE }) { totalCount edges { node { subjectKind } } }
      haikou: dishonestList(first: 500, filter: { regionCode: "460100" }) { totalCount edges { node { regionCode } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.ent.totalCount).toBe(truth.filter((p) => p.onDishonestList && p.subjectKind === 'ENTERPRISE').length);
    expect(res.data.ent.edges.every((e: any) => e.node.subjectKind === 'ENTERPRISE')).toBe(true);
    expect(res.data.haikou.totalCount).toBe(truth.filter((p) => p.onDishonestList && p.regionCode.startsWith('4601')).length);
    expect(res.data.haikou.edges.every((e: any) => e.node.regionCode.startsWith('4601'))).toBe(true);
  });

  it('filters by rating and by loans in arrears', async () => {
    const res = await gw('creditOfficer', `{
      a: creditProfiles(first: 500, filter: { rating: BBB }) { totalCount edges { node { rating } } }
      arrears: creditProfiles(first: 500, filter: { hasOverdueLoans: true }) { totalCount edges { node { loans { status } } } }
      none: creditProfiles(first: 0, filter: { hasOverdueLoans: false }) { totalCount }
      all: creditProfiles(first: 0) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.a.totalCount).toBe(truth.filter((p) => p.rating === 'BBB').length);
    expect(res.data.a.edges.every((e: any) => e.node.rating === 'BBB')).toBe(true);
    const inArrears = truth.filter((p) => p.loans.some((l) => l.status !== 'CURRENT'));
    expect(inArrears.length).toBeGreaterThan(0);
    expect(res.data.arrears.totalCount).toBe(inArrears.length);
    for (const { node } of res.data.arrears.edges) expect(node.loans.some((l: any) => l.status !== 'CURRENT')).toBe(true);
    expect(res.data.none.totalCount + res.data.arrears.totalCount).toBe(res.data.all.totalCount);
    expect(res.data.all.totalCount).toBe(truth.length);
  });

  it('returns null for an unknown profile and refuses a malformed region code and a page above 500', async () => {
    const unknown = await gw('creditOfficer', `{ creditProfile(id: "CNOSUCH00") { id } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.creditProfile).toBeNull();
    const region = await gw('public', `{ dishonestList(filter: { regionCode: "46" }) { totalCount } }`);
    expect(codes(region)).toEqual(['BAD_USER_INPUT']);
    expect(region.errors![0].extensions?.argumentName).toBe('filter.regionCode');
    const page = await gw('creditOfficer', `{ creditProfiles(first: 501) { totalCount } }`);
    expect(codes(page)).toEqual(['BAD_USER_INPUT']);
    expect(page.errors![0].extensions?.maximum).toBe(500);
  });
});

describe('SQL queries per federated request', () => {
  it('resolves credit with loans and penalties for a page of 100 persons in the same few queries as for 10', async () => {
    const query = `query($first: Int) { persons(first: $first) { edges { node { id credit {
      rating score onDishonestList ${factorsOf('factor effect')} loans { status balance } administrativePenalties { date } dishonestListing { court } } } } } }`;
    const small = await platform.countQueries(() => gw('creditOfficer', query, { first: 10 }));
    let result: GraphQLResponse | undefined;
    const large = await platform.countQueries(async () => {
      result = await gw('creditOfficer', query, { first: 100 });
    });
    expect(result!.errors).toBeUndefined();
    expect(result!.data.persons.edges).toHaveLength(100);
    // credit: the profiles of the persons, their loans, their penalties.
    expect(large.credit).toBe(3);
    expect(large).toEqual(small);
  });
});

describe('who sees what', () => {
  const PROFILE = `query($id: ID!) { creditProfile(id: $id) { id rating score ${factorsOf('factor value effect explanation')} taxGrade
    loans { id lender amount balance status openedOn } contractPerformance { contracts onTime onTimeRatio } } }`;

  it('returns loans, contract performance and the rating in full to the credit department', async () => {
    const borrower = find((p) => p.loans.length > 0, 'borrower');
    const res = await gw('creditAnalyst', PROFILE, { id: borrower.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.creditProfile.rating).toBe(borrower.rating);
    expect(res.data.creditProfile.loans.map((l: any) => l.id)).toEqual(borrower.loans.map((l) => l.id));
    expect(res.data.creditProfile.contractPerformance.contracts).toEqual(expect.any(Number));
  });

  it('returns the rating and its factors to another department, but neither loans nor contract performance', async () => {
    const borrower = find((p) => p.loans.length > 0, 'borrower');
    const res = await gw('healthAnalyst', PROFILE, { id: borrower.id });
    const profile = res.data.creditProfile;
    expect(profile.rating).toBe(borrower.rating);
    // The factors computed from open records are shown; those computed from loans and contract performance are not:
    // their values and explanations carry the counts that the loans and contract performance themselves protect.
    expect(profile.factors.administrativePenalties).toMatchObject({ factor: 'ADMINISTRATIVE_PENALTIES' });
    expect(profile.factors.dishonestList).toMatchObject({ factor: 'DISHONEST_LIST' });
    for (const factor of ['loanHistory', 'overdueLoans', 'defaultedLoans', 'contractPerformance']) {
      expect(profile.factors[factor]).toBeNull();
      expect(errorAt(res, factor)?.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'RatingFactors', field: factor });
    }
    expect(res.body).not.toMatch(/contracts? performed on time|overdue loan|in default|repaid as agreed|Loans in arrears|too few to judge/);
    expect(profile.loans).toBeNull();
    expect(profile.contractPerformance).toBeNull();
    expect(errorAt(res, 'loans')?.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'CreditProfile', field: 'loans', sharing: 'CONDITIONAL', owner: 'credit' });
    expect(errorAt(res, 'loans')?.message).toContain('request a sharing grant');
    expect(errorAt(res, 'contractPerformance')?.extensions?.code).toBe('FORBIDDEN');
    expect(codes(res).every((c) => c === 'FORBIDDEN')).toBe(true);
    for (const loan of borrower.loans) {
      expect(res.body).not.toContain(loan.id);
      expect(res.body).not.toContain(String(loan.amount));
    }
  });

  it('returns the person behind a listing to another department with the ID number masked', async () => {
    const listed = find((p) => p.onDishonestList && p.subjectKind === 'PERSON', 'listed person');
    const full = await gw('police', `query($id: ID!) { person(id: $id) { idNumber } }`, { id: listed.person!.id });
    const idNumber = full.data.person.idNumber as string;
    const res = await gw('healthAnalyst', `query($id: ID!) { creditProfile(id: $id) { onDishonestList dishonestListing { caseNumber } person { id name idNumber } } }`, { id: listed.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.creditProfile.onDishonestList).toBe(true);
    expect(res.data.creditProfile.person.idNumber).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(res.body).not.toContain(idNumber);
  });

  it('returns the open list and penalties to the public, and denies the rest with FORBIDDEN', async () => {
    const penalised = find((p) => p.administrativePenalties.length > 0 && p.loans.length > 0, 'penalised borrower');
    const res = await gw('public', `query($id: ID!) { creditProfile(id: $id) { id subjectKind regionCode onDishonestList enterprise { uscc }
      administrativePenalties { date authority reason amount } rating score factors { administrativePenalties { effect } } loans { id lender } person { id } } }`, { id: penalised.id });
    const profile = res.data.creditProfile;
    expect(profile).toMatchObject({ id: penalised.id, subjectKind: penalised.subjectKind, regionCode: penalised.regionCode, onDishonestList: penalised.onDishonestList });
    expect(profile.administrativePenalties.map((p: any) => p.authority)).toEqual(penalised.administrativePenalties.map((p) => p.authority));
    for (const field of ['rating', 'score', 'factors', 'loans', 'person']) {
      expect(profile[field]).toBeNull();
      expect(errorAt(res, field)?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(errorAt(res, 'rating')?.message).toContain('sign in with a government account');
    expect(res.body).not.toContain(`"rating":"${penalised.rating}"`);
    for (const loan of penalised.loans) expect(res.body).not.toContain(loan.id);
  });

  it("shows a person's credit to no caller outside government, straight from the credit subgraph", async () => {
    const person = find((p) => p.subjectKind === 'PERSON', 'personal profile');
    const res = await postGraphQL(platform.subgraphs.credit.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { credit { id rating } } } }`, { r: [{ __typename: 'Person', id: person.person!.id }] });
    expect(res.data._entities[0].credit).toBeNull();
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.body).not.toContain(person.id);
  });

  it('refuses a filter on loans to another department and on the rating to the public, instead of answering from hidden values', async () => {
    const loans = await gw('healthAnalyst', `{ creditProfiles(filter: { hasOverdueLoans: true }) { totalCount } }`);
    expect(codes(loans)).toEqual(['FORBIDDEN']);
    expect(loans.errors![0].message).toContain('CreditProfile.loans');
    const rating = await gw('public', `{ creditProfiles(filter: { rating: C }) { totalCount } }`);
    expect(codes(rating)).toEqual(['FORBIDDEN']);
    expect(rating.errors![0].message).toContain('CreditProfile.rating');
    // The rating is shared with every department, so they may filter on it.
    const shared = await gw('healthAnalyst', `{ creditProfiles(first: 0, filter: { rating: C }) { totalCount } }`);
    expect(shared.data.creditProfiles.totalCount).toBe(truth.filter((p) => p.rating === 'C').length);
  });
});

describe('recordCreditEvent', () => {
  const FIELDS = `id version rating score onDishonestList loans { id lender amount balance status openedOn }
    administrativePenalties { date authority reason amount } dishonestListing { court caseNumber listedOn reason } ${factorsOf('factor value effect')}`;
  const MUTATION = `mutation($input: CreditEventInput!, $v: Int!, $key: String) {
    recordCreditEvent(input: $input, expectedVersion: $v, idempotencyKey: $key) { ${FIELDS} } }`;
  const record = (caller: Caller, input: Record<string, unknown>, v: number, key?: string) => gw(caller, MUTATION, { input, v, key });
  const current = async (id: string) => (await gw('creditOfficer', `query($id: ID!) { creditProfile(id: $id) { ${FIELDS} } }`, { id })).data.creditProfile;
  /** Distinct untouched personal profiles without loans or listing, one per test that writes. */
  const fresh = (() => {
    let next = 0;
    return () => {
      const candidates = truth.filter((p) => p.subjectKind === 'PERSON' && p.loans.length === 0 && !p.onDishonestList && p.version === 1);
      const profile = candidates[next++];
      if (!profile) throw new Error('The seeded world has too few unencumbered personal profiles.');
      return profile;
    };
  })();

  it('opens a loan for a person named by person ID, moving the version and recomputing the rating', async () => {
    const subject = fresh();
    const before = await current(subject.id);
    const res = await record('creditOfficer', { subject: { personId: subject.person!.id }, type: 'LOAN_OPENED', date: '2025-03-01', lender: '海南银行', amount: 120000.5 }, 1);
    expect(res.errors).toBeUndefined();
    const after = res.data.recordCreditEvent;
    expect(after.version).toBe(2);
    expect(after.loans).toEqual([{ id: expect.stringMatching(/^L[0-9A-Z]{16}$/), lender: '海南银行', amount: 120000.5, balance: 120000.5, status: 'CURRENT', openedOn: '2025-03-01' }]);
    expect(after.factors.loanHistory.effect).toBe(5);
    expect(after.score).toBeCloseTo(before.score + 5, 6);
    expect(await current(subject.id)).toEqual(after);
  });

  it('records a loan overdue, a partial repayment, a default and a full repayment, each recomputing the rating', async () => {
    const subject = fresh();
    const opened = (await record('creditOfficer', { profileId: subject.id, type: 'LOAN_OPENED', date: '2024-01-10', lender: '中国银行海南省分行', amount: 30000 }, 1)).data.recordCreditEvent;
    const loanId = opened.loans[0].id;
    const overdue = await record('creditOfficer', { profileId: subject.id, type: 'LOAN_OVERDUE', date: '2024-06-10', loanId }, 2);
    expect(overdue.errors).toBeUndefined();
    expect(overdue.data.recordCreditEvent.loans[0].status).toBe('OVERDUE');
    expect(overdue.data.recordCreditEvent.score).toBeCloseTo(opened.score - 5 - 12, 6);
    const arrears = await gw('creditOfficer', `{ creditProfiles(first: 500, filter: { hasOverdueLoans: true }) { edges { node { id } } } }`);
    expect(arrears.data.creditProfiles.edges.map((e: any) => e.node.id)).toContain(subject.id);
    // By lender: the subject has one open loan from it.
    const repaid = await record('creditOfficer', { profileId: subject.id, type: 'LOAN_REPAID', date: '2024-07-01', lender: '中国银行海南省分行', amount: 10000 }, 3);
    expect(repaid.data.recordCreditEvent.loans[0]).toMatchObject({ status: 'CURRENT', balance: 20000 });
    const defaulted = await record('creditOfficer', { profileId: subject.id, type: 'LOAN_DEFAULTED', date: '2025-01-01', loanId }, 4);
    expect(defaulted.data.recordCreditEvent.loans[0].status).toBe('DEFAULT');
    expect(defaulted.data.recordCreditEvent.score).toBeCloseTo(opened.score - 5 - 30, 6);
    const settled = await record('creditOfficer', { profileId: subject.id, type: 'LOAN_REPAID', date: '2025-02-01', loanId }, 5);
    expect(settled.data.recordCreditEvent).toMatchObject({ version: 6, score: opened.score, rating: opened.rating });
    expect(settled.data.recordCreditEvent.loans[0]).toMatchObject({ status: 'CURRENT', balance: 0 });
  });

  it('records an administrative penalty, which the public then sees', async () => {
    const subject = fresh();
    const res = await record('creditOfficer', { profileId: subject.id, type: 'PENALTY', date: '2025-04-02', authority: '海口市市场监督管理局', reason: '无证无照经营', amount: 5000 }, 1);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordCreditEvent.administrativePenalties).toEqual([{ date: '2025-04-02', authority: '海口市市场监督管理局', reason: '无证无照经营', amount: 5000 }]);
    expect(res.data.recordCreditEvent.factors.administrativePenalties).toEqual({ factor: 'ADMINISTRATIVE_PENALTIES', value: '1', effect: -8 });
    const seen = await gw('public', `query($id: ID!) { creditProfile(id: $id) { administrativePenalties { reason amount } } }`, { id: subject.id });
    expect(seen.data.creditProfile.administrativePenalties).toEqual([{ reason: '无证无照经营', amount: 5000 }]);
  });

  it('lists a subject as a dishonest judgment debtor, rated C and on the public list, and removes it again', async () => {
    const subject = fresh();
    const listing = { court: '海口市龙华区人民法院', caseNumber: '（2025）琼0106执321号' };
    const listed = await record('creditOfficer', { profileId: subject.id, type: 'DISHONEST_LISTED', date: '2025-05-05', reason: '有履行能力而拒不履行生效法律文书确定义务', ...listing }, 1);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.recordCreditEvent).toMatchObject({ onDishonestList: true, rating: 'C', dishonestListing: { ...listing, listedOn: '2025-05-05' } });
    const publicList = async () => (await gw('public', `{ dishonestList(first: 500) { edges { node { id } } } }`)).data.dishonestList.edges.map((e: any) => e.node.id);
    expect(await publicList()).toContain(subject.id);
    const removed = await record('creditOfficer', { profileId: subject.id, type: 'DISHONEST_REMOVED', date: '2025-06-01', caseNumber: listing.caseNumber }, 2);
    expect(removed.errors).toBeUndefined();
    expect(removed.data.recordCreditEvent).toMatchObject({ onDishonestList: false, dishonestListing: null, rating: subject.rating });
    expect(await publicList()).not.toContain(subject.id);
  });

  it('records an event on an enterprise profile named by its profile ID', async () => {
    const enterprise = find((p) => p.subjectKind === 'ENTERPRISE' && p.version === 1 && p.administrativePenalties.length === 0, 'enterprise without penalties');
    const res = await record('creditOfficer', { profileId: enterprise.id, type: 'PENALTY', date: '2025-02-02', authority: '国家税务总局海口市税务局', reason: '逾期未申报纳税' }, 1);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordCreditEvent.administrativePenalties).toEqual([{ date: '2025-02-02', authority: '国家税务总局海口市税务局', reason: '逾期未申报纳税', amount: null }]);
  });

  it('records an event on an enterprise named by USCC, checked against the enterprise register, and refuses an unknown one', async () => {
    // The last such profile: the first is written by the test above.
    const enterprise = truth.filter((p) => p.subjectKind === 'ENTERPRISE' && p.version === 1 && p.administrativePenalties.length === 0).at(-1)!;
    const named = await record('creditOfficer', { subject: { uscc: enterprise.enterprise!.uscc }, type: 'PENALTY', date: '2025-03-03', authority: '海南省市场监督管理局', reason: '虚假宣传' }, enterprise.version);
    expect(named.errors).toBeUndefined();
    const unknown = makeUscc(987_654_321, '460105');
    const res = await record('creditOfficer', { subject: { uscc: unknown }, type: 'PENALTY', date: '2025-02-02', authority: 'x', reason: 'y' }, 1);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.argumentName).toBe('input.subject.uscc');
  });

  it.each(['housingOfficer', 'healthAnalyst', 'creditAnalyst', 'public'] as const)('refuses %s with FORBIDDEN and writes nothing', async (caller) => {
    const subject = truth.find((p) => p.subjectKind === 'PERSON')!;
    const before = await current(subject.id);
    const res = await record(caller, { profileId: subject.id, type: 'LOAN_OPENED', date: '2025-01-01', lender: '海南银行', amount: 1000 }, before.version);
    expect(res.data?.recordCreditEvent ?? null).toBeNull();
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].message).toContain('You may not');
    expect(await current(subject.id)).toEqual(before);
  });

  describe('validation', () => {
    /** A borrower whose one loan is still owed: the subject of every refused event below. */
    let borrower: Truth;
    let loan: Truth['loans'][number];
    beforeAll(() => {
      borrower = find((p) => p.subjectKind === 'PERSON' && !p.onDishonestList && p.loans.length === 1 && p.loans[0]!.balance > 0 && p.loans[0]!.status === 'CURRENT', 'borrower with one open loan');
      loan = borrower.loans[0]!;
    });
    const base = () => ({ profileId: borrower.id, type: 'LOAN_OPENED', date: '2025-01-15', lender: '海南银行', amount: 1000 });

    it.each<[string, (b: ReturnType<typeof base>) => Record<string, unknown>, string]>([
      ['a profile named twice', (b) => ({ ...b, subject: { personId: borrower.person!.id } }), 'input.profileId'],
      ['no profile at all', (b) => ({ ...b, profileId: undefined }), 'input.profileId'],
      ['a malformed USCC', (b) => ({ ...b, profileId: undefined, subject: { uscc: '9146010' } }), 'input.subject.uscc'],
      ['a loan without lender', (b) => ({ ...b, lender: undefined }), 'input.lender'],
      ['a loan without amount', (b) => ({ ...b, amount: undefined }), 'input.amount'],
      ['an amount of 0', (b) => ({ ...b, amount: 0 }), 'input.amount'],
      ['a negative amount', (b) => ({ ...b, amount: -100 }), 'input.amount'],
      ['an amount below a fen', (b) => ({ ...b, amount: 99.999 }), 'input.amount'],
      ['a date in the future', (b) => ({ ...b, date: '2999-01-01' }), 'input.date'],
      ['a detail the type does not use', (b) => ({ ...b, court: '海口市中级人民法院' }), 'input.court'],
      ['a penalty without reason', (b) => ({ ...b, type: 'PENALTY', lender: undefined, authority: '海口市市场监督管理局' }), 'input.reason'],
      ['a listing with a malformed case number', (b) => ({ ...b, type: 'DISHONEST_LISTED', lender: undefined, amount: undefined, court: '海口市中级人民法院', caseNumber: '2025-17' }), 'input.caseNumber'],
      ['a loan event naming no loan', (b) => ({ ...b, type: 'LOAN_OVERDUE', lender: undefined, amount: undefined }), 'input.loanId'],
      ['an unknown loan', (b) => ({ ...b, type: 'LOAN_OVERDUE', lender: undefined, amount: undefined, loanId: 'LNOSUCHLOAN' }), 'input.loanId'],
      ['a repayment above the balance', (b) => ({ ...b, type: 'LOAN_REPAID', lender: undefined, loanId: loan.id, amount: loan.balance + 1 }), 'input.amount'],
      ['a removal from a list the subject is not on', (b) => ({ ...b, type: 'DISHONEST_REMOVED', lender: undefined, amount: undefined }), 'input.type'],
    ])('refuses %s with BAD_USER_INPUT naming the argument, and writes nothing', async (_, make, argument) => {
      const before = await current(borrower.id);
      const res = await record('creditOfficer', make(base()), before.version);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions?.argumentName).toBe(argument);
      expect(res.errors![0].extensions?.reason).toEqual(expect.any(String));
      expect(res.body).not.toMatch(/stacktrace|INTERNAL_SERVER_ERROR/);
      expect(await current(borrower.id)).toEqual(before);
    });

    it('refuses a version below 1, a malformed idempotency key and an impossible date', async () => {
      const before = await current(borrower.id);
      const version = await record('creditOfficer', base(), 0);
      expect(version.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'expectedVersion' });
      const key = await record('creditOfficer', base(), before.version, 'short');
      expect(key.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'idempotencyKey' });
      const date = await record('creditOfficer', { ...base(), date: '2025-02-30' }, before.version);
      expect(codes(date)).toEqual(['BAD_USER_INPUT']);
      expect(date.errors![0].message).toContain('calendar date');
      expect(await current(borrower.id)).toEqual(before);
    });

    it('refuses an unknown person by name, and answers NOT_FOUND for a person without a profile and an unknown profile', async () => {
      const unknown = await record('creditOfficer', { ...base(), profileId: undefined, subject: { personId: 'PZZZZZZZZ' } }, 1);
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.subject.personId', unknown: ['PZZZZZZZZ'] });
      const persons = await gw('creditOfficer', `{ persons(first: 100) { edges { node { id birthDate } } } }`);
      const minor = persons.data.persons.edges.map((e: any) => e.node).find((p: any) => p.birthDate > '2008-01-01');
      const noProfile = await record('creditOfficer', { ...base(), profileId: undefined, subject: { personId: minor.id } }, 1);
      expect(codes(noProfile)).toEqual(['NOT_FOUND']);
      const noSuch = await record('creditOfficer', { ...base(), profileId: 'CNOSUCH00' }, 1);
      expect(codes(noSuch)).toEqual(['NOT_FOUND']);
    });
  });

  it('replays an idempotent request with the same result, written once; another request under the same key is a CONFLICT', async () => {
    const subject = fresh();
    const input = { profileId: subject.id, type: 'LOAN_OPENED', date: '2025-03-03', lender: '海南银行', amount: 8800 };
    const first = await record('creditOfficer', input, 1, 'credit-test-0001');
    const again = await record('creditOfficer', input, 1, 'credit-test-0001');
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    const now = await current(subject.id);
    expect(now.version).toBe(2);
    expect(now.loans).toHaveLength(1);
    const other = await record('creditOfficer', { ...input, amount: 9900 }, 1, 'credit-test-0001');
    expect(codes(other)).toEqual(['CONFLICT']);
    expect(await current(subject.id)).toEqual(now);
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version, writing nothing', async () => {
    const subject = fresh();
    const input = { profileId: subject.id, type: 'PENALTY', date: '2025-03-03', authority: '海口市市场监督管理局', reason: '虚假宣传' };
    expect((await record('creditOfficer', input, 1)).errors).toBeUndefined();
    const before = await current(subject.id);
    const stale = await record('creditOfficer', { ...input, reason: '未按规定公示年度报告' }, 1);
    expect(stale.data?.recordCreditEvent ?? null).toBeNull();
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await current(subject.id)).toEqual(before);
  });
});
