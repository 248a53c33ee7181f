/**
 * Query limits end to end: the gateway refuses an operation over its caller's role limits before any subgraph is
 * asked (no subgraph runs a statement), each subgraph refuses the same when called directly, and legitimate federated
 * queries (query plans with `_entities` and fragments) pass every subgraph's limits.
 */
import { DEFAULT_QUERY_LIMITS, DOMAINS } from '../../subgraphs/kit/config';
import { postGraphQL, startPlatform, type Platform } from '../support/platform';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform('query_limits', { persons: 120, seed: 5 });
});
afterAll(async () => {
  await platform?.stop();
});

const DEEP = `{ region(code: "460105") { code parent { parent { parent { parent { parent { parent { code } } } } } } } }`;
const BIG_PAGE = `{ persons(first: 500) { edges { node { id household { members { person { household { id } } } } } } } }`;

async function refusedBeforeSubgraphs(run: () => Promise<unknown>): Promise<void> {
  const statements = await platform.countQueries(run);
  expect(Object.values(statements).reduce((a, b) => a + b, 0)).toBe(0);
}

describe('the gateway', () => {
  it('returns 400 QUERY_TOO_COMPLEX naming depth, role, value and maximum to a dashboard, before any subgraph', async () => {
    const dashboard = await platform.as({ sub: 'dash-1', dept: 'statistics', roles: ['dashboard'] });
    await refusedBeforeSubgraphs(async () => {
      const res = await platform.query(DEEP, undefined, dashboard);
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors).toEqual([
        {
          message: 'Query exceeds the depth limit for role dashboard: 8 > 7. Ask for less (smaller pages, fewer nested lists), or split the operation.',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', role: 'dashboard', max: 7, actual: 8 },
        },
      ]);
    });
  });

  it('returns data for the same deep query to a developer, whose limits are generous', async () => {
    const res = await platform.query(DEEP, undefined, await platform.as({ sub: 'dev-1', dept: 'data-bureau', roles: ['developer'] }));
    expect(res.errors).toBeUndefined();
    expect(res.data.region.code).toBe('460105');
  });

  it('returns a cost error to an app asking a 500-row page of nested lists, before any subgraph', async () => {
    const app = await platform.as({ sub: 'app-1', dept: 'public-security', roles: ['app'], client: 'haikou-police' });
    await refusedBeforeSubgraphs(async () => {
      const res = await platform.query(BIG_PAGE, undefined, app);
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', role: 'app', max: DEFAULT_QUERY_LIMITS.app!.cost, actual: 500 * 64 });
    });
  });

  it('returns a tokens error to a caller without a token sending a long document, and aliases, root fields and directives errors', async () => {
    const long = `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const tokens = await platform.query(long);
    expect(tokens.errors?.[0]?.extensions).toMatchObject({ limit: 'tokens', role: 'public', max: 1000 });
    const aliases = await platform.query(`{ ${Array.from({ length: 11 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(aliases.errors?.[0]?.extensions).toMatchObject({ limit: 'aliases', actual: 11, max: 10 });
    const roots = await platform.query(`{ ${Array(6).fill('__typename').join(' ')} }`);
    expect(roots.errors?.[0]?.extensions).toMatchObject({ limit: 'rootFields', actual: 6, max: 5 });
    const directives = await platform.query(`{ region(code: "460100") { ${'... @include(if: true) { code } '.repeat(11)} } }`);
    expect(directives.errors?.[0]?.extensions).toMatchObject({ limit: 'directives', actual: 11, max: 10 });
  });

  it('returns a cross-domain page of 100 persons with households, members and residences to an officer', async () => {
    const police = await platform.as({ sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' });
    const res = await platform.query(
      `query Page { persons(first: 100) { totalCount edges { node { ...P household { id members { relationship person { id name } } } } } } }
       fragment P on Person { id name hukouRegion { code name } residence { region { code name } place { id lon lat } } }`,
      undefined,
      police,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.persons.edges.length).toBeGreaterThan(50);
    expect(res.data.persons.edges[0].node.residence.region.code).toMatch(/^\d{6}$/);
  });
});

describe('each subgraph called directly', () => {
  it('returns the same QUERY_TOO_COMPLEX to a dashboard sending the deep query straight to geospatial', async () => {
    const dashboard = await platform.as({ sub: 'dash-1', dept: 'statistics', roles: ['dashboard'] });
    const res = await postGraphQL(platform.subgraphs.geospatial.url, DEEP, undefined, dashboard);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', actual: 8, max: 7 });
  });

  it('counts _entities by its representations: an app asking 2,000 persons with nested lists is refused', async () => {
    const app = await platform.as({ sub: 'app-1', dept: 'public-security', roles: ['app'], client: 'haikou-police' });
    const representations = Array.from({ length: 2000 }, (_, i) => ({ __typename: 'Person', id: `P${i}` }));
    const res = await postGraphQL(
      platform.subgraphs.population.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { household { members { person { id } } } } } }',
      { r: representations },
      app,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', actual: 2000 * (1 + 1 + 20 * 2) });
  });

  it('serves every subgraph a health check after all this', async () => {
    for (const d of DOMAINS) expect((await fetch(platform.subgraphs[d].url.replace('/graphql', '/healthz'))).status).toBe(200);
  });
});
