import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Agent } from '../agents/agent.entity.js';
import { connectionType, PageArgs, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { changeActor } from '../alerts/change-actor.js';
import { ExceptionFilter } from './dto/exception-filter.input.js';
import { ExceptionReport, PolicyException } from './dto/policy-exception.type.js';
import { ExceptionService } from './exception.service.js';
import { ReviewStatus } from './review-outcome.js';

const PolicyExceptionConnection = connectionType(PolicyException, 'exceptions');

@Resolver(() => PolicyException)
export class ExceptionResolver {
  @Query(() => PolicyExceptionConnection, {
    description:
      'Out-of-policy decisions as reviewable exceptions, the most recent first (ties newest import first), 50 per ' +
      'page by default: decider, peer approval, recompense, what happened next and the review.',
  })
  exceptions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ExceptionFilter, {
      nullable: true,
      description: 'Which exceptions; all when omitted.',
    })
    filter: ExceptionFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<PolicyException>> {
    return new ExceptionService(em).page(filter ?? {}, page);
  }

  @Query(() => ExceptionReport, {
    description:
      'Out-of-policy exceptions of the window: volume, peer-approved share, review outcomes (upheld vs corrected), ' +
      'cost, and outcomes beside within-policy recoveries.',
  })
  exceptionReport(
    @Arg('filter', () => ExceptionFilter, {
      nullable: true,
      description: 'Window and agents; all when omitted.',
    })
    filter: ExceptionFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<ExceptionReport> {
    return new ExceptionService(em).report(filter ?? {});
  }

  @Mutation(() => PolicyException, {
    description:
      'Reviews an out-of-policy exception: UPHELD or CORRECTED with a note, once. The review records who gave it ' +
      'and when; a second review of the same exception is refused.',
  })
  reviewException(
    @Arg('contactId', () => ID, { description: 'contact_id of the out-of-policy contact.' })
    contactId: string,
    @Arg('status', () => ReviewStatus, { description: 'UPHELD or CORRECTED.' }) status: ReviewStatus,
    @Arg('note', () => String, { description: 'Why, at most 4,000 characters.' }) note: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PolicyException> {
    return new ExceptionService(ctx.em).review(contactId, status, note, changeActor(ctx));
  }

  @FieldResolver(() => Agent, {
    nullable: true,
    description:
      'The agent who decided (agentId), from the agents import, its name masked like every agent name; null ' +
      'without agentId or for an agent never imported.',
  })
  agent(@Root() exception: PolicyException, @Ctx() { loaders }: GraphQLContext): Promise<Agent | null> {
    return exception.agentId === null ? Promise.resolve(null) : loaders.agentById.load(exception.agentId);
  }

  @FieldResolver(() => Agent, {
    nullable: true,
    description:
      'The peer who approved the decision (approvedBy), from the agents import, its name masked like every ' +
      'agent name; null without approvedBy or for a peer never imported (then known only by approvedBy).',
  })
  approver(@Root() exception: PolicyException, @Ctx() { loaders }: GraphQLContext): Promise<Agent | null> {
    return exception.approvedBy === null
      ? Promise.resolve(null)
      : loaders.agentById.load(exception.approvedBy);
  }
}
