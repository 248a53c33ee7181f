/**
 * Redis for tests: REDIS_URL, else 127.0.0.1:6379. With CI=true an unreachable Redis fails the suite (CI has one);
 * elsewhere its tests are skipped with a note. Each run uses its own key prefix.
 */
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export async function redisReachable(): Promise<boolean> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    if (process.env.CI === 'true') throw new Error(`Redis is unreachable at ${TEST_REDIS_URL}; CI must not skip the shared rate-limit tests.`);
    process.stderr.write(`Redis is unreachable at ${TEST_REDIS_URL}: skipping the Redis tests outside CI.\n`);
    return false;
  } finally {
    redis.disconnect();
  }
}

export function uniquePrefix(label: string): string {
  return `hdg-test:${label}:${process.pid}-${Math.random().toString(36).slice(2, 8)}:`;
}

/** Deletes every key under the prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
