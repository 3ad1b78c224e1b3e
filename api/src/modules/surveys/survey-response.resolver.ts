import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { connectionType, SyncPageArgs, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { CustomerFactResolver } from '../customers/customer-fact.resolver.js';
import { SurveyResponseFilter } from './dto/survey-response-filter.input.js';
import { SurveyResponse } from './survey-response.entity.js';
import { SurveyResponseService } from './survey-response.service.js';

const SurveyResponseConnection = connectionType(SurveyResponse, 'survey responses');

@Resolver(() => SurveyResponse)
export class SurveyResponseResolver extends CustomerFactResolver(SurveyResponse) {
  @Query(() => SurveyResponseConnection, {
    description:
      'Survey responses matching the filter, oldest respondedAt first (ties in import order), 50 per page by default.',
  })
  surveyResponses(
    @Args(() => SyncPageArgs) page: SyncPageArgs,
    @Arg('filter', () => SurveyResponseFilter, {
      nullable: true,
      description: 'Which responses; all when omitted.',
    })
    filter: SurveyResponseFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<SurveyResponse>> {
    return new SurveyResponseService(em).list(filter ?? {}, page);
  }
}
