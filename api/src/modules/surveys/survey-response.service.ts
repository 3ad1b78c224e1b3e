import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, SyncPageRequest } from '../../core/pagination.js';
import { definedOnly, factConditions, oneOf } from '../../core/filters.js';
import { paginate } from '../../database/paginate.js';
import { findFactsByCustomer } from '../customers/facts-by-customer.js';
import type { SurveyResponseFilter } from './dto/survey-response-filter.input.js';
import { SurveyResponse } from './survey-response.entity.js';

export class SurveyResponseService {
  constructor(private readonly em: EntityManager) {}

  /** A page of responses, oldest respondedAt first. */
  list(filter: SurveyResponseFilter, page: SyncPageRequest): Promise<Connection<SurveyResponse>> {
    const where = {
      ...factConditions<SurveyResponse>(filter, 'respondedAt'),
      ...definedOnly({ type: oneOf(filter.types), channel: oneOf(filter.channels) }),
    };
    return paginate(this.em, SurveyResponse, where, page, 'respondedAt');
  }

  /**
   * The responses of these customers (internal ids) in one query, each customer's oldest respondedAt first
   * (ties in import order); with `last`, only each customer's `last` most recent.
   */
  findByCustomerIds(customerIds: readonly number[], last: number | null = null): Promise<SurveyResponse[]> {
    return findFactsByCustomer(this.em, SurveyResponse, 'respondedAt', customerIds, last);
  }
}
