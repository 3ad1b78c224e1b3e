import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, SyncPageRequest } from '../../core/pagination.js';
import { definedOnly, factConditions, oneOf } from '../../core/filters.js';
import { paginate } from '../../database/paginate.js';
import { findFactsByCustomer } from '../customers/facts-by-customer.js';
import { Contact } from './contact.entity.js';
import type { ContactFilter } from './dto/contact-filter.input.js';

export class ContactService {
  constructor(private readonly em: EntityManager) {}

  /** A page of contacts, oldest startedAt first. */
  list(filter: ContactFilter, page: SyncPageRequest): Promise<Connection<Contact>> {
    const where = {
      ...factConditions<Contact>(filter, 'startedAt'),
      ...definedOnly({ channel: oneOf(filter.channels), reason: oneOf(filter.reasons) }),
    };
    return paginate(this.em, Contact, where, page, 'startedAt');
  }

  /**
   * The contacts of these customers (internal ids) in one query, each customer's oldest startedAt first
   * (ties in import order); with `last`, only each customer's `last` most recent.
   */
  findByCustomerIds(customerIds: readonly number[], last: number | null = null): Promise<Contact[]> {
    return findFactsByCustomer(this.em, Contact, 'startedAt', customerIds, last);
  }
}
