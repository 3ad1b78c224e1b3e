import type { EntityManager } from '@mikro-orm/knex';
import type { DisplayConfig } from '../config.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Viewer } from '../modules/auth/viewer.js';
import type { IngestQueueDatabase } from '../database/ingest-queue-database.js';
import type { WebhooksConfig } from '../modules/webhooks/webhooks.config.js';
import type { Loaders } from './loader-types.js';

/**
 * Per-request state: a forked EntityManager (own identity map), the request's DataLoaders, who is asking
 * (every GraphQL request is authenticated), the request's logger (its lines carry the request id),
 * the webhook endpoints of the configuration and the minimum group size of text analytics.
 */
export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer;
  log: FastifyBaseLogger;
  webhooks: WebhooksConfig;
  /** The fewest distinct customers a term of free text must come from to be reported (CX_TEXT_MIN_CUSTOMERS). */
  textMinCustomers: number;
  /** How clients are told to present numbers (minimum sample, currency). */
  display: DisplayConfig;
  /** Where ingest with apply: BACKGROUND stores its batches (the server opens it: openIngestQueue). */
  ingestQueue: IngestQueueDatabase;
}
