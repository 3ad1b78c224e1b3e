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

/**
 * `GET /ready` for rolling deploys: 200 once the database answers and its schema has every migration
 * this version ships; 503 while migrations are pending (another process is still migrating, or this one
 * was started against an older database) or the database is unreachable. `/health` stays the liveness
 * check: a process waiting for migrations is alive, just not ready for traffic.
 */
export function registerReadinessRoute(app: FastifyInstance, orm: Orm): void {
  app.get('/ready', { logLevel: 'warn' }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    let pending: number;
    try {
      await withTimeout(orm.em.getConnection().execute('select 1'), DATABASE_CHECK_TIMEOUT_MS);
      pending = (await withTimeout(orm.getMigrator().getPendingMigrations(), DATABASE_CHECK_TIMEOUT_MS))
        .length;
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed: database unreachable');
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
    if (pending > 0) {
      return reply.code(503).send({ status: 'migrating', database: 'ok', pendingMigrations: pending });
    }
    return { status: 'ready', database: 'ok', pendingMigrations: 0 };
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
