import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, SyncPageRequest } from '../../core/pagination.js';
import { userInputError } from '../../core/errors.js';
import { definedOnly, oneOf } from '../../core/filters.js';
import { paginate } from '../../database/paginate.js';
import { Customer } from './customer.entity.js';
import type { CustomerFilter } from './dto/customer-filter.input.js';

export class CustomerService {
  constructor(private readonly em: EntityManager) {}

  findByExternalId(externalId: string): Promise<Customer | null> {
    return this.em.findOne(Customer, { externalId });
  }

  /** Customers by internal id, in one query; ids without a customer are left out. */
  findByIds(ids: number[]): Promise<Customer[]> {
    return this.em.find(Customer, { id: { $in: ids } });
  }

  /** A page of customers in import order (internal id). */
  list(filter: CustomerFilter, page: SyncPageRequest): Promise<Connection<Customer>> {
    const { churnedFrom, churnedTo } = filter;
    if (churnedFrom && churnedTo && churnedTo < churnedFrom) {
      throw userInputError(
        'filter.churnedTo',
        churnedTo.toISOString(),
        `an instant not before filter.churnedFrom (${churnedFrom.toISOString()})`,
      );
    }
    const churnedIn =
      churnedFrom || churnedTo
        ? definedOnly({ $gte: churnedFrom ?? undefined, $lt: churnedTo ?? undefined })
        : undefined;
    // Both set: churned in the window and churned: true agree; churned: false and a window match nothing.
    const churnedAt =
      filter.churned === false && churnedIn
        ? { $in: [] }
        : (churnedIn ?? (filter.churned == null ? undefined : filter.churned ? { $ne: null } : null));
    const where = definedOnly({
      generation: oneOf(filter.generations),
      region: oneOf(filter.regions),
      tier: oneOf(filter.tiers),
      churnedAt,
    });
    return paginate(this.em, Customer, where, page);
  }
}
