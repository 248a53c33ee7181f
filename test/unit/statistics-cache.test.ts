/**
 * The statistics cache on its own (subgraphs/kit/statistics/cache.ts, rollup-clock.ts): keys change with everything a
 * published table depends on, memory stays within its bounds, Redis answers are checked before use and Redis
 * failures are misses, and the rollup clock never goes back.
 */
import type { Redis } from 'ioredis';
import type { EntityManager } from '../../subgraphs/kit/orm';
import { canonicalJson, definitionFingerprint, statisticsCacheKey, statisticsCacheKeyFor, StatisticsCache, type CachedTable, type CacheKeyMaterial } from '../../subgraphs/kit/statistics/cache';
import { noteRollupRefreshed, RollupClock } from '../../subgraphs/kit/statistics/rollup-clock';
import { personStatistics } from '../../subgraphs/population/statistics';
import { enterpriseStatistics } from '../../subgraphs/enterprise/statistics';

const MATERIAL: CacheKeyMaterial = {
  domain: 'population',
  statistic: 'population',
  definition: 'abc',
  groupBy: ['CITY'],
  filters: [['STATUS', 'LIVING']],
  measures: [],
  scope: { hukouRegionCode: { $like: '46%' } },
  fields: ['hukouRegionCode', 'status'],
  decidedBy: ['policy:statistics-dashboards-aggregate'],
  policy: { version: 'v1', number: 3, seq: 7, grants: [] },
  k: 10,
  sources: [['stat_population_1', '2026-01-01T00:00:00.000Z'], ['stat_population_1', '2026-01-01T00:00:00.000Z']],
  today: '2026-01-01',
  salt: 'salt',
};

const TABLE: CachedTable = {
  statistic: 'population',
  unit: 'PERSONS',
  dimensions: ['CITY'],
  measures: [],
  k: 10,
  asOf: '2026-01-01T00:00:00.000Z',
  source: 'rollup:stat_population_1',
  cells: [
    { keys: ['460100'], value: 120, sums: [], suppressed: false, suppression: null },
    { keys: ['460200'], value: null, sums: [], suppressed: true, suppression: 'PRIMARY' },
    { keys: [null], value: null, sums: [], suppressed: true, suppression: 'SECONDARY' },
  ],
};

const fakeEm = () => ({ config: {} }) as unknown as EntityManager;

function cacheWith(options: { entries?: number; bytes?: number; redis?: Partial<Redis>; em?: EntityManager } = {}) {
  const em = options.em ?? fakeEm();
  const lines: string[] = [];
  const cache = new StatisticsCache({
    service: 'unit-test',
    config: { entries: options.entries ?? 100, bytes: options.bytes ?? 1_000_000, ttlSeconds: 60, rollupCheckMs: 1000 },
    em: () => em,
    redis: options.redis ? { client: options.redis as Redis, prefix: 'p:' } : undefined,
    log: (line) => lines.push(line),
  });
  return { cache, lines };
}

/** A Redis that keeps strings in a map. */
function memoryRedis() {
  const map = new Map<string, string>();
  return { map, client: { get: async (k: string) => map.get(k) ?? null, set: async (k: string, v: string) => (map.set(k, v), 'OK') } as unknown as Partial<Redis> };
}

describe('statisticsCacheKey', () => {
  const key = statisticsCacheKey(MATERIAL)!;

  it('is the same for the same material whatever the order of object keys', () => {
    const reordered = { ...MATERIAL, scope: JSON.parse('{"hukouRegionCode":{"$like":"46%"}}') };
    expect(statisticsCacheKey({ ...reordered })).toBe(key);
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: null }] })).toBe('{"a":[2,{"c":null,"d":1}],"b":1}');
    expect(key).toMatch(/^stat:1:population:population:[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<CacheKeyMaterial>]>([
    ['another row scope (a city account)', { scope: { hukouRegionCode: { $like: '4601%' } } }],
    ['no row scope at all', { scope: {} }],
    ['another policy version', { policy: { version: 'v2', number: 4, seq: 8, grants: [] } }],
    ['a grant decision (seq) under the same version', { policy: { version: 'v1', number: 3, seq: 8, grants: [] } }],
    ['a grant in force', { policy: { version: 'v1', number: 3, seq: 7, grants: ['g-1'] } }],
    ['other deciding rules', { decidedBy: ['grant:g-1'] }],
    ['a rebuilt rollup', { sources: [['stat_population_1', '2026-01-01T00:00:05.000Z'], ['stat_population_1', '2026-01-01T00:00:00.000Z']] }],
    ['another definition', { definition: 'abd' }],
    ['other arguments', { groupBy: ['COUNTY'] }],
    ['another filter value', { filters: [['STATUS', 'DECEASED']] }],
    ['measures', { measures: ['FLOOR_AREA'] }],
    ['another minimum cell size', { k: 20 }],
    ['another day', { today: '2026-01-02' }],
    ['another cell-key salt', { salt: 'other' }],
    ['another domain', { domain: 'credit' }],
  ])('changes with %s', (_, change) => {
    expect(statisticsCacheKey({ ...MATERIAL, ...change })).not.toBe(key);
  });

  it('is made in two steps (the rest once, the rebuild times per request) with the very same key', () => {
    const { sources, ...rest } = MATERIAL;
    const keyFor = statisticsCacheKeyFor(rest)!;
    expect(keyFor(sources)).toBe(key);
    const rebuilt: CacheKeyMaterial['sources'] = [['stat_population_1', '2026-01-01T00:00:09.000Z']];
    expect(keyFor(rebuilt)).toBe(statisticsCacheKey({ ...MATERIAL, sources: rebuilt }));
    expect(keyFor(rebuilt)).not.toBe(key);
    // The last key is kept between requests: asked again with the first times, the first key again.
    expect(keyFor(sources)).toBe(key);
    expect(keyFor(rebuilt)).toBe(statisticsCacheKey({ ...MATERIAL, sources: rebuilt }));
    // A value holding the text of the slot the rebuild times go in: not cached, never an ambiguous key.
    expect(statisticsCacheKeyFor({ ...rest, scope: { sub: '\u0000sources\u0000' } })).toBeNull();
  });

  it('refuses material without a canonical form (nothing is cached rather than a wrong key)', () => {
    expect(statisticsCacheKey({ ...MATERIAL, scope: { birthDate: { $gt: new Date(0) } } })).toBeNull();
    expect(statisticsCacheKey({ ...MATERIAL, scope: { n: { $gt: Number.NaN } } })).toBeNull();
  });

  it('fingerprints definitions by their SQL, so two statistics never share one', () => {
    expect(definitionFingerprint(personStatistics)).toBe(definitionFingerprint(personStatistics));
    expect(definitionFingerprint(personStatistics)).not.toBe(definitionFingerprint(enterpriseStatistics));
    const changed = { ...personStatistics, dimensions: { ...personStatistics.dimensions, GENDER: { ...personStatistics.dimensions.GENDER, sql: () => "'X'" } } };
    expect(definitionFingerprint(changed)).not.toBe(definitionFingerprint(personStatistics));
  });
});

describe('StatisticsCache in memory', () => {
  it('serves what was stored, counts reads, hits and misses, and drops everything on clear', async () => {
    const { cache } = cacheWith();
    expect(await cache.get('k1')).toBeNull();
    await cache.set('k1', structuredClone(TABLE));
    expect(await cache.get('k1')).toEqual({ table: TABLE, result: 'memory' });
    expect(cache.stats).toMatchObject({ reads: 2, misses: 1, memoryHits: 1 });
    cache.clear();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
    expect(await cache.get('k1')).toBeNull();
  });

  it('keeps at most `entries` tables, the least recently used going first', async () => {
    const { cache } = cacheWith({ entries: 2 });
    await cache.set('a', structuredClone(TABLE));
    await cache.set('b', structuredClone(TABLE));
    await cache.get('a');
    await cache.set('c', structuredClone(TABLE));
    expect(cache.size.entries).toBe(2);
    expect(await cache.get('b')).toBeNull();
    expect(await cache.get('a')).not.toBeNull();
    expect(await cache.get('c')).not.toBeNull();
  });

  it('keeps at most `bytes` of tables, and never one larger than that', async () => {
    const size = JSON.stringify({ format: 'hdg-statistics/1', key: 'a', table: TABLE }).length;
    const { cache } = cacheWith({ bytes: size * 2 + 1 });
    for (const k of ['a', 'b', 'c']) await cache.set(k, structuredClone(TABLE));
    expect(cache.size.entries).toBe(2);
    expect(cache.size.bytes).toBeLessThanOrEqual(size * 2 + 1);
    const tiny = cacheWith({ bytes: 10 }).cache;
    await tiny.set('a', structuredClone(TABLE));
    expect(tiny.size.entries).toBe(0);
  });

  it('shares one computation between concurrent misses of the same key', async () => {
    const { cache } = cacheWith();
    let computed = 0;
    const compute = async () => {
      const n = (computed += 1);
      await new Promise((r) => setTimeout(r, 10));
      return n;
    };
    expect(await Promise.all([cache.once('k', compute), cache.once('k', compute), cache.once('other', compute)])).toEqual([1, 1, 2]);
  });

  it('drops its memory when this process rebuilds a rollup it had seen', async () => {
    const em = fakeEm();
    const { cache } = cacheWith({ em });
    cache.clock.note('stat_x', '2026-01-01T00:00:00.000Z');
    await cache.set('k', structuredClone(TABLE));
    noteRollupRefreshed(em, 'stat_x', '2026-01-01T00:00:09.000Z');
    expect(cache.size.entries).toBe(0);
    expect(await cache.clock.asOf(['stat_x']).catch(() => null)).toBeNull(); // no database behind the fake: the read fails
  });
});

describe('StatisticsCache with Redis', () => {
  it('shares tables between two caches and keeps the read one in memory', async () => {
    const redis = memoryRedis();
    const one = cacheWith({ redis: redis.client }).cache;
    const two = cacheWith({ redis: redis.client }).cache;
    await one.set('k', structuredClone(TABLE));
    expect([...redis.map.keys()]).toEqual(['p:k']);
    expect(await two.get('k')).toEqual({ table: TABLE, result: 'redis' });
    expect(await two.get('k')).toEqual({ table: TABLE, result: 'memory' });
  });

  it('takes nothing from Redis that is not a well-formed entry of this key: a withheld cell with a number is a miss', async () => {
    const redis = memoryRedis();
    const { cache } = cacheWith({ redis: redis.client });
    const stored = (table: unknown, key = 'k') => JSON.stringify({ format: 'hdg-statistics/1', key, table });
    const leaky = { ...TABLE, cells: [{ keys: ['460200'], value: 3, sums: [], suppressed: true, suppression: 'PRIMARY' }] };
    for (const text of [stored(leaky), stored(TABLE, 'another key'), JSON.stringify({ format: 'hdg-statistics/0', key: 'k', table: TABLE }), 'not json', stored({ ...TABLE, cells: [{ keys: [] }] })]) {
      redis.map.set('p:k', text);
      expect(await cache.get('k')).toBeNull();
    }
    expect(cache.stats.misses).toBe(5);
  });

  it('counts a failing Redis as a miss, says so once, and leaves it alone for a moment', async () => {
    let calls = 0;
    const failing = {
      get: async () => {
        calls += 1;
        throw new Error('Connection is closed.');
      },
      set: async () => {
        calls += 1;
        throw new Error('Connection is closed.');
      },
    } as unknown as Partial<Redis>;
    const { cache, lines } = cacheWith({ redis: failing });
    expect(await cache.get('k')).toBeNull();
    await cache.set('k', structuredClone(TABLE));
    expect(await cache.get('k')).toEqual({ table: TABLE, result: 'memory' });
    expect(await cache.get('other')).toBeNull();
    expect(calls).toBe(1);
    expect(cache.stats.redisErrors).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/Redis failed .*Connection is closed/)]);
  });
});

describe('RollupClock', () => {
  it('reads the rebuild times once per interval, never goes back, and reports rebuilds it learns of', async () => {
    let reads = 0;
    let stored = new Map([['t', '2026-01-01T00:00:01.000Z']]);
    let changes = 0;
    const clock = new RollupClock(async () => (reads++, stored), 60_000, () => (changes += 1));
    expect(await clock.asOf(['t'])).toEqual(['2026-01-01T00:00:01.000Z']);
    expect(await clock.asOf(['t'])).toEqual(['2026-01-01T00:00:01.000Z']);
    expect(reads).toBe(1);
    clock.note('t', '2026-01-01T00:00:02.000Z');
    expect(changes).toBe(1);
    clock.note('t', '2026-01-01T00:00:01.500Z');
    expect(await clock.asOf(['t'])).toEqual(['2026-01-01T00:00:02.000Z']);
    // A table it does not know yet is read for at once; one never built is null.
    stored = new Map([['t', '2026-01-01T00:00:02.000Z'], ['u', '2026-01-01T00:00:03.000Z']]);
    expect(await clock.asOf(['u', 'v'])).toEqual(['2026-01-01T00:00:03.000Z', null]);
    expect(changes).toBe(1);
  });

  it('reads before every lookup with an interval of 0', async () => {
    let reads = 0;
    const clock = new RollupClock(async () => (reads++, new Map([['t', 'x']])), 0, () => undefined);
    await clock.asOf(['t']);
    await clock.asOf(['t']);
    expect(reads).toBe(2);
  });
});
