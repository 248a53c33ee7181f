/**
 * The platform end to end: real subgraph HTTP servers and the gateway on ephemeral ports, over SQLite by default
 * or PostgreSQL when DATABASE_URL is set. Asserts data across domains, SQL query counts, and bad input.
 */
import { postGraphQL, startPlatform, type Platform } from '../support/platform';

let platform: Platform;
/** A province-level police officer: public security owns the population register and reads all of it. */
let police: Record<string, string>;
const q = (query: string, variables?: Record<string, unknown>) => platform.query(query, variables, police);

beforeAll(async () => {
  platform = await startPlatform('federation', { persons: 400, seed: 11 });
  police = await platform.as({ sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' });
});
afterAll(async () => {
  await platform?.stop();
});

const PAGE_QUERY = `query Page($first: Int, $after: String) {
  persons(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id name idNumber
      hukouRegion { code name }
      household { id members { relationship person { id name } } }
      residence { region { code name level } place { id lon lat } }
    } }
  }
}`;

function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/stacktrace|\bat .+\(.+:\d+:\d+\)|select .* from|INTERNAL_SERVER_ERROR/i);
}

describe('cross-domain queries through the gateway', () => {
  it('returns a person with household, hukou region and residence from two subgraphs in one request', async () => {
    const page = await q(`{ persons(first: 5, filter: { status: LIVING }) { edges { node { id } } } }`);
    const id = page.data.persons.edges[0].node.id as string;
    const res = await q(
      `query($id: ID!) { person(id: $id) { id name gender birthDate age ethnicity status
        hukouRegion { code name level parent { code } }
        household { id region { code name } members { relationship person { id } } }
        residence { region { code name } place { kind location region { code } } } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const person = res.data.person;
    expect(person.id).toBe(id);
    expect(person.hukouRegion.code).toMatch(/^\d{6}$/);
    expect(person.hukouRegion.name).toEqual(expect.any(String));
    expect(person.household.members.map((m: any) => m.person.id)).toContain(id);
    expect(person.household.members[0].relationship).toBe('HEAD');
    expect(person.residence.region.code).toBe(person.household.region.code);
    expect(person.residence.place.kind).toBe('RESIDENCE');
    expect(person.residence.place.location.type).toBe('Point');
    expect(person.residence.place.region.code).toBe(person.residence.region.code);
  });

  it('returns the same person by citizen ID number as by person ID', async () => {
    const page = await q(`{ persons(first: 1) { edges { node { id idNumber name } } } }`);
    const node = page.data.persons.edges[0].node;
    const res = await q(`query($n: String!) { personByIdNumber(idNumber: $n) { id name } }`, { n: node.idNumber });
    expect(res.data.personByIdNumber).toEqual({ id: node.id, name: node.name });
  });

  it('walks every page of a filtered list and finds exactly totalCount persons, each matching the filter', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = -1;
    do {
      const res: any = await q(
        `query($after: String) { persons(first: 37, after: $after, filter: { regionCode: "460100", gender: FEMALE }) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id gender hukouRegion { code } } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      total = res.data.persons.totalCount;
      for (const { node } of res.data.persons.edges) {
        expect(node.gender).toBe('FEMALE');
        expect(node.hukouRegion.code.startsWith('4601')).toBe(true);
        seen.add(node.id);
      }
      after = res.data.persons.pageInfo.hasNextPage ? res.data.persons.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(0);
    expect(seen.size).toBe(total);
  });

  it('filters by birth-date range, name prefix and ethnicity', async () => {
    const res = await q(`{
      born: persons(first: 500, filter: { bornFrom: "1980-01-01", bornTo: "1989-12-31" }) { totalCount edges { node { birthDate } } }
      li: persons(first: 500, filter: { ethnicity: "黎族" }) { totalCount edges { node { ethnicity } } }
      liByCode: persons(first: 0, filter: { ethnicity: "19" }) { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data.born.edges) expect(node.birthDate >= '1980-01-01' && node.birthDate <= '1989-12-31').toBe(true);
    expect(res.data.li.totalCount).toBeGreaterThan(0);
    for (const { node } of res.data.li.edges) expect(node.ethnicity).toBe('黎族');
    expect(res.data.liByCode.totalCount).toBe(res.data.li.totalCount);
    const someone = await q(`{ persons(first: 1) { edges { node { name } } } }`);
    const surname = (someone.data.persons.edges[0].node.name as string).slice(0, 1);
    const byName = await q(`query($p: String) { persons(first: 500, filter: { namePrefix: $p }) { totalCount edges { node { name } } } }`, { p: surname });
    expect(byName.data.persons.totalCount).toBeGreaterThan(0);
    for (const { node } of byName.data.persons.edges) expect(node.name.startsWith(surname)).toBe(true);
  });

  it('returns a household with its members, the head first', async () => {
    const page = await q(`{ persons(first: 1) { edges { node { household { id } } } } }`);
    const id = page.data.persons.edges[0].node.household.id;
    const res = await q(`query($id: ID!) { household(id: $id) { id address head { id } members { relationship person { id } } } }`, { id });
    expect(res.data.household.members[0].relationship).toBe('HEAD');
    expect(res.data.household.members[0].person.id).toBe(res.data.household.head.id);
  });
});

describe('SQL queries per federated request', () => {
  it('resolves a page of persons with households, members and residence regions in a fixed number of queries, whatever the page size', async () => {
    const small = await platform.countQueries(() => q(PAGE_QUERY, { first: 10 }));
    let result: any;
    const large = await platform.countQueries(async () => {
      result = await q(PAGE_QUERY, { first: 100 });
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.persons.edges).toHaveLength(100);
    // population: the page, the count, households, members, and the owner's scope columns geospatial asks for once
    // (police rules on Person depend on the record: subgraphs/kit/owner-scope.ts). geospatial: residences, places,
    // the residence regions, and the hukou regions (a second fetch of the query plan; one statement fewer when the
    // gateway sends both fetches as one call, which it does when they leave in the same turn: gateway/coalesce.ts).
    for (const counts of [small, large]) {
      expect(counts.population).toBeLessThanOrEqual(5);
      expect(counts.geospatial).toBeLessThanOrEqual(4);
    }
    expect({ ...large, geospatial: 0 }).toEqual({ ...small, geospatial: 0 });
  });
});

describe('bad input', () => {
  it.each([
    ['4601051990010112', 'length'],
    ['999999199001011234', 'province'],
    ['460105199002301234', 'date'],
    ['46010519900101123Y', 'check'],
  ])('refuses the citizen ID number %s with BAD_USER_INPUT naming the argument (%s)', async (idNumber) => {
    const res = await q(`query($n: String!) { personByIdNumber(idNumber: $n) { id } }`, { n: idNumber });
    expect(res.data?.personByIdNumber ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('"idNumber"');
    expect(res.errors?.[0].extensions?.reason).toEqual(expect.any(String));
    expectNoInternals(res.body);
  });

  it('refuses an invalid citizen ID number inside a filter, naming the filter field', async () => {
    const res = await q(`{ persons(filter: { idNumber: "46010519900101123Y" }) { totalCount } }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('"filter.idNumber"');
  });

  it('refuses a page size above the maximum, stating the maximum', async () => {
    const res = await q(`{ persons(first: 501) { totalCount } }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('500');
    expect(res.errors?.[0].extensions?.maximum).toBe(500);
  });

  it('refuses a forged cursor and an empty date range', async () => {
    const cursor = await q(`{ persons(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(cursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const range = await q(`{ persons(filter: { bornFrom: "2000-01-01", bornTo: "1990-01-01" }) { totalCount } }`);
    expect(range.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // An impossible date in the document fails validation; in a variable it is bad user input. Both say why.
    const literal = await q(`{ persons(filter: { bornFrom: "2001-02-29" }) { totalCount } }`);
    expect(literal.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0].message).toContain('calendar date');
    const variable = await q(`query($d: Date) { persons(filter: { bornFrom: $d }) { totalCount } }`, { d: '2001-02-29' });
    expect(variable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors?.[0].message).toContain('calendar date');
    expectNoInternals(literal.body + variable.body);
  });

  it('returns null for an unknown region code and an error for a malformed one', async () => {
    const unknown = await q(`{ region(code: "469099") { name } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.region).toBeNull();
    const malformed = await q(`{ region(code: "46") { name } }`);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers malformed and invalid documents with the standard GraphQL errors, without internals', async () => {
    const parse = await q(`{ persons(first: 1) { edges { node { id } }`);
    expect(parse.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await q(`{ persons { edges { node { salary } } } }`);
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoInternals(parse.body + invalid.body);
  });

  it('answers a request body that is not JSON with 400', async () => {
    const res = await fetch(platform.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...police }, body: '{"query": ' });
    expect(res.status).toBe(400);
  });
});

describe('each subgraph on its own', () => {
  it('resolves _entities for Person straight from the population and geospatial subgraphs', async () => {
    const page = await q(`{ persons(first: 2, filter: { status: LIVING }) { edges { node { id name } } } }`);
    const ids = page.data.persons.edges.map((e: any) => e.node.id);
    const representations = ids.map((id: string) => ({ __typename: 'Person', id }));
    const pop = await postGraphQL(platform.subgraphs.population.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }`, { r: representations }, police);
    expect(pop.data._entities.map((e: any) => e.id)).toEqual(ids);
    const geo = await postGraphQL(platform.subgraphs.geospatial.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { residence { region { code } } } } }`, { r: representations }, police);
    expect(geo.data._entities[0].residence.region.code).toMatch(/^46\d{4}$/);
  });

  it('reports liveness on /healthz and readiness on /readyz', async () => {
    for (const s of Object.values(platform.subgraphs)) {
      const base = s.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    }
  });
});
