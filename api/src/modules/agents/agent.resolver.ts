import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { connectionType, SyncPageArgs, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Agent } from './agent.entity.js';
import { AgentService } from './agent.service.js';
import { userInputError } from '../../graphql/user-input-error.js';
import { MetricFilter } from '../metrics/dto/metric-filter.input.js';
import { AgentScorecard, DEFAULT_MIN_SAMPLE, ScorecardGrouping } from './dto/agent-scorecard.type.js';
import { ScorecardService } from './scorecard.service.js';
import { SuperAgentRanking } from './dto/super-agents.type.js';
import { SuperAgentService } from './super-agent.service.js';

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

  @Query(() => [AgentScorecard], {
    description:
      'Agent or team scorecards over the contacts that started in the window: contacts, channels, FCR, repeats, ' +
      'escalations, handle and wait time, the CSAT/NPS of the responses about their contacts, recoveries and ' +
      'their outcome, out-of-policy decisions. Accepts the filters of contact measures (agents, teams and queues ' +
      'among them). Sorted by agent id (or team), the unknown last.',
  })
  agentScorecards(
    @Arg('filter', () => MetricFilter, {
      nullable: true,
      description: 'Window and segment; everything when omitted.',
    })
    filter: MetricFilter | null,
    @Arg('by', () => ScorecardGrouping, {
      defaultValue: ScorecardGrouping.AGENT,
      description: 'One scorecard per agent or per team.',
    })
    by: ScorecardGrouping,
    @Arg('minSample', () => Int, {
      defaultValue: DEFAULT_MIN_SAMPLE,
      description: 'Rows below which a value is flagged as resting on too few (…TooFew), 1 to 10000.',
    })
    minSample: number,
    @Ctx() { em }: GraphQLContext,
  ): Promise<AgentScorecard[]> {
    checkMinSample(minSample);
    return new ScorecardService(em).scorecards(filter ?? {}, by, minSample);
  }

  @Query(() => SuperAgentRanking, {
    description:
      'Super agents, measured: each agent (or team) on the contacts that arrived after self-service, with resolution ' +
      'and its 95% Wilson interval, satisfaction and churn after, ranked by the lower end of the interval. Accepts the ' +
      'filters of contact measures.',
  })
  superAgents(
    @Arg('filter', () => MetricFilter, {
      nullable: true,
      description: 'Window and segment; everything when omitted.',
    })
    filter: MetricFilter | null,
    @Arg('by', () => ScorecardGrouping, {
      defaultValue: ScorecardGrouping.AGENT,
      description: 'One row per agent or per team.',
    })
    by: ScorecardGrouping,
    @Arg('minSample', () => Int, {
      defaultValue: DEFAULT_MIN_SAMPLE,
      description: 'Contacts after self-service below which a row is not ranked (TOO_FEW), 1 to 10000.',
    })
    minSample: number,
    @Ctx() { em }: GraphQLContext,
  ): Promise<SuperAgentRanking> {
    checkMinSample(minSample);
    return new SuperAgentService(em).ranking(filter ?? {}, by, minSample);
  }
}

function checkMinSample(minSample: number): void {
  if (!Number.isInteger(minSample) || minSample < 1 || minSample > 10_000)
    throw userInputError('minSample', minSample, 'a whole number from 1 to 10000');
}
