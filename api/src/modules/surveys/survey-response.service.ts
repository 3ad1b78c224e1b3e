import type { EntityManager } from '@mikro-orm/knex';
import { containsIgnoringCase, dialectOf } from '../../database/dialect.js';
import type { Connection, SyncPageRequest } from '../../core/pagination.js';
import { definedOnly, factConditions, oneOf } from '../../core/filters.js';
import { userInputError } from '../../core/errors.js';
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
      ...definedOnly({
        type: oneOf(filter.types),
        channel: oneOf(filter.channels),
        score: filter.maxScore == null ? undefined : { $lte: filter.maxScore },
        comment:
          filter.commentContains == null
            ? undefined
            : containsIgnoringCase(dialectOf(this.em), likePattern(filter.commentContains)),
      }),
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

/** A comment search as a LIKE pattern; its own pattern characters (%, _ and backslash) are refused. */
function likePattern(text: string): string {
  if (text.trim().length === 0 || text.length > 100 || /[%_\\]/.test(text)) {
    throw userInputError(
      'filter.commentContains',
      text,
      'a non-blank text of at most 100 characters without %, _ or \\',
    );
  }
  return text;
}
