import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { ConfigError } from '../config.js';

/**
 * The Redis that several API processes share (rate limits, the result cache), connected now so that a
 * wrong CX_REDIS_URL fails the start-up with a line naming it. It fails fast rather than queueing
 * commands while Redis is away; an outage after the start is logged, and closes with the server.
 */
export async function connectRedis(app: FastifyInstance, url: string): Promise<Redis> {
  const redis = new Redis(url, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', (error: Error) => app.log.error({ err: error }, 'Redis unavailable'));
  await redis.connect().catch((error: Error) => {
    redis.disconnect();
    throw new ConfigError(`CX_REDIS_URL: cannot reach ${url} (${error.message})`);
  });
  app.addHook('onClose', async () => void (await redis.quit()));
  return redis;
}
