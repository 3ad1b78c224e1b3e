import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, PageArgs } from '../../graphql/connection.js';
import { definedOnly, factConditions, oneOf } from '../../graphql/filters.js';
import { paginate } from '../../graphql/paginate.js';
import { Contact } from './contact.entity.js';
import type { ContactFilter } from './dto/contact-filter.input.js';

export class ContactService {
  constructor(private readonly em: EntityManager) {}

  /** A page of contacts, oldest startedAt first. */
  list(filter: ContactFilter, page: PageArgs): Promise<Connection<Contact>> {
    const where = {
      ...factConditions<Contact>(filter, 'startedAt'),
      ...definedOnly({ channel: oneOf(filter.channels), reason: oneOf(filter.reasons) }),
    };
    return paginate(this.em, Contact, where, page, 'startedAt');
  }
}
