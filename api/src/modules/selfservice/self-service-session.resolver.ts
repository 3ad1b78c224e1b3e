import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { connectionType, SyncPageArgs, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { CustomerFactResolver } from '../customers/customer-fact.resolver.js';
import { SelfServiceSessionFilter } from './dto/self-service-session-filter.input.js';
import { SelfServiceSession } from './self-service-session.entity.js';
import { SelfServiceSessionService } from './self-service-session.service.js';

const SelfServiceSessionConnection = connectionType(SelfServiceSession, 'self-service sessions');

@Resolver(() => SelfServiceSession)
export class SelfServiceSessionResolver extends CustomerFactResolver(SelfServiceSession) {
  @Query(() => SelfServiceSessionConnection, {
    description:
      'Self-service sessions matching the filter, oldest startedAt first (ties in import order), 50 per page by default.',
  })
  selfServiceSessions(
    @Args(() => SyncPageArgs) page: SyncPageArgs,
    @Arg('filter', () => SelfServiceSessionFilter, {
      nullable: true,
      description: 'Which sessions; all when omitted.',
    })
    filter: SelfServiceSessionFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<SelfServiceSession>> {
    return new SelfServiceSessionService(em).list(filter ?? {}, page);
  }
}
