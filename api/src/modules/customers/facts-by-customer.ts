import type { EntityClass, EntityKey, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { TimeProperty } from '../../core/pagination.js';
import type { Customer } from './customer.entity.js';

/** A fact row (survey response, contact, self-service session) that belongs to one customer. */
export interface CustomerFact {
  customer: Customer;
}

/**
 * The facts (survey responses, contacts or sessions) of many customers in one query, ordered by `time`
 * then internal id (import order), so each customer's rows come out oldest first. With `last`, only each
 * customer's `last` most recent rows (see findNewestByOwner).
 */
export function findFactsByCustomer<T extends CustomerFact & { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  time: TimeProperty<T>,
  customerIds: readonly number[],
  last: number | null,
): Promise<T[]> {
  return findNewestByOwner(em, entity, 'customer' as EntityKey<T>, time, customerIds, last);
}

/**
 * The rows of many owners (a customer's facts, an alert's audit trail) in one query, ordered by `time` then
 * internal id, so each owner's rows come out oldest first. With `last`, only each owner's `last` most recent
 * rows: a window function ranks them per owner inside the database (standard SQL that SQLite and PostgreSQL
 * both run), so an owner with years of history costs no more than `last` rows.
 */
export function findNewestByOwner<T extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  owner: EntityKey<T>,
  time: TimeProperty<T>,
  ownerIds: readonly number[],
  last: number | null,
): Promise<T[]> {
  const orderBy = { [time]: 'asc', id: 'asc' } as FindOptions<T>['orderBy'];
  if (last === null) {
    const ofOwners: Record<string, unknown> = { [owner]: { $in: [...ownerIds] } };
    return em.find(entity, ofOwners as FilterQuery<T>, { orderBy });
  }

  const meta = em.getMetadata().get<T>(entity.name);
  const column = (property: string) => meta.properties[property as EntityKey<T>].fieldNames[0]!;
  const [ownerColumn, timeColumn, idColumn] = [column(owner), column(time), column('id')];
  const knex = em.getKnex();
  const ranked = knex(meta.tableName)
    .select(idColumn)
    .select(
      knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc) as recency', [
        ownerColumn,
        timeColumn,
        idColumn,
      ]),
    )
    .whereIn(ownerColumn, [...ownerIds]);
  const newest = knex.from(ranked.as('ranked')).select(idColumn).where('recency', '<=', last);
  const amongNewest: Record<string, unknown> = { id: { $in: newest } };
  return em.find(entity, amongNewest as FilterQuery<T>, { orderBy });
}
