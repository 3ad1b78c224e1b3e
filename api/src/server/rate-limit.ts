import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config.js';
import { HttpError } from './error-body.js';

export interface RateLimitOptions {
  /** Prefix of the Redis keys; tests sharing one Redis give each server its own. */
  namespace?: string;
}

/**
 * Per-credential rate limits over a one-minute window: per API key or user once authenticated (so a
 * user's limit does not grow with their sessions), per client address before that (login attempts,
 * bad tokens). In memory by default; in `redis` (CX_REDIS_URL), so several API processes share one
 * count. Over the limit: 429 with Retry-After. The probes (/health, /ready, /metrics) are exempt.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  config: AppConfig,
  redis: Redis | undefined,
  options: RateLimitOptions = {},
): Promise<void> {
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
  // The browser's address when the dashboard vouches for it (client-address.ts), else the peer's.
  return viewer ? `${viewer.kind}:${viewer.id}` : `ip:${request.clientAddress}`;
}
