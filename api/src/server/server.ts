import fastifyCookie from '@fastify/cookie';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { isInMemory, type AppConfig } from '../config.js';
import { maintenanceWarnings } from '../database/dialect.js';
import type { Orm } from '../database/orm.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { createLoaders } from '../graphql/loaders.js';
import { exportPlugin } from '../modules/export/export.routes.js';
import { graphqlMetricsPlugin } from '../modules/ops/graphql-metrics.plugin.js';
import { instrumentHttp, metricsRoutePlugin, ServerMetrics } from '../modules/ops/server-metrics.js';
import { buildCxSchema } from '../graphql/schema.js';
import { registerAuthRoutes } from '../modules/auth/auth.routes.js';
import { LoginThrottle } from '../modules/auth/login-throttle.js';
import { resultCachePlugins } from '../modules/cache/result-cache.plugin.js';
import { resultStore } from '../modules/cache/result-store.js';
import {
  refuseAnonymousBodies,
  registerAuthentication,
  requireViewer,
} from '../modules/auth/authentication.hook.js';
import { createApollo } from './apollo.js';
import { registerErrorHandler } from './error-body.js';
import { loadGraphiqlAssets } from './graphiql/graphiql-assets.js';
import { graphiqlContentSecurityPolicy } from './graphiql/graphiql-page.js';
import { graphiqlAssetsPlugin, graphiqlLandingPage } from './graphiql/graphiql.plugin.js';
import { registerHealthRoute, registerReadinessRoute } from './health.route.js';
import { registerEtags } from './persisted/http-caching.js';
import { persistedOperations } from './persisted/persisted-operations.js';
import { persistedRoutesPlugin } from './persisted/persisted.routes.js';
import { registerRateLimit, type RateLimitOptions } from './rate-limit.js';
import { WebhookDispatcher, type DispatcherOptions } from '../modules/webhooks/webhook-dispatcher.js';
import { IngestWorker, type IngestWorkerTuning } from '../modules/ingest/ingest-worker.js';
import { IngestWriterThread } from '../app/ingest-writer-thread.js';
import { openIngestQueue, type IngestQueueDatabase } from '../database/ingest-queue-database.js';
import { connectRedis } from './redis.js';
import { queriesReadFromReplicas } from './replica-reads.plugin.js';
import { echoRequestId, requestIdOf } from './request-id.js';
import { capResponseSize, refuseLongDocuments } from './request-limits.js';
import { registerClientAddress } from './client-address.js';
import { registerSecurityHeaders } from './security-headers.js';

export interface ServerOptions {
  /** fastify's pino logger: true (JSON lines on stdout, the default), false (quiet, for tests) or pino options. */
  logger?: FastifyServerOptions['logger'];
  rateLimit?: RateLimitOptions;
  /** Tuning of the webhook dispatcher (tests shorten its retries); production keeps the defaults. */
  webhooks?: DispatcherOptions;
  /**
   * Runs the ingest worker, which applies the batches ingest mutations acknowledged with apply:
   * BACKGROUND, on a writer thread of its own (`cx serve` does; tests that need it say so).
   */
  ingestWorker?: IngestWorkerTuning;
}

/** Ingest mutations carry up to 5,000 rows each (about 3 MB of JSON), well above fastify's 1 MiB default. */
export const BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * The API over HTTP: GraphQL at /graphql (POST, and GET for cacheable queries; GraphiQL for browsers),
 * the persisted operations of schema/operations by name under /graphql/persisted,
 * GraphiQL's files under /graphiql, login and logout under /auth, /export/*, /metrics (Prometheus), /health
 * (liveness) and /ready. Every request gets a request id (in each log line and the X-Request-Id header),
 * its credential resolved, then its rate limit counted. GraphQL queries read from the read replicas, if
 * any, and aggregates are answered from the result cache when they can be. Not yet listening; `app.close()`
 * stops Apollo and the HTTP server (the ORM stays open: it belongs to the caller). With webhook endpoints
 * configured, the server also runs a webhook dispatcher from when it is ready until it closes.
 */
export async function createServer(
  orm: Orm,
  config: AppConfig,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const timeouts = config.httpTimeouts;
  const app = Fastify({
    logger: options.logger ?? true,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    trustProxy: config.trustProxy,
    // Slow clients: a request (headers and body) must arrive within requestTimeout, its headers within
    // headersTimeout, and a connection silent for connectionTimeout is closed. Node checks the first two
    // every connectionsCheckingInterval.
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
    },
  });
  const ingestQueue = await openIngestQueue(config.database, orm);
  const metrics = new ServerMetrics(orm, ingestQueue);
  instrumentHttp(app, metrics);
  runWebhookDispatcher(app, orm, config, metrics, options.webhooks);
  const ingestWorker =
    options.ingestWorker && runIngestWorker(app, orm, config, ingestQueue, options.ingestWorker);
  // After the worker: it reads the queue until it stops.
  app.addHook('onClose', async () => {
    await ingestWorker?.stop();
    await ingestQueue.close();
  });
  registerErrorHandler(app);
  registerSecurityHeaders(app, graphiqlContentSecurityPolicy());
  echoRequestId(app);
  await app.register(fastifyCookie);
  registerClientAddress(app, config.clientAddressSecret);
  registerAuthentication(app, orm);
  refuseAnonymousBodies(app);
  const redis = config.redisUrl ? await connectRedis(app, config.redisUrl) : undefined;
  await registerRateLimit(app, config, redis, options.rateLimit);
  registerHealthRoute(app, orm);
  registerReadinessRoute(app, orm);
  registerAuthRoutes(app, orm, new LoginThrottle());
  await app.register(metricsRoutePlugin(metrics));
  await app.register(exportPlugin(orm));

  const graphiqlAssets = loadGraphiqlAssets();
  await app.register(graphiqlAssetsPlugin(graphiqlAssets));

  const contextOf = (viewer: Viewer, log: FastifyBaseLogger): GraphQLContext => {
    const em = orm.em.fork();
    return {
      em,
      loaders: createLoaders(em),
      viewer,
      log,
      webhooks: config.webhooks,
      textMinCustomers: config.textMinCustomers,
      display: config.display,
      ingestQueue,
    };
  };
  const context = (request: FastifyRequest): Promise<GraphQLContext> =>
    Promise.resolve(contextOf(requireViewer(request), request.log));
  const persisted = persistedOperations();
  const apollo = createApollo(await buildCxSchema(), config, persisted, [
    graphiqlLandingPage(graphiqlAssets, '/graphql'),
    graphqlMetricsPlugin(metrics),
    queriesReadFromReplicas(),
    ...resultCachePlugins(resultStore(config, redis), metrics, ({ viewer, log }) => contextOf(viewer, log)),
  ]);
  await apollo.start();
  app.addHook('onClose', () => apollo.stop());
  // Before the ETags, so that a refused answer is not hashed.
  capResponseSize(app, config.maxResponseBytes);
  refuseLongDocuments(app);
  registerEtags(app);
  await app.register(fastifyApollo(apollo), { path: '/graphql', method: ['GET', 'POST'], context });
  await app.register(persistedRoutesPlugin(apollo, persisted, context));
  app.log.info({ database: config.database.dialect }, 'GraphQL API configured');
  for (const warning of await maintenanceWarnings(config.database.dialect, orm.em.getKnex()))
    app.log.warn(warning);
  return app;
}

/** Sends alert events to the configured webhook endpoints while `app` runs. */
function runWebhookDispatcher(
  app: FastifyInstance,
  orm: Orm,
  config: AppConfig,
  metrics: ServerMetrics,
  options: DispatcherOptions = {},
): void {
  const dispatcher = new WebhookDispatcher(orm, config.webhooks, {
    onAttempt: (endpoint, outcome) => metrics.webhookDeliveries.inc({ endpoint, outcome }),
    onRoundError: (error) => app.log.error({ err: error }, 'webhook delivery round failed'),
    ...options,
  });
  app.addHook('onReady', () => Promise.resolve(dispatcher.start()));
  app.addHook('onClose', () => dispatcher.stop());
}

/**
 * Applies queued ingest batches while `app` runs: on the writer thread (IngestWriterThread), or on this
 * thread for an in-memory SQLite database, which exists only on this thread's connection.
 */
function runIngestWorker(
  app: FastifyInstance,
  orm: Orm,
  config: AppConfig,
  queue: IngestQueueDatabase,
  tuning: IngestWorkerTuning,
): IngestWorker | IngestWriterThread {
  const onRoundError = (error: unknown) => app.log.error({ err: error }, 'ingest worker round failed');
  const { database } = config;
  const worker = isInMemory(database)
    ? new IngestWorker(orm, queue, { ...tuning, onRoundError })
    : new IngestWriterThread(database, tuning, onRoundError);
  // Not awaited: the thread boots while the server starts listening (longer than fastify lets a hook
  // take on a busy machine); what is queued meanwhile waits for its first round.
  app.addHook('onReady', (done) => {
    void Promise.resolve(worker.start()).catch(onRoundError);
    done();
  });
  return worker;
}
