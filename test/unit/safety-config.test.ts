/** Query-safety settings read from the environment: defaults, overrides, and a clear refusal of bad values. */
import { DEFAULT_RATE_LIMITS, httpConfig, querySafetyConfig, rateLimitConfig, redisConfig, trustedDocumentsConfig } from '../../subgraphs/kit/config';

describe(querySafetyConfig.name, () => {
  it('returns in-memory limits, trusted documents off, no CORS and a 1 MiB body limit by default', () => {
    const safety = querySafetyConfig({});
    expect(safety.redis).toBeUndefined();
    expect(safety.trustedDocuments.mode).toBe('off');
    expect(safety.http).toEqual({ bodyLimitBytes: 1024 * 1024, corsOrigins: [] });
    expect(safety.rateLimits).toMatchObject({ enabled: true, client: DEFAULT_RATE_LIMITS.client });
  });

  it('returns trusted documents enforced in production unless set otherwise', () => {
    expect(trustedDocumentsConfig({ NODE_ENV: 'production' }).mode).toBe('enforce');
    expect(trustedDocumentsConfig({ NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'off' }).mode).toBe('off');
    expect(() => trustedDocumentsConfig({ TRUSTED_DOCUMENTS: 'on' })).toThrow(/TRUSTED_DOCUMENTS is invalid: expected "off" or "enforce"/);
  });

  it('returns rate-limit overrides by role and for apps, and nothing enabled for off', () => {
    const limits = rateLimitConfig({ RATE_LIMITS: '{"public":{"capacity":5},"client":{"refillPerSecond":2}}' });
    expect(limits.roles.public).toEqual({ capacity: 5, refillPerSecond: 1 });
    expect(limits.client).toEqual({ capacity: 6000, refillPerSecond: 2 });
    expect(rateLimitConfig({ RATE_LIMITS: 'off' }).enabled).toBe(false);
    expect(() => rateLimitConfig({ RATE_LIMITS: '{"public":{"capacity":-1}}' })).toThrow(/public.capacity must be a positive number/);
    expect(() => rateLimitConfig({ RATE_LIMITS: '[1]' })).toThrow(/JSON object keyed by role/);
  });

  it('returns Redis with a key prefix, and refuses a URL of another scheme', () => {
    expect(redisConfig({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: 'p1:' })).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'p1:' });
    expect(() => redisConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL is invalid/);
  });

  it('returns CORS origins and refuses anything that is not a bare origin', () => {
    expect(httpConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(() => httpConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/is not an origin/);
    expect(() => httpConfig({ BODY_LIMIT_BYTES: '10' })).toThrow(/BODY_LIMIT_BYTES is invalid/);
  });
});
