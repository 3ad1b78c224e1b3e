import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyBaseLogger } from 'fastify';
import type { Viewer } from '../modules/auth/viewer.js';
import type { WebhooksConfig } from '../modules/webhooks/webhooks.config.js';
import type { Loaders } from './loader-types.js';

/**
 * Per-request state: a forked EntityManager (own identity map), the request's DataLoaders, who is asking
 * (every GraphQL request is authenticated), the request's logger (its lines carry the request id) and
 * the webhook endpoints of the configuration.
 */
export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer;
  log: FastifyBaseLogger;
  webhooks: WebhooksConfig;
}
