import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { connectionType, SyncPageArgs, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Agent } from './agent.entity.js';
import { AgentService } from './agent.service.js';

const AgentConnection = connectionType(Agent, 'agents');

@Resolver(() => Agent)
export class AgentResolver {
  @Query(() => AgentConnection, {
    description: 'Imported contact-center agents, in import order, 50 per page by default.',
  })
  agents(
    @Args(() => SyncPageArgs) page: SyncPageArgs,
    @Arg('teams', () => [String], {
      nullable: true,
      description: 'Only agents of these teams, exact match; all when omitted.',
    })
    teams: string[] | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<Agent>> {
    return new AgentService(em).list(teams, page);
  }
}
