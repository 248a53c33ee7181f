/**
 * Rate limits at the gateway: a token bucket per caller (their `sub`; the socket address for callers without a
 * token) sized by their role, and one per departmental app (the token's `client` claim) shared by all its callers.
 * Buckets live in Redis when REDIS_URL is set, so every gateway instance draws from the same bucket (one Lua script
 * reads, refills and takes atomically, on Redis's own clock), and in memory otherwise. A request over a limit gets
 * HTTP 429 with Retry-After and `RATE_LIMITED` with `retryAfterSeconds`. While Redis fails, this instance's own
 * in-memory buckets take over (never fail open: an outage must not lift the limits), said once in the log when the
 * outage starts and once when it ends, and in the `rate_limit_store_up` gauge.
 * Callers without a token are keyed by their address: the socket peer, or, behind a trusted proxy (TRUSTED_PROXIES),
 * the right-most X-Forwarded-For address that is not a trusted proxy.
 */
import net from 'node:net';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import type { Principal } from '../../auth';
import type { Bucket, RateLimitConfig } from './config';
import { ErrorCode } from './errors';
import { rateLimitStoreUp } from './metrics';

/** Whether an address is one of the trusted proxies (addresses and CIDR blocks, IPv4 and IPv6). */
export function proxyMatcher(trusted: readonly string[]): (address: string) => boolean {
  if (trusted.length === 0) return () => false;
  const list = new net.BlockList();
  for (const entry of trusted) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return (address) => {
    const plain = address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
    const family = net.isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The address a caller without a token is counted by. X-Forwarded-For is read only when the socket peer is a trusted
 * proxy, from the right (the entries a trusted proxy appended), skipping trusted proxies: a client cannot choose its
 * own bucket by writing the header, since the left-most entries are whatever the client sent.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | undefined, isTrusted: (address: string) => boolean): string {
  if (!forwardedFor || !isTrusted(socketAddress)) return socketAddress;
  const hops = forwardedFor.split(',').map((h) => h.trim()).filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (net.isIP(hop) === 0) return socketAddress; // not an address: the chain cannot be trusted past here
    if (!isTrusted(hop)) return hop;
  }
  return hops[0] ?? socketAddress;
}

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
  /** This instance's own buckets, used while the shared store fails. */
  private readonly fallback: BucketStore;
  private storeDown = false;
  readonly isTrustedProxy: (address: string) => boolean;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly store: BucketStore,
    private readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    fallback?: BucketStore,
  ) {
    this.fallback = fallback ?? (store instanceof MemoryBuckets ? store : new MemoryBuckets());
    this.isTrustedProxy = proxyMatcher(config.trustedProxies ?? []);
    rateLimitStoreUp.set(1);
  }

  /** The caller's bucket: the largest of their roles' (`public` without a known role). */
  bucketFor(principal: Principal): Bucket {
    const buckets = principal.roles.map((r) => this.config.roles[r]).filter((b): b is Bucket => b !== undefined);
    return buckets.sort((a, b) => b.capacity - a.capacity)[0] ?? this.config.roles.public!;
  }

  /**
   * Takes one token from the caller's bucket, then the app's; throws RATE_LIMITED when either is empty. `address` is
   * the socket peer; `forwardedFor` the X-Forwarded-For header, read only behind a trusted proxy.
   */
  async check(principal: Principal, address: string, forwardedFor?: string): Promise<void> {
    if (!this.config.enabled) return;
    const from = principal.kind === 'public' ? clientAddress(address, forwardedFor, this.isTrustedProxy) : address;
    const caller = principal.kind === 'public' ? `addr:${from}` : `sub:${principal.sub}`;
    const own = this.bucketFor(principal);
    const who = principal.kind === 'public' ? `callers without a token from ${from}` : `caller "${principal.sub}"`;
    await this.take(caller, own, who);
    if (principal.client) await this.take(`app:${principal.client}`, this.config.client, `app "${principal.client}"`);
  }

  private async take(key: string, bucket: Bucket, who: string): Promise<void> {
    let result: Take;
    try {
      result = await this.store.take(key, bucket);
      if (this.storeDown) {
        this.storeDown = false;
        rateLimitStoreUp.set(1);
        this.log(JSON.stringify({ level: 'info', msg: 'rate limit store back; shared buckets in use again' }));
      }
    } catch (error) {
      if (!this.storeDown) {
        this.storeDown = true;
        rateLimitStoreUp.set(0);
        this.log(JSON.stringify({ level: 'warn', msg: "rate limit store unavailable; this instance's own buckets apply until it is back", error: String((error as Error).message ?? error) }));
      }
      result = await this.fallback.take(key, bucket);
    }
    if (!result.allowed) throw rateLimited(who, bucket, result.retryAfterSeconds);
  }
}
