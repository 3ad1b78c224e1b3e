import type { FastifyInstance } from 'fastify';
import type { Orm } from '../database/orm.js';

/** A load balancer gives up on a check long before the driver's own connection timeout. */
const DATABASE_CHECK_TIMEOUT_MS = 3_000;

/**
 * `GET /health` for load balancers: 200 when the database answers `select 1`, 503 otherwise, so that a
 * process that lost its database is taken out of rotation.
 */
export function registerHealthRoute(app: FastifyInstance, orm: Orm): void {
  // Polled every few seconds: only failures are worth a log line.
  app.get('/health', { logLevel: 'warn' }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    try {
      await withTimeout(orm.em.getConnection().execute('select 1'), DATABASE_CHECK_TIMEOUT_MS);
      return { status: 'ok', database: 'ok' };
    } catch (error) {
      request.log.warn({ err: error }, 'health check failed: database unreachable');
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
