import type { ConnectionType } from '@mikro-orm/core';
import type { AbstractSqlConnection, EntityManager, Knex } from '@mikro-orm/knex';

/** The replica connection chosen for each request whose readers may use one. */
const replicaOf = new WeakMap<EntityManager, AbstractSqlConnection>();

/**
 * Lets the aggregate, list and export readers of this EntityManager (one request's fork) read from a
 * read replica, one picked now for the whole request, so that its statements (the data version the
 * result cache keys on included) see the same moment. Without replicas it is the primary. Only
 * requests that write nothing opt in: GraphQL queries and exports.
 */
export function readFromReplica(em: EntityManager): void {
  replicaOf.set(em, em.getConnection('read'));
}

/** The connection the readers of `em` use: its request's replica, else the primary. */
export function readerConnection(em: EntityManager): AbstractSqlConnection {
  return replicaOf.get(em) ?? em.getConnection('write');
}

/** readerConnection as knex, for raw SQL. */
export function readerKnex(em: EntityManager): Knex {
  return readerConnection(em).getKnex();
}

/** For MikroORM's find and count: `read` (a replica) when the request opted in and no transaction is open. */
export function readerConnectionType(em: EntityManager): ConnectionType {
  return replicaOf.has(em) && !em.isInTransaction() ? 'read' : 'write';
}
