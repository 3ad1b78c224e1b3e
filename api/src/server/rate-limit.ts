import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { ConfigError, type AppConfig } from '../config.js';
import { HttpError } from './error-body.js';

export interface RateLimitOptions {
  /** Prefix of the Redis keys; tests sharing one Redis give each server its own. */
  namespace?: string;
}

/**
 * Per-credential rate limits over a one-minute window: per API key or user once authenticated (so a
 * user's limit does not grow with their sessions), per client address before that (login attempts,
 * bad tokens). In memory by default; in Redis with CX_REDIS_URL, so several API processes share one
 * count. Over the limit: 429 with Retry-After. The probes (/health, /ready, /metrics) are exempt.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  config: AppConfig,
  options: RateLimitOptions = {},
): Promise<void> {
  const redis = config.redisUrl
    ? // Fail fast rather than queue requests while Redis is away (the plugin's advice).
      new Redis(config.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: true })
    : undefined;
  if (redis) {
    // Once started, a Redis outage is logged (requests fail with 500 until it is back) rather than crashing.
    redis.on('error', (error: Error) => app.log.error({ err: error }, 'Redis for rate limits unavailable'));
    await redis.connect().catch((error: Error) => {
      redis.disconnect();
      throw new ConfigError(`CX_REDIS_URL: cannot reach ${config.redisUrl} (${error.message})`);
    });
    app.addHook('onClose', async () => void (await redis.quit()));
  }
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    ...(redis && { redis }),
    nameSpace: options.namespace ?? 'cx-rate-limit:',
    keyGenerator: rateLimitKey,
    allowList: (request) => PROBES.has(request.routeOptions.url ?? ''),
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'RATE_LIMITED',
        `Too many requests: at most ${context.max} a minute; retry in ${context.after}.`,
      ),
  });
}

/** Polled by load balancers and Prometheus, not by users. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

function rateLimitKey(request: FastifyRequest): string {
  const { viewer } = request;
  return viewer ? `${viewer.kind}:${viewer.id}` : `ip:${request.ip}`;
}
