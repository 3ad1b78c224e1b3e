import { createHash } from 'node:crypto';
import {
  ErrorsAreMissesCache,
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config.js';

/**
 * Where cached GraphQL answers live (CX_RESULT_CACHE): nowhere (`off`), this process's memory, an LRU
 * bounded by the size of the JSON it holds (`memory`), or the Redis every API process shares (`redis`),
 * where a Redis failure is a miss rather than a failed request.
 */
export function resultStore(config: AppConfig, redis: Redis | undefined): KeyValueCache | undefined {
  switch (config.resultCache) {
    case 'off':
      return undefined;
    case 'memory':
      return new InMemoryLRUCache<string>({ maxSize: config.resultCacheMaxBytes });
    case 'redis':
      if (!redis) throw new Error('CX_RESULT_CACHE=redis without a Redis connection');
      return new ErrorsAreMissesCache(new RedisStore(redis, redisPrefix(config)));
  }
}

/**
 * Keys are per database (a hash of CX_DATABASE_URL): processes of one deployment share answers, and
 * another deployment (or test database) using the same Redis never sees them.
 */
function redisPrefix(config: AppConfig): string {
  return `cx-result:${createHash('sha256').update(config.database.url).digest('hex').slice(0, 16)}:`;
}

/** Apollo's key-value cache interface over ioredis; every entry expires after its TTL (seconds, to the millisecond). */
class RedisStore implements KeyValueCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!options?.ttl) throw new Error('the result cache stores answers only with a TTL');
    await this.redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.ceil(options.ttl * 1000)));
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}
