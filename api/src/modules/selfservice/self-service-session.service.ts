import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, PageArgs } from '../../graphql/connection.js';
import { definedOnly, factConditions, oneOf } from '../../graphql/filters.js';
import { paginate } from '../../graphql/paginate.js';
import type { SelfServiceSessionFilter } from './dto/self-service-session-filter.input.js';
import { SelfServiceSession } from './self-service-session.entity.js';

export class SelfServiceSessionService {
  constructor(private readonly em: EntityManager) {}

  /** A page of sessions, oldest startedAt first. */
  list(filter: SelfServiceSessionFilter, page: PageArgs): Promise<Connection<SelfServiceSession>> {
    const where = {
      ...factConditions<SelfServiceSession>(filter, 'startedAt'),
      ...definedOnly({ entry: oneOf(filter.entries), outcome: oneOf(filter.outcomes) }),
    };
    return paginate(this.em, SelfServiceSession, where, page, 'startedAt');
  }
}
