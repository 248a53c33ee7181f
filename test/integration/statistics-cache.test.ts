/**
 * The statistics cache (subgraphs/kit/statistics/cache.ts) through the gateway and on two service instances sharing
 * Redis: a table is served again only to callers of the same row scope, under the same policy and rollups; refusals
 * come before the cache is read; every request is still reported and audited; a Redis outage costs computations,
 * never an error; and the dashboard, warm, costs a handful of SQL statements. Real HTTP servers; SQLite, or
 * PostgreSQL with DATABASE_URL; real Redis at REDIS_URL (skipped outside CI when it does not answer).
 */
import net from 'node:net';
import pino from 'pino';
import { auditConfig, statisticsCacheConfig, type DomainName } from '../../subgraphs/kit/config';
import { registry } from '../../subgraphs/kit/metrics';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/server';
import { onStatisticsRequest, refreshStatistics, type StatisticsRequestFacts } from '../../subgraphs/kit/statistics';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { scenarios } from '../../bench/gateways/scenarios';
import { postGraphQL, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';
import { dropPrefix, redisReachable, TEST_REDIS_URL, uniquePrefix } from '../support/redis';

let platform: Platform;
const headers: Record<string, Record<string, string>> = {};
const facts: StatisticsRequestFacts[] = [];
let unsubscribe: () => void;

const CALLERS = {
  province: { sub: 'cache-province', dept: 'statistics', roles: ['dashboard'], region: '460000' },
  /** Another account of the same scope as `province`: may share its tables. */
  provinceToo: { sub: 'cache-province-2', dept: 'statistics', roles: ['dashboard'], region: '460000' },
  haikou: { sub: 'cache-haikou', dept: 'statistics', roles: ['dashboard'], region: '460100' },
  healthAnalyst: { sub: 'cache-health-analyst', dept: 'health', roles: ['analyst'], region: '460000' },
};
type Caller = keyof typeof CALLERS;

const as = (caller: Caller, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, headers[caller]);
const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => String(e.extensions?.code));

interface Cell {
  keys: (string | null)[];
  value: number | null;
  suppressed: boolean;
}

const TABLE = 'statistic dimensions k asOf cells { keys value measures suppressed suppression }';
const POPULATION = `query($groupBy: [PopulationDimension!]!, $filter: [PopulationStatisticsFilter!]) { populationStatistics(groupBy: $groupBy, filter: $filter) { ${TABLE} } }`;
const RESIDENTS = '{ region(code: "460000") { residents { value suppressed asOf } } }';

const cacheOf = (domain: DomainName = 'population') => platform.subgraphs[domain].statisticsCache!;
/** What the population cache did while `fn` ran. */
async function counting<T>(fn: () => Promise<T>, domain: DomainName = 'population') {
  const before = { ...cacheOf(domain).stats };
  const value = await fn();
  const after = cacheOf(domain).stats;
  const delta = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof typeof before]])) as unknown as typeof after;
  return { value, ...delta };
}

function cellsOf(res: GraphQLResponse): Cell[] {
  expect(res.errors).toBeUndefined();
  return res.data.populationStatistics.cells as Cell[];
}

/** The person table's name for raw SQL in the population database. */
function personTable(): string {
  const config = platform.subgraphs.population.db.config;
  return config.driver === 'postgresql' ? `"${config.schema}".person` : 'person';
}

beforeAll(async () => {
  platform = await startPlatform('statistics_cache', { persons: 1500 });
  for (const [name, claims] of Object.entries(CALLERS)) headers[name] = await platform.as(claims);
  unsubscribe = onStatisticsRequest((f) => facts.push(f));
}, 240_000);

afterAll(async () => {
  unsubscribe?.();
  await platform?.stop();
});

describe('row scope', () => {
  it('serves a table again to the same caller and to another caller of the same scope', async () => {
    const first = await counting(() => as('province', POPULATION, { groupBy: ['GENDER'] }));
    expect(first).toMatchObject({ misses: 1, memoryHits: 0 });
    const again = await counting(() => as('province', POPULATION, { groupBy: ['GENDER'] }));
    expect(again).toMatchObject({ misses: 0, memoryHits: 1 });
    const other = await counting(() => as('provinceToo', POPULATION, { groupBy: ['GENDER'] }));
    expect(other).toMatchObject({ misses: 0, memoryHits: 1 });
    expect(cellsOf(again.value)).toEqual(cellsOf(first.value));
    expect(cellsOf(other.value)).toEqual(cellsOf(first.value));
  });

  it("never gives a Haikou dashboard the province's cached table (province first)", async () => {
    const province = await counting(() => as('province', POPULATION, { groupBy: ['CITY'] }));
    expect(province.misses).toBe(1);
    expect(cellsOf(province.value).map((c) => c.keys[0])).toEqual(expect.arrayContaining(['460100', '460200', null]));
    const haikou = await counting(() => as('haikou', POPULATION, { groupBy: ['CITY'] }));
    expect(haikou).toMatchObject({ misses: 1, memoryHits: 0, redisHits: 0 });
    expect(cellsOf(haikou.value).map((c) => c.keys[0]).sort()).toEqual(['460100', null].sort());
    // Both asked again: each their own table, from the cache.
    const [p, h] = [await as('province', POPULATION, { groupBy: ['CITY'] }), await as('haikou', POPULATION, { groupBy: ['CITY'] })];
    expect(cellsOf(p)).toEqual(cellsOf(province.value));
    expect(cellsOf(h)).toEqual(cellsOf(haikou.value));
  });

  it("never gives the province dashboard a Haikou dashboard's cached table (Haikou first)", async () => {
    const haikou = await counting(() => as('haikou', POPULATION, { groupBy: ['COUNTY'] }));
    expect(haikou.misses).toBe(1);
    expect(cellsOf(haikou.value).every((c) => c.keys[0] === null || c.keys[0].startsWith('4601'))).toBe(true);
    const province = await counting(() => as('province', POPULATION, { groupBy: ['COUNTY'] }));
    expect(province).toMatchObject({ misses: 1, memoryHits: 0 });
    const counties = cellsOf(province.value).map((c) => c.keys[0]);
    expect(counties.some((c) => c !== null && !c.startsWith('4601'))).toBe(true);
    const total = (cells: Cell[]) => cells.find((c) => c.keys[0] === null)!;
    expect(total(cellsOf(province.value)).value!).toBeGreaterThan(total(cellsOf(haikou.value)).value! + 100);
  });

  it('keeps Region indicators (composed with @requires) apart by scope too, in both orders', async () => {
    // Sanya as each caller sees it among the province's cities: an empty cell (0, published) for a Haikou account,
    // a count or a withheld cell for the province's.
    const sanya = (res: GraphQLResponse, indicator: string) => {
      expect(res.errors).toBeUndefined();
      return res.data.region.children.find((c: { code: string }) => c.code === '460200')[indicator] as { value: number | null; suppressed: boolean };
    };
    const empty = { value: 0, suppressed: false };
    const RESIDENTS_BY_CITY = '{ region(code: "460000") { children { code residents { value suppressed } } } }';
    expect(sanya(await as('province', RESIDENTS_BY_CITY), 'residents')).not.toEqual(empty);
    const haikou = await counting(() => as('haikou', RESIDENTS_BY_CITY));
    expect(haikou.misses).toBeGreaterThan(0);
    expect(sanya(haikou.value, 'residents')).toEqual(empty);
    // The other order, on another domain's indicator: Haikou warms it, the province asks.
    const ENTERPRISES_BY_CITY = '{ region(code: "460000") { children { code activeEnterprises { value suppressed } } } }';
    expect(sanya(await as('haikou', ENTERPRISES_BY_CITY), 'activeEnterprises')).toEqual(empty);
    const province = await counting(() => as('province', ENTERPRISES_BY_CITY), 'enterprise');
    expect(province.misses).toBeGreaterThan(0);
    expect(sanya(province.value, 'activeEnterprises')).not.toEqual(empty);
  });
});

describe('refusals', () => {
  it('refuses a caller without the aggregate permission before the cache is read, with the same FORBIDDEN as uncached', async () => {
    const refusedCold = await as('healthAnalyst', POPULATION, { groupBy: ['AGE_BAND'] });
    expect(codes(refusedCold)).toEqual(['FORBIDDEN']);
    // An allowed caller warms the very table.
    await as('province', POPULATION, { groupBy: ['AGE_BAND'] });
    expect((await counting(() => as('province', POPULATION, { groupBy: ['AGE_BAND'] }))).memoryHits).toBe(1);
    const cache = cacheOf();
    const get = jest.spyOn(cache, 'get');
    const clock = jest.spyOn(cache.clock, 'asOf');
    try {
      const refused = await counting(() => as('healthAnalyst', POPULATION, { groupBy: ['AGE_BAND'] }));
      expect(codes(refused.value)).toEqual(['FORBIDDEN']);
      expect(refused.value.errors![0].extensions).toMatchObject({ type: 'Person', field: 'birthDate', action: 'aggregate' });
      expect(refused.value.errors).toEqual(refusedCold.errors);
      expect(refused.value.data).toEqual(refusedCold.data);
      expect(get).not.toHaveBeenCalled();
      expect(clock).not.toHaveBeenCalled();
      expect(refused).toMatchObject({ reads: 0, memoryHits: 0, redisHits: 0, misses: 0 });
    } finally {
      get.mockRestore();
      clock.mockRestore();
    }
    expect(facts.filter((f) => f.caller.sub === 'cache-health-analyst').map((f) => [f.outcome, f.forbiddenField])).toEqual([
      ['FORBIDDEN', 'birthDate'],
      ['FORBIDDEN', 'birthDate'],
    ]);
  });
});

describe('accountability', () => {
  it('leaves an audit record and the same request facts for every request answered from the cache', async () => {
    const auditor = await platform.as({ sub: 'cache-auditor', dept: 'data-bureau', roles: ['auditor'] });
    const caller = { sub: 'cache-audited', dept: 'statistics', roles: ['dashboard'], region: '460000' };
    const h = await platform.as(caller);
    const query = () => platform.query(POPULATION, { groupBy: ['CITY', 'GENDER'] }, h);
    const first = await counting(query);
    const hits = [await counting(query), await counting(query), await counting(query)];
    expect(first.misses).toBe(1);
    for (const hit of hits) expect(hit).toMatchObject({ memoryHits: 1, misses: 0 });
    for (const hit of hits) expect(cellsOf(hit.value)).toEqual(cellsOf(first.value));

    const mine = facts.filter((f) => f.caller.sub === 'cache-audited');
    expect(mine.map((f) => f.cache)).toEqual(['miss', 'memory', 'memory', 'memory']);
    const same = (f: StatisticsRequestFacts) => ({ ...f, requestId: undefined, at: undefined, milliseconds: undefined, cache: undefined });
    for (const f of mine.slice(1)) expect(same(f)).toEqual(same(mine[0]));
    expect(new Set(mine.map((f) => f.requestId)).size).toBe(4);
    expect(mine[0]).toMatchObject({ outcome: 'ANSWERED', statistic: 'population', source: expect.stringMatching(/^rollup:/), k: 10 });

    const res = await platform.query(
      `{ auditRecords(filter: { domain: "population", sub: "cache-audited", kind: "aggregate" }, first: 20) { edges { node { requestId region recordKeys fields { field decision count } } } } }`,
      undefined,
      auditor,
    );
    expect(res.errors).toBeUndefined();
    const records = res.data.auditRecords.edges.map((e: any) => e.node);
    expect(records).toHaveLength(4);
    expect(new Set(records.map((r: any) => r.requestId))).toEqual(new Set(mine.map((f) => f.requestId)));
    for (const r of records) {
      expect(r.region).toBe('460000');
      expect(r.recordKeys).toContain('Statistic:population.population');
      const aggregated = r.fields.filter((f: any) => f.decision === 'AGGREGATE').map((f: any) => f.field).sort();
      expect(aggregated).toEqual(['Person.gender', 'Person.hukouRegionCode']);
    }
  });

  it('counts hits and misses in /metrics', async () => {
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/^statistics_cache_lookups_total\{service="population",result="memory"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^statistics_cache_lookups_total\{service="population",result="miss"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^statistics_cache_memory\{service="population",unit="entries"\} [1-9]\d*$/m);
  });
});

describe('the dashboard, warm', () => {
  it("costs at most 10 SQL statements per request across all subgraphs, with the same answer as cold", async () => {
    const dashboard = scenarios('unused').dashboard;
    const h = await platform.as(dashboard.claims);
    const cold = await platform.query(dashboard.query, undefined, h);
    expect(cold.errors).toBeUndefined();
    const warm = await platform.query(dashboard.query, undefined, h);
    expect(warm.data).toEqual(cold.data);
    const perRequest: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      let res: GraphQLResponse | undefined;
      const counts = await platform.countQueries(async () => {
        res = await platform.query(dashboard.query, undefined, h);
      });
      expect(res!.data).toEqual(cold.data);
      perRequest.push(Object.values(counts).reduce((a, b) => a + b, 0));
    }
    process.stderr.write(`warm dashboard SQL statements per request: ${perRequest.join(', ')}\n`);
    for (const n of perRequest) expect(n).toBeLessThanOrEqual(10);
  });
});

describe('freshness', () => {
  it('makes every table of the previous rollup unreachable once a rollup is rebuilt', async () => {
    const query = () => as('province', POPULATION, { groupBy: ['GENDER'] });
    const before = await query();
    expect((await counting(query)).memoryHits).toBe(1);
    const male = (res: GraphQLResponse) => cellsOf(res).find((c) => c.keys[0] === 'MALE')!.value!;
    // 60 men become women in the records: the rollup still holds the previous numbers, and so does the cache.
    const em = platform.subgraphs.population.db.orm.em.fork();
    await em.getConnection().execute(
      `update ${personTable()} set gender = 'FEMALE' where id in (select id from ${personTable()} where gender = 'MALE' and status = 'LIVING' and hukou_region_code like '46%' order by id limit 60)`,
    );
    const stale = await counting(query);
    expect(stale.memoryHits).toBe(1);
    expect(stale.value.data).toEqual(before.data);
    await refreshStatistics(platform.subgraphs.population.db.orm.em);
    const after = await counting(query);
    expect(after).toMatchObject({ misses: 1, memoryHits: 0 });
    expect(after.value.data.populationStatistics.asOf > before.data.populationStatistics.asOf).toBe(true);
    expect(Math.abs(male(after.value) - (male(before) - 60))).toBeLessThanOrEqual(4);
  });
});

/** A TCP proxy to Redis that can be cut (every connection destroyed, new ones refused) or frozen (nothing forwarded). */
function tcpProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let frozen = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.on('data', (d) => frozen || upstream.write(d));
    upstream.on('data', (d) => frozen || client.write(d));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return {
    async start(): Promise<number> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return (server.address() as net.AddressInfo).port;
    },
    freeze(on: boolean) {
      frozen = on;
    },
    async cut() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

describe('shared through Redis by two service instances', () => {
  const prefix = uniquePrefix('stats-cache');
  let reachable = false;
  const started: RunningSubgraph[] = [];
  let one: RunningSubgraph;
  let two: RunningSubgraph;
  let proxy: ReturnType<typeof tcpProxy>;
  let three: RunningSubgraph;

  /** Another instance of the population service, on the platform's databases, sharing Redis through `url`. */
  async function instance(url: string): Promise<RunningSubgraph> {
    const s = await startSubgraph(
      SUBGRAPHS.population,
      {
        domain: 'population',
        port: 0,
        host: '127.0.0.1',
        database: platform.subgraphs.population.db.config,
        governanceDatabase: platform.subgraphs.governance.db.config,
        peers: {},
        auth: platform.auth,
        seed: { persons: 0, seed: 7 },
        production: false,
        audit: auditConfig({}),
        redis: { url, keyPrefix: prefix },
        // Each notices a rollup rebuilt by the other within 100 ms.
        statisticsCache: { ...statisticsCacheConfig({}), rollupCheckMs: 100 },
      },
      { logger: pino({ level: 'silent' }) },
    );
    started.push(s);
    return s;
  }

  const ask = async (s: RunningSubgraph, query: string, variables?: Record<string, unknown>) => {
    s.db.queries.reset();
    const before = { ...s.statisticsCache!.stats };
    const res = await postGraphQL(s.url, query, variables, headers.province);
    const stats = s.statisticsCache!.stats;
    return { res, statements: s.db.queries.count, redisHits: stats.redisHits - before.redisHits, memoryHits: stats.memoryHits - before.memoryHits, misses: stats.misses - before.misses, redisErrors: stats.redisErrors - before.redisErrors };
  };

  beforeAll(async () => {
    reachable = await redisReachable();
    if (!reachable) return;
    one = await instance(TEST_REDIS_URL);
    two = await instance(TEST_REDIS_URL);
    proxy = tcpProxy(new URL(TEST_REDIS_URL));
    const port = await proxy.start();
    three = await instance(`redis://127.0.0.1:${port}`);
    // Each rebuilt the rollups at start: wait for them, then let every clock see the last rebuild.
    for (const s of started) await refreshStatistics(s.db.orm.em);
    await new Promise((r) => setTimeout(r, 300));
  }, 120_000);

  afterAll(async () => {
    for (const s of started) await s.stop();
    await proxy?.cut().catch(() => undefined);
    if (reachable) await dropPrefix(prefix);
    // ioredis gives the connection it lost (the cut one) 2 s to close after disconnect(): let that timer run out here.
    if (reachable) await new Promise((r) => setTimeout(r, 2100));
  });

  it('serves a table computed by one instance from Redis on the other, without counting it again', async () => {
    if (!reachable) return;
    const computed = await ask(one, POPULATION, { groupBy: ['CITY', 'STATUS'] });
    expect(computed.res.errors).toBeUndefined();
    expect(computed).toMatchObject({ misses: 1, redisHits: 0 });
    const shared = await ask(two, POPULATION, { groupBy: ['CITY', 'STATUS'] });
    expect(shared).toMatchObject({ misses: 0, redisHits: 1 });
    expect(shared.res.data).toEqual(computed.res.data);
    // At most the clock's one read of stat_refresh: no count was made.
    expect(shared.statements).toBeLessThanOrEqual(1);
    const again = await ask(two, POPULATION, { groupBy: ['CITY', 'STATUS'] });
    expect(again).toMatchObject({ memoryHits: 1, redisHits: 0, misses: 0 });
  });

  it("keeps a Haikou caller's table and the province's apart in Redis too", async () => {
    if (!reachable) return;
    await ask(one, POPULATION, { groupBy: ['COUNTY', 'STATUS'] });
    two.db.queries.reset();
    const haikou = await postGraphQL(two.url, POPULATION, { groupBy: ['COUNTY', 'STATUS'] }, headers.haikou);
    expect(cellsOf(haikou).every((c) => c.keys[0] === null || c.keys[0].startsWith('4601'))).toBe(true);
  });

  it('notices a rollup rebuilt by the other instance: the previous tables become unreachable', async () => {
    if (!reachable) return;
    const before = await ask(one, POPULATION, { groupBy: ['GENDER', 'STATUS'] });
    expect((await ask(one, POPULATION, { groupBy: ['GENDER', 'STATUS'] })).memoryHits).toBe(1);
    await refreshStatistics(two.db.orm.em);
    await new Promise((r) => setTimeout(r, 250));
    const after = await ask(one, POPULATION, { groupBy: ['GENDER', 'STATUS'] });
    expect(after).toMatchObject({ memoryHits: 0, redisHits: 0, misses: 1 });
    expect(after.res.data.populationStatistics.asOf > before.res.data.populationStatistics.asOf).toBe(true);
    // And the other instance, which rebuilt it, now finds the new table in Redis.
    expect(await ask(two, POPULATION, { groupBy: ['GENDER', 'STATUS'] })).toMatchObject({ redisHits: 1, misses: 0 });
  });

  it('computes the table when Redis hangs or is cut: the same answer, no error', async () => {
    if (!reachable) return;
    const warmed = await ask(one, POPULATION, { groupBy: ['CITY', 'GENDER'] });
    expect(warmed.misses).toBe(1);
    const viaProxy = await ask(three, POPULATION, { groupBy: ['CITY', 'GENDER'] });
    expect(viaProxy).toMatchObject({ redisHits: 1 });
    // Redis stops answering: the read times out (1 s), the table is counted, and Redis is left alone for a while.
    proxy.freeze(true);
    const hung = await ask(three, POPULATION, { groupBy: ['AGE_BAND', 'GENDER'] });
    expect(hung.res.errors).toBeUndefined();
    expect(hung).toMatchObject({ misses: 1, redisErrors: 1 });
    const reference = await ask(one, POPULATION, { groupBy: ['AGE_BAND', 'GENDER'] });
    expect(hung.res.data).toEqual(reference.res.data);
    // Redis cut: every request still answers, computed.
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 2100));
    const cut = await ask(three, POPULATION, { groupBy: ['CITY', 'STATUS'] });
    expect(cut.res.errors).toBeUndefined();
    expect(cut).toMatchObject({ misses: 1, redisHits: 0 });
    expect(cut.redisErrors).toBeGreaterThanOrEqual(1);
    expect(cut.res.data).toEqual((await ask(one, POPULATION, { groupBy: ['CITY', 'STATUS'] })).res.data);
    expect(await registry.metrics()).toMatch(/^statistics_cache_redis_errors_total\{service="population",operation="get"\} [1-9]\d*$/m);
  }, 30_000);
});

describe('a new policy version', () => {
  it('is never answered from the previous version\'s tables', async () => {
    const query = () => as('province', POPULATION, { groupBy: ['CITY'] });
    const before = await query();
    expect((await counting(query)).memoryHits).toBe(1);
    expect(cellsOf(before).some((c) => c.keys[0] === '460200')).toBe(true);
    const residentsBefore = (await as('province', RESIDENTS)).data.region.residents.value;
    await platform.addPolicies([
      {
        id: 'test-cache-no-sanya-statistics',
        dept: 'statistics',
        role: 'dashboard',
        description: 'Test: the statistics dashboards no longer count persons registered in Sanya.',
        rules: [{ action: 'aggregate', subject: 'Person', inverted: true, conditions: { hukouRegionCode: { $like: '4602%' } }, reason: 'test: no Sanya' }],
      },
    ]);
    expect(cacheOf().size.entries).toBe(0);
    const after = await counting(query);
    expect(after).toMatchObject({ misses: 1, memoryHits: 0 });
    expect(cellsOf(after.value).some((c) => c.keys[0] === '460200')).toBe(false);
    const total = (cells: Cell[]) => cells.find((c) => c.keys[0] === null)!.value!;
    expect(total(cellsOf(after.value))).toBeLessThan(total(cellsOf(before)) - 20);
    const residentsAfter = (await as('province', RESIDENTS)).data.region.residents.value;
    expect(residentsAfter).toBeLessThan(residentsBefore - 20);
  });
});
