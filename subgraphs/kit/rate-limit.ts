/**
 * Rate limits at the gateway: a token bucket per caller (their `sub`; the socket address for callers without a
 * token) sized by their role, and one per departmental app (the token's `client` claim) shared by all its callers.
 * Buckets live in Redis when REDIS_URL is set, so every gateway instance draws from the same bucket (one Lua script
 * reads, refills and takes atomically, on Redis's own clock), and in memory otherwise. A request over a limit gets
 * HTTP 429 with Retry-After and `RATE_LIMITED` with `retryAfterSeconds`. If Redis fails mid-flight the request is let
 * through (fail open: a cache outage must not take the graph down) and the failure is logged.
 */
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import type { Principal } from '../../auth';
import type { Bucket, RateLimitConfig } from './config';
import { ErrorCode } from './errors';

export interface Take {
  allowed: boolean;
  /** Seconds until enough tokens are back (whole seconds, at least 1 when refused). */
  retryAfterSeconds: number;
}

export interface BucketStore {
  take(key: string, bucket: Bucket): Promise<Take>;
}

function retryAfter(missing: number, bucket: Bucket): number {
  return Math.max(1, Math.ceil(missing / bucket.refillPerSecond));
}

/** Buckets in this process; the least recently used are dropped beyond `maxKeys` (a dropped bucket is full again). */
export class MemoryBuckets implements BucketStore {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string, bucket: Bucket): Promise<Take> {
    const now = this.now();
    const state = this.buckets.get(key) ?? { tokens: bucket.capacity, at: now };
    this.buckets.delete(key);
    const tokens = Math.min(bucket.capacity, state.tokens + ((now - state.at) / 1000) * bucket.refillPerSecond);
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed, retryAfterSeconds: allowed ? 0 : retryAfter(1 - tokens, bucket) };
  }
}

/** KEYS[1] bucket; ARGV capacity, refill per second. Returns { allowed 0/1, tokens missing (string) }. */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return { allowed, tostring(math.max(0, 1 - tokens)) }
`;

export class RedisBuckets implements BucketStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async take(key: string, bucket: Bucket): Promise<Take> {
    const [allowed, missing] = (await this.redis.eval(TAKE_SCRIPT, 1, `${this.prefix}rl:${key}`, bucket.capacity, bucket.refillPerSecond)) as [number, string];
    return { allowed: allowed === 1, retryAfterSeconds: allowed === 1 ? 0 : retryAfter(Number(missing), bucket) };
  }
}

export function rateLimited(who: string, bucket: Bucket, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `Rate limit exceeded for ${who}: ${bucket.capacity} requests at once, refilled at ${bucket.refillPerSecond} per second. Try again in ${retryAfterSeconds} s.`,
    { extensions: { code: ErrorCode.RateLimited, retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } } },
  );
}

export class RateLimiter {
  private lastLogged = 0;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly store: BucketStore,
    private readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  /** The caller's bucket: the largest of their roles' (`public` without a known role). */
  bucketFor(principal: Principal): Bucket {
    const buckets = principal.roles.map((r) => this.config.roles[r]).filter((b): b is Bucket => b !== undefined);
    return buckets.sort((a, b) => b.capacity - a.capacity)[0] ?? this.config.roles.public!;
  }

  /** Takes one token from the caller's bucket, then the app's; throws RATE_LIMITED when either is empty. */
  async check(principal: Principal, address: string): Promise<void> {
    if (!this.config.enabled) return;
    const caller = principal.kind === 'public' ? `addr:${address}` : `sub:${principal.sub}`;
    const own = this.bucketFor(principal);
    const who = principal.kind === 'public' ? `callers without a token from ${address}` : `caller "${principal.sub}"`;
    await this.take(caller, own, who);
    if (principal.client) await this.take(`app:${principal.client}`, this.config.client, `app "${principal.client}"`);
  }

  private async take(key: string, bucket: Bucket, who: string): Promise<void> {
    let result: Take;
    try {
      result = await this.store.take(key, bucket);
    } catch (error) {
      if (Date.now() - this.lastLogged > 60_000) {
        this.lastLogged = Date.now();
        this.log(JSON.stringify({ level: 'warn', msg: 'rate limit store unavailable; requests let through', error: String((error as Error).message ?? error) }));
      }
      return;
    }
    if (!result.allowed) throw rateLimited(who, bucket, result.retryAfterSeconds);
  }
}
