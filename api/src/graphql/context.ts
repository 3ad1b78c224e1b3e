import type { EntityManager } from '@mikro-orm/knex';

/** Per-request state: a forked EntityManager (own identity map) and the request's DataLoaders. */
export interface GraphQLContext {
  em: EntityManager;
}
