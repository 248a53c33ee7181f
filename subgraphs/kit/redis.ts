/**
 * The Redis that gateway instances share (REDIS_URL): one connection per gateway, made at start-up so that a wrong
 * URL stops the start with a clear error, and a key-value cache over it for Apollo's automatic persisted queries.
 */
import { Redis } from 'ioredis';
import type { RedisConfig } from './config';

export async function connectRedis(config: RedisConfig): Promise<Redis> {
  // No offline queue and a short command timeout: a Redis outage must not stall requests (callers fail open).
  const redis = new Redis(config.url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000, connectTimeout: 3000 });
  redis.on('error', () => undefined); // reported where a command fails; ioredis reconnects by itself
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Redis at REDIS_URL does not answer (${(error as Error).message}); start it, or unset REDIS_URL to keep limits in memory.`);
  }
  return redis;
}

/** Apollo's KeyValueCache (persisted queries) in Redis under `<prefix>apq:`; errors count as misses. */
export class RedisKeyValueCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    try {
      if (options?.ttl) await this.redis.set(this.prefix + key, value, 'EX', options.ttl);
      else await this.redis.set(this.prefix + key, value);
    } catch {
      // A cache: the client sends the full query again next time.
    }
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}
