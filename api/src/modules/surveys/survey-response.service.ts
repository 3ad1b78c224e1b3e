import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, PageArgs } from '../../graphql/connection.js';
import { definedOnly, factConditions, oneOf } from '../../graphql/filters.js';
import { paginate } from '../../graphql/paginate.js';
import type { SurveyResponseFilter } from './dto/survey-response-filter.input.js';
import { SurveyResponse } from './survey-response.entity.js';

export class SurveyResponseService {
  constructor(private readonly em: EntityManager) {}

  /** A page of responses, oldest respondedAt first. */
  list(filter: SurveyResponseFilter, page: PageArgs): Promise<Connection<SurveyResponse>> {
    const where = {
      ...factConditions<SurveyResponse>(filter, 'respondedAt'),
      ...definedOnly({ type: oneOf(filter.types), channel: oneOf(filter.channels) }),
    };
    return paginate(this.em, SurveyResponse, where, page, 'respondedAt');
  }
}
