import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, SyncPageRequest } from '../../core/pagination.js';
import { definedOnly, factConditions, oneOf } from '../../core/filters.js';
import { paginate } from '../../database/paginate.js';
import { findFactsByCustomer } from '../customers/facts-by-customer.js';
import type { SelfServiceSessionFilter } from './dto/self-service-session-filter.input.js';
import { SelfServiceSession } from './self-service-session.entity.js';

export class SelfServiceSessionService {
  constructor(private readonly em: EntityManager) {}

  /** A page of sessions, oldest startedAt first. */
  list(filter: SelfServiceSessionFilter, page: SyncPageRequest): Promise<Connection<SelfServiceSession>> {
    const where = {
      ...factConditions<SelfServiceSession>(filter, 'startedAt'),
      ...definedOnly({
        entry: oneOf(filter.entries),
        outcome: oneOf(filter.outcomes),
        steps: filter.minSteps == null ? undefined : { $gte: filter.minSteps },
        // The funnel's stages: the sequence flags the imports keep (sequence-flags.ts).
        trulyDeflected: filter.trulyDeflected ?? undefined,
        escalationResolved: filter.escalationResolved ?? undefined,
        backfired: filter.backfired ?? undefined,
      }),
    };
    return paginate(this.em, SelfServiceSession, where, page, 'startedAt');
  }

  /**
   * The sessions of these customers (internal ids) in one query, each customer's oldest startedAt first
   * (ties in import order); with `last`, only each customer's `last` most recent.
   */
  findByCustomerIds(
    customerIds: readonly number[],
    last: number | null = null,
  ): Promise<SelfServiceSession[]> {
    return findFactsByCustomer(this.em, SelfServiceSession, 'startedAt', customerIds, last);
  }
}
