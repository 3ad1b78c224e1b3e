import type { EntityManager } from '@mikro-orm/knex';
import type { Loaders } from './loaders.js';

/** Per-request state: a forked EntityManager (own identity map) and the request's DataLoaders. */
export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
}
