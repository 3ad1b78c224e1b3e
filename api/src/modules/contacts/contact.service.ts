import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, SyncPageRequest } from '../../core/pagination.js';
import { definedOnly, factConditions, oneOf } from '../../core/filters.js';
import { paginate } from '../../database/paginate.js';
import { findFactsByCustomer } from '../customers/facts-by-customer.js';
import { Contact } from './contact.entity.js';
import type { ContactFilter } from './dto/contact-filter.input.js';
import { RecoveryGroup } from '../metrics/dto/recovery-effectiveness.type.js';

const NOT_TRUE = (field: string) => ({ $or: [{ [field]: false }, { [field]: null }] });
/** Recovery recorded: an apology, a recompense or out_of_policy set (recoveryEffectiveness's contacts). */
const RECORDED = {
  $or: [{ apology: { $ne: null } }, { recompenseType: { $ne: null } }, { outOfPolicy: { $ne: null } }],
};
/** The conditions of each recovery group, word for word the CASE expressions of recovery-effectiveness.service.ts. */
const RECOVERY_CONDITIONS: Record<RecoveryGroup, object[]> = {
  [RecoveryGroup.APOLOGY]: [{ apology: true }],
  [RecoveryGroup.PERKS_ONLY]: [NOT_TRUE('apology'), { recompenseType: { $ne: null } }],
  [RecoveryGroup.NEITHER]: [RECORDED, NOT_TRUE('apology'), { recompenseType: null }],
  [RecoveryGroup.WITHIN_POLICY]: [RECORDED, NOT_TRUE('outOfPolicy')],
  [RecoveryGroup.OUT_OF_POLICY_PEER_APPROVED]: [{ outOfPolicy: true }, { peerApproved: true }],
  [RecoveryGroup.OUT_OF_POLICY_NOT_APPROVED]: [{ outOfPolicy: true }, NOT_TRUE('peerApproved')],
};

export class ContactService {
  constructor(private readonly em: EntityManager) {}

  /** A page of contacts, oldest startedAt first. */
  list(filter: ContactFilter, page: SyncPageRequest): Promise<Connection<Contact>> {
    const where = {
      ...factConditions<Contact>(filter, 'startedAt'),
      ...definedOnly({
        channel: oneOf(filter.channels),
        reason: oneOf(filter.reasons),
        $and: filter.recovery ? RECOVERY_CONDITIONS[filter.recovery] : undefined,
      }),
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
