/**
 * Published statistics tables, computed once and served again: in the service's memory (least recently used first
 * out, bounded by entries and bytes) and, with REDIS_URL, in Redis, shared by every replica.
 *
 * After disclosure control a table depends only on what its key holds (statisticsCacheKey): the statistic's
 * definition, the arguments, the caller's row scope for the counted type (the filter their ability produces, not
 * their role), the aggregate decisions and the rules and grants behind them, the policy snapshot in force, the
 * rollups' rebuild times, the day, the cell-key salt and the format. So two callers of the same scope share an
 * entry, and a Haikou dashboard and a province dashboard never do; a new policy version or rollup changes every key
 * (the old entries become unreachable, and the memory map is dropped). Refusals happen before the cache is read
 * (run.ts), and every request is reported and audited as without a cache: the cache saves work, not accountability.
 *
 * Only published values are kept, never a cell's true count. Redis failing costs a computation, never an error or
 * another table: a read that fails is a miss, a write that fails is skipped, and Redis is left alone for a moment.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { StatisticsCacheConfig } from '../config';
import { statisticsCacheLookups, statisticsCacheRedisErrors, watchStatisticsCache } from '../metrics';
import type { EntityManager } from '../orm';
import type { StatisticDefinition } from './definition';
import type { SuppressionKind } from './disclosure';
import { onRollupRefreshed, RollupClock } from './rollup-clock';
import { rollupRefreshTimes } from './sql';

/** Bumped whenever what an entry holds, or how a key is made, changes: entries of another format are never read. */
export const CACHE_FORMAT = 'hdg-statistics/1';

export interface CachedCell {
  keys: (string | null)[];
  value: number | null;
  sums: (number | null)[];
  suppressed: boolean;
  suppression: SuppressionKind | null;
}

/** A published table as cached: what callers may see, and where its numbers came from (for the request's facts). */
export interface CachedTable {
  statistic: string;
  unit: string;
  dimensions: string[];
  measures: string[];
  k: number;
  asOf: string;
  /** `rollup:<table>` (only tables from rollups are cached). */
  source: string;
  cells: CachedCell[];
}

export type CacheResult = 'memory' | 'redis' | 'miss' | 'bypass';

/** Everything a published table depends on; statisticsCacheKey hashes its canonical form. */
export interface CacheKeyMaterial {
  domain: string;
  statistic: string;
  /** definitionFingerprint: the dimensions' and measures' SQL, rollups, key and scope dimensions. */
  definition: string;
  groupBy: readonly string[];
  filters: readonly (readonly [string, string])[];
  measures: readonly string[];
  /** The caller's row scope for the counted type, as their ability produced it ({} for all rows). */
  scope: unknown;
  /** The fields counted by, each allowed the aggregate action (a refusal never reaches the cache). */
  fields: readonly string[];
  /** The rules and grants that decide `aggregate` on those fields (`policy:<id>`, `grant:<id>`, `catalogue:<id>`). */
  decidedBy: readonly string[];
  /** The policy snapshot in force: its hash, the active version's number, policy_state.seq and the type's grants. */
  policy: { version: string; number: number; seq: number; grants: readonly string[] } | null;
  k: number;
  /** For the table and each table of the differencing guard: the rollup read and when it was rebuilt. */
  sources: readonly (readonly [string, string])[];
  today: string;
  /** A digest of the cell-key salt (never the salt itself). */
  salt: string;
}

/**
 * A canonical JSON text: object keys sorted, arrays in order. Only JSON values (what abilities put in row
 * filters); anything else (a Date, a RegExp, a class instance) gives null, and the table is then not cached.
 */
export function canonicalJson(value: unknown): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : null;
  if (Array.isArray(value)) {
    const items = value.map(canonicalJson);
    return items.some((i) => i === null) ? null : `[${items.join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const parts: string[] = [];
    for (const key of Object.keys(value as object).sort()) {
      const v = canonicalJson((value as Record<string, unknown>)[key]);
      if (v === null) return null;
      parts.push(`${JSON.stringify(key)}:${v}`);
    }
    return `{${parts.join(',')}}`;
  }
  return null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The cache key of a table, or null when part of what it depends on has no canonical form (then it is not cached). */
export function statisticsCacheKey(material: CacheKeyMaterial): string | null {
  return statisticsCacheKeyFor(material)?.(material.sources) ?? null;
}

const SOURCES_SLOT = JSON.stringify('\u0000sources\u0000');

/**
 * statisticsCacheKey with everything but the sources fixed: the canonical text of the rest is made once (a caller's
 * repeated table differs from request to request only in the rollups' rebuild times), the key is the same.
 */
export function statisticsCacheKeyFor(material: Omit<CacheKeyMaterial, 'sources'>): ((sources: CacheKeyMaterial['sources']) => string | null) | null {
  const text = canonicalJson({ format: CACHE_FORMAT, ...material, filters: material.filters.map((f) => [...f]), sources: JSON.parse(SOURCES_SLOT) as string });
  if (text === null) return null;
  const at = text.indexOf(SOURCES_SLOT);
  // Anything else holding the slot's text (never in practice) leaves the table uncached rather than ambiguous.
  if (at < 0 || text.indexOf(SOURCES_SLOT, at + 1) >= 0) return null;
  const before = text.slice(0, at);
  const after = text.slice(at + SOURCES_SLOT.length);
  const prefix = `stat:${CACHE_FORMAT.split('/')[1]}:${material.domain}:${material.statistic}:`;
  // The rebuild times change a few times a day: the last key is kept, and hashed again only when they change.
  let last: { slot: string; key: string } | null = null;
  return (sources) => {
    const slot = canonicalJson(sources.map((s) => [...s]));
    if (slot === null) return null;
    if (last?.slot !== slot) last = { slot, key: `${prefix}${sha256(before + slot + after)}` };
    return last.key;
  };
}

const fingerprints = new WeakMap<StatisticDefinition, string>();

/**
 * What identifies a definition: its dimensions' and measures' SQL as rendered over placeholder columns (so a
 * changed expression, even in a closure over a property name, is another definition), its rollups and keys.
 */
export function definitionFingerprint(definition: StatisticDefinition): string {
  let fingerprint = fingerprints.get(definition);
  if (fingerprint) return fingerprint;
  const columns = new Proxy({}, { get: (_, property) => `t.${String(property)}` }) as Record<string, string>;
  const table = (entity: { meta: { className: string } }) => `<${entity.meta.className}>`;
  const dimensions = Object.entries(definition.dimensions).map(([name, d]) => [name, d.fields, String(d.valuePattern ?? ''), d.sql(columns, '2000-01-01', table as never)]);
  const measures = Object.entries(definition.measures ?? {}).map(([name, m]) => [name, m.fields, m.sql(columns)]);
  fingerprint = sha256(
    JSON.stringify([definition.name, definition.entity.meta.className, definition.type, definition.unit, definition.key, definition.keyParts ?? null, dimensions, measures, definition.rollups ?? [], definition.scopeDimensions ?? {}]),
  ).slice(0, 16);
  fingerprints.set(definition, fingerprint);
  return fingerprint;
}

/** The digest of the cell-key salt that keys carry. */
export function saltDigest(salt: string): string {
  return sha256(`cell-key-salt\u0000${salt}`).slice(0, 16);
}

interface StoredEntry {
  format: string;
  key: string;
  table: CachedTable;
}

/** An entry read back (from Redis, which anyone with access could have written): its shape, or null. */
function parseEntry(text: string, key: string): CachedTable | null {
  let entry: StoredEntry;
  try {
    entry = JSON.parse(text) as StoredEntry;
  } catch {
    return null;
  }
  if (!entry || entry.format !== CACHE_FORMAT || entry.key !== key) return null;
  const t = entry.table;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const number = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
  if (!t || typeof t.statistic !== 'string' || typeof t.unit !== 'string' || !strings(t.dimensions) || !strings(t.measures)) return null;
  if (typeof t.k !== 'number' || typeof t.asOf !== 'string' || typeof t.source !== 'string' || !Array.isArray(t.cells)) return null;
  for (const c of t.cells) {
    if (!c || !Array.isArray(c.keys) || c.keys.length !== t.dimensions.length || !c.keys.every((k) => k === null || typeof k === 'string')) return null;
    if (!number(c.value) || !Array.isArray(c.sums) || c.sums.length !== t.measures.length || !c.sums.every(number) || typeof c.suppressed !== 'boolean') return null;
    if (!(c.suppression === null || c.suppression === 'PRIMARY' || c.suppression === 'SECONDARY' || c.suppression === 'DIFFERENCING')) return null;
    // A withheld cell never carries a number, whatever was stored.
    if (c.suppressed && (c.value !== null || c.sums.some((s) => s !== null))) return null;
  }
  return deepFreeze(t);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** What a cache did since it was made (tests and /metrics read them). */
export interface CacheStats {
  /** Lookups: every read of the cache, memory first, then Redis. */
  reads: number;
  memoryHits: number;
  redisHits: number;
  misses: number;
  bypasses: number;
  redisErrors: number;
}

export interface StatisticsCacheOptions {
  service: string;
  config: StatisticsCacheConfig;
  /** The domain's database: the rollup clock reads `stat_refresh` there, and follows this process's rebuilds of it. */
  em: () => EntityManager;
  /** Redis shared by the replicas, and the prefix of every key (REDIS_KEY_PREFIX); absent: memory only. */
  redis?: { client: Redis; prefix: string };
  log?: (line: string) => void;
}

/** After a Redis failure, the cache leaves Redis alone this long (requests then compute without waiting on it). */
const REDIS_BACKOFF_MS = 2000;

interface MemoryEntry {
  table: CachedTable;
  bytes: number;
  expires: number;
}

export class StatisticsCache {
  readonly clock: RollupClock;
  readonly stats: CacheStats = { reads: 0, memoryHits: 0, redisHits: 0, misses: 0, bypasses: 0, redisErrors: 0 };
  private readonly memory = new Map<string, MemoryEntry>();
  private bytes = 0;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private redisDownUntil = 0;
  private readonly counters: Record<CacheResult, { inc(): void }>;
  private readonly unsubscribe: (() => unknown)[] = [];

  constructor(private readonly options: StatisticsCacheOptions) {
    this.clock = new RollupClock(() => rollupRefreshTimes(options.em()), options.config.rollupCheckMs, () => this.clear());
    this.unsubscribe.push(onRollupRefreshed(options.em(), (table, at) => this.clock.note(table, at)));
    this.unsubscribe.push(watchStatisticsCache(options.service, () => ({ entries: this.memory.size, bytes: this.bytes })));
    const counter = (result: CacheResult) => statisticsCacheLookups.labels({ service: options.service, result });
    this.counters = { memory: counter('memory'), redis: counter('redis'), miss: counter('miss'), bypass: counter('bypass') };
  }

  /** Whether Redis is shared (REDIS_URL); tests read it. */
  get shared(): boolean {
    return this.options.redis !== undefined;
  }

  /** Counts a table that could not be cached (it was read from the records, or its key has no canonical form). */
  bypass(): void {
    this.stats.bypasses += 1;
    this.counters.bypass.inc();
  }

  /** The table under this key: from memory, else from Redis (then kept in memory too), else null (a miss). */
  async get(key: string): Promise<{ table: CachedTable; result: 'memory' | 'redis' } | null> {
    this.stats.reads += 1;
    const entry = this.memory.get(key);
    if (entry && entry.expires > Date.now()) {
      // Most recently used last: the first in the map is the first out.
      this.memory.delete(key);
      this.memory.set(key, entry);
      this.stats.memoryHits += 1;
      this.counters.memory.inc();
      return { table: entry.table, result: 'memory' };
    }
    if (entry) this.drop(key);
    const text = await this.redisCall('get', (redis, k) => redis.get(k), key);
    const table = typeof text === 'string' ? parseEntry(text, key) : null;
    if (table) {
      this.remember(key, table, text!.length);
      this.stats.redisHits += 1;
      this.counters.redis.inc();
      return { table, result: 'redis' };
    }
    this.stats.misses += 1;
    this.counters.miss.inc();
    return null;
  }

  /** Stores a computed table under its key, in memory and in Redis. */
  async set(key: string, table: CachedTable): Promise<void> {
    const text = JSON.stringify({ format: CACHE_FORMAT, key, table } satisfies StoredEntry);
    this.remember(key, deepFreeze(table), text.length);
    await this.redisCall('set', (redis, k) => redis.set(k, text, 'EX', this.options.config.ttlSeconds), key);
  }

  /** One computation per key at a time in this process: concurrent misses of the same table share it. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const promise = compute().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Drops every table held in memory (a rollup or the policy in force changed: their keys are unreachable anyway). */
  clear(): void {
    this.memory.clear();
    this.bytes = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.memory.size, bytes: this.bytes };
  }

  close(): void {
    for (const u of this.unsubscribe) u();
    this.clear();
  }

  private remember(key: string, table: CachedTable, bytes: number): void {
    const { entries, bytes: maxBytes, ttlSeconds } = this.options.config;
    if (entries === 0 || bytes > maxBytes) return;
    this.drop(key);
    this.memory.set(key, { table, bytes, expires: Date.now() + ttlSeconds * 1000 });
    this.bytes += bytes;
    for (const [oldest] of this.memory) {
      if (this.memory.size <= entries && this.bytes <= maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.memory.get(key);
    if (!entry) return;
    this.memory.delete(key);
    this.bytes -= entry.bytes;
  }

  private async redisCall<T>(operation: 'get' | 'set', call: (redis: Redis, key: string) => Promise<T>, key: string): Promise<T | undefined> {
    const redis = this.options.redis;
    if (!redis || Date.now() < this.redisDownUntil) return undefined;
    try {
      const answer = await call(redis.client, redis.prefix + key);
      if (this.redisDownUntil !== 0) {
        this.redisDownUntil = 0;
        this.options.log?.('statistics cache: Redis answers again.');
      }
      return answer;
    } catch (error) {
      this.stats.redisErrors += 1;
      statisticsCacheRedisErrors.labels({ service: this.options.service, operation }).inc();
      if (this.redisDownUntil === 0) this.options.log?.(`statistics cache: Redis failed (${(error as Error).message}); computing tables until it answers again.`);
      this.redisDownUntil = Date.now() + REDIS_BACKOFF_MS;
      return undefined;
    }
  }
}
