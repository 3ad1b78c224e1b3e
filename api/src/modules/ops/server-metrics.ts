import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Orm } from '../../database/orm.js';
import type { IngestQueueDatabase } from '../../database/ingest-queue-database.js';
import { IngestQueue, lagSeconds } from '../ingest/ingest-queue.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { processRegistry } from './process-metrics.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The instruments of one API server (tests run several in one process, each with its own). */
export class ServerMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'cx_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'cx_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to the end of its response, by method and route template.',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'cx_graphql_operation_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name (anonymous when unnamed) and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'cx_graphql_errors_total',
    help: 'Errors returned by GraphQL operations, by operation name and error code.',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'cx_webhook_deliveries_total',
    help: 'Webhook delivery attempts of this process, by endpoint and outcome (delivered, retry, failed: given up).',
    labelNames: ['endpoint', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly resultCache = new Counter({
    name: 'cx_result_cache_requests_total',
    help: 'Cacheable GraphQL queries, by how the result cache answered: hit, coalesced (waited for the same query), stale (the previous data version while one request computes the current one) or miss (ran).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor(orm: Orm, ingestQueue: IngestQueueDatabase) {
    new Gauge({
      name: 'cx_webhook_deliveries_pending',
      help: 'Webhook deliveries waiting for an attempt or a retry, over every endpoint and process.',
      registers: [this.registry],
      async collect() {
        this.set(await new WebhookOutbox(orm.em.fork()).pendingCount());
      },
    });
    new Gauge({
      name: 'cx_ingest_lag_seconds',
      help: 'Freshness lag of background ingest: age of the oldest acknowledged batch not yet applied (0: none waits).',
      registers: [this.registry],
      async collect() {
        this.set(lagSeconds((await new IngestQueue(orm.em.fork(), ingestQueue).backlog()).oldestReceivedAt));
      },
    });
    new Gauge({
      name: 'cx_ingest_pending_rows',
      help: 'Rows acknowledged by background ingest and not yet applied, over every process.',
      registers: [this.registry],
      async collect() {
        this.set((await new IngestQueue(orm.em.fork(), ingestQueue).backlog()).pendingRows);
      },
    });
    new Gauge({
      name: 'cx_db_pool_connections',
      help: 'Database connections of the pool: in use, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = (orm.em.getConnection().getKnex().client as { pool?: KnexPool }).pool;
        this.set({ state: 'used' }, pool?.numUsed() ?? 0);
        this.set({ state: 'free' }, pool?.numFree() ?? 0);
        this.set({ state: 'pending' }, pool?.numPendingAcquires() ?? 0);
      },
    });
  }

  /** The text exposition of this server's and the process's metrics. */
  async exposition(): Promise<string> {
    return `${await processRegistry.metrics()}\n${await this.registry.metrics()}`;
  }
}

/** The part of knex's connection pool (tarn) that the gauge reads. */
interface KnexPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** Counts and times every HTTP request by its route template (never the raw URL: it would explode the series). */
export function instrumentHttp(app: FastifyInstance, metrics: ServerMetrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: reply.statusCode });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
}

/** `GET /metrics` in the Prometheus text format, one fastify plugin (to be wrapped by authentication). */
export function metricsRoutePlugin(metrics: ServerMetrics) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/metrics', { logLevel: 'warn' }, async (_request, reply) =>
      reply
        .header('content-type', metrics.registry.contentType)
        .header('cache-control', 'no-store')
        .send(await metrics.exposition()),
    );
    return Promise.resolve();
  };
}
