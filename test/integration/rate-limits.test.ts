/**
 * Rate limits at the gateway: a token bucket per caller (by role) and per app, in memory and shared by two gateway
 * instances through Redis; a limited caller gets HTTP 429, Retry-After and RATE_LIMITED with retryAfterSeconds.
 */
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from '../../subgraphs/kit/config';
import { PUBLIC_PRINCIPAL } from '../../auth';
import { connectRedis } from '../../subgraphs/kit/redis';
import { MemoryBuckets, RateLimiter, RedisBuckets, clientAddress, proxyMatcher } from '../../subgraphs/kit/rate-limit';
import { registry } from '../../subgraphs/kit/metrics';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { dropPrefix, redisReachable, TEST_REDIS_URL, uniquePrefix } from '../support/redis';

const LIMITS: RateLimitConfig = {
  enabled: true,
  trustedProxies: [],
  roles: { ...DEFAULT_RATE_LIMITS, public: { capacity: 2, refillPerSecond: 0.5 }, officer: { capacity: 3, refillPerSecond: 0.5 }, app: { capacity: 3, refillPerSecond: 0.5 } },
  client: { capacity: 5, refillPerSecond: 0.25 },
};

async function ping(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ __typename }"}' });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

describe(MemoryBuckets.name, () => {
  it('returns refused with the seconds until a token is back, and allowed again after refilling', async () => {
    let now = 0;
    const buckets = new MemoryBuckets(10, () => now);
    const bucket = { capacity: 2, refillPerSecond: 0.5 };
    expect((await buckets.take('a', bucket)).allowed).toBe(true);
    expect((await buckets.take('a', bucket)).allowed).toBe(true);
    expect(await buckets.take('a', bucket)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now += 1000;
    expect(await buckets.take('a', bucket)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect((await buckets.take('a', bucket)).allowed).toBe(true);
  });

  it('forgets the least recently used buckets beyond its size', async () => {
    const buckets = new MemoryBuckets(2, () => 0);
    const bucket = { capacity: 1, refillPerSecond: 0.001 };
    await buckets.take('a', bucket);
    await buckets.take('b', bucket);
    await buckets.take('c', bucket);
    expect((await buckets.take('a', bucket)).allowed).toBe(true);
    expect((await buckets.take('c', bucket)).allowed).toBe(false);
  });
});

describe('rate limits in memory', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ rateLimits: LIMITS, redis: undefined });
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('returns 429 with Retry-After and RATE_LIMITED to a caller past their role bucket, and serves another caller', async () => {
    const alice = await gw.as({ sub: 'alice', dept: 'health', roles: ['officer'] });
    for (let i = 0; i < 3; i += 1) expect((await ping(gw.url, alice)).status).toBe(200);
    const limited = await ping(gw.url, alice);
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe('2');
    expect(limited.body.errors?.[0]).toMatchObject({
      message: 'Rate limit exceeded for caller "alice": 3 requests at once, refilled at 0.5 per second. Try again in 2 s.',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 2 },
    });
    expect((await ping(gw.url, await gw.as({ sub: 'bob', dept: 'health', roles: ['officer'] }))).status).toBe(200);
  });

  it('returns 429 naming the app once its callers together empty the app bucket', async () => {
    const clerk = (sub: string) => gw.as({ sub, dept: 'housing', roles: ['app'], client: 'sanya-housing' });
    const [one, two] = [await clerk('clerk-1'), await clerk('clerk-2')];
    for (let i = 0; i < 3; i += 1) expect((await ping(gw.url, one)).status).toBe(200);
    for (let i = 0; i < 2; i += 1) expect((await ping(gw.url, two)).status).toBe(200);
    const limited = await ping(gw.url, two);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.message).toMatch(/^Rate limit exceeded for app "sanya-housing": 5 requests at once/);
    expect(limited.retryAfter).toBe('4');
  });

  it('limits callers without a token by their address, on the public bucket', async () => {
    expect((await ping(gw.url)).status).toBe(200);
    expect((await ping(gw.url)).status).toBe(200);
    const limited = await ping(gw.url);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.message).toMatch(/callers without a token from 127\.0\.0\.1/);
  });

  it('returns nothing limited when rate limits are off', async () => {
    const off = await startTestGateway({}, { RATE_LIMITS: 'off' });
    try {
      for (let i = 0; i < 70; i += 1) expect((await ping(off.url)).status).toBe(200);
    } finally {
      await off.stop();
    }
  });
});

describe('rate limits shared through Redis by two gateway instances', () => {
  const prefix = uniquePrefix('rate');
  let reachable = false;
  let one: TestGateway;
  let two: TestGateway;
  beforeAll(async () => {
    reachable = await redisReachable();
    if (!reachable) return;
    const redis = { url: TEST_REDIS_URL, keyPrefix: prefix };
    one = await startTestGateway({ rateLimits: LIMITS, redis });
    two = await startTestGateway({ rateLimits: LIMITS, redis });
  });
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    if (reachable) await dropPrefix(prefix);
  });

  it('returns 429 on the second instance once the caller used their bucket across both', async () => {
    if (!reachable) return;
    // Both instances verify tokens of their own development key: sign one per instance for the same caller.
    const onOne = await one.as({ sub: 'carol', dept: 'health', roles: ['officer'] });
    const onTwo = await two.as({ sub: 'carol', dept: 'health', roles: ['officer'] });
    expect((await ping(one.url, onOne)).status).toBe(200);
    expect((await ping(two.url, onTwo)).status).toBe(200);
    expect((await ping(one.url, onOne)).status).toBe(200);
    const limited = await ping(two.url, onTwo);
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe('2');
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 2 });
    expect((await ping(one.url, onOne)).status).toBe(429);
  });

  it('serves an automatic persisted query registered on one instance from the other', async () => {
    if (!reachable) return;
    const { createHash } = await import('node:crypto');
    const query = '{ __typename }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const dev = async (gw: TestGateway) => ({ 'content-type': 'application/json', ...(await gw.as({ sub: `dev-${gw.gateway.port}`, dept: 'data-bureau', roles: ['developer'] })) });
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await fetch(two.url, { method: 'POST', headers: await dev(two), body: JSON.stringify({ extensions }) });
    expect(((await miss.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await fetch(one.url, { method: 'POST', headers: await dev(one), body: JSON.stringify({ query, extensions }) });
    expect(await registered.json()).toEqual({ data: { __typename: 'Query' } });
    let hit: unknown;
    for (let i = 0; i < 20 && !(hit as any)?.data; i += 1) {
      // Apollo stores the query after answering: wait for the write to land.
      hit = await (await fetch(two.url, { method: 'POST', headers: await dev(two), body: JSON.stringify({ extensions }) })).json();
      if (!(hit as any)?.data) await new Promise((r) => setTimeout(r, 50));
    }
    expect(hit).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('callers without a token behind a proxy', () => {
  const forwarded = (address: string) => ({ 'x-forwarded-for': address });

  it('ignores X-Forwarded-For without TRUSTED_PROXIES: a spoofed header gets no fresh bucket', async () => {
    const gw = await startTestGateway({ rateLimits: LIMITS, redis: undefined });
    try {
      expect((await ping(gw.url, forwarded('10.0.0.1'))).status).toBe(200);
      expect((await ping(gw.url, forwarded('10.0.0.2'))).status).toBe(200);
      const limited = await ping(gw.url, forwarded('10.0.0.3'));
      expect(limited.status).toBe(429);
      expect(limited.body.errors?.[0]?.message).toMatch(/from 127\.0\.0\.1/);
    } finally {
      await gw.stop();
    }
  });

  it('gives each client behind a trusted proxy its own bucket, keyed by the address the proxy appended', async () => {
    const gw = await startTestGateway({ rateLimits: { ...LIMITS, trustedProxies: ['127.0.0.0/8'] }, redis: undefined });
    try {
      expect((await ping(gw.url, forwarded('10.0.0.1'))).status).toBe(200);
      expect((await ping(gw.url, forwarded('10.0.0.1'))).status).toBe(200);
      expect((await ping(gw.url, forwarded('10.0.0.2'))).status).toBe(200);
      // The client wrote 9.9.9.9 itself; the proxy appended the address it saw.
      const limited = await ping(gw.url, forwarded('9.9.9.9, 10.0.0.1'));
      expect(limited.status).toBe(429);
      expect(limited.body.errors?.[0]?.message).toMatch(/from 10\.0\.0\.1/);
    } finally {
      await gw.stop();
    }
  });

  it('reads the chain from the right, past trusted proxies only', () => {
    const trusted = proxyMatcher(['10.0.0.0/8', 'fd00::/8', '192.168.1.1']);
    expect(clientAddress('10.1.1.1', '203.0.113.9, 198.51.100.7, 10.2.2.2', trusted)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:10.1.1.1', '203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.1', '198.51.100.7', trusted)).toBe('203.0.113.1');
    expect(clientAddress('192.168.1.1', 'not-an-address', trusted)).toBe('192.168.1.1');
    expect(clientAddress('fd00::1', '2001:db8::5', trusted)).toBe('2001:db8::5');
  });
});

describe('rate limits while Redis fails', () => {
  it("refuses callers over their limit from the instance's own buckets, never letting everything through, and says so once", async () => {
    if (!(await redisReachable())) return;
    const prefix = uniquePrefix('rate-down');
    const redis = await connectRedis({ url: TEST_REDIS_URL, keyPrefix: prefix });
    const lines: string[] = [];
    const limiter = new RateLimiter(LIMITS, new RedisBuckets(redis, prefix), (line) => lines.push(line));
    await limiter.check(PUBLIC_PRINCIPAL(), '203.0.113.5');
    redis.disconnect();
    await limiter.check(PUBLIC_PRINCIPAL(), '203.0.113.5');
    await limiter.check(PUBLIC_PRINCIPAL(), '203.0.113.5');
    await expect(limiter.check(PUBLIC_PRINCIPAL(), '203.0.113.5')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/rate limit store unavailable/);
    expect(await registry.metrics()).toMatch(/^rate_limit_store_up 0$/m);
  });
});
