import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { connectionType, PageArgs, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { CustomerFactResolver } from '../customers/customer-fact.resolver.js';
import { RoutingAdvice } from './dto/routing-advice.type.js';
import { LiveAgentPreference } from './live-agent-preference.entity.js';
import { LiveAgentService } from './live-agent.service.js';

const PreferenceConnection = connectionType(LiveAgentPreference, 'live-agent preferences');

const CUSTOMER_ID_DESCRIPTION = 'The customer_id of the import.';

@Resolver(() => LiveAgentPreference)
export class RoutingResolver extends CustomerFactResolver(LiveAgentPreference) {
  @Query(() => RoutingAdvice, {
    description:
      'For a contact-center system at the start of a contact: should this customer skip self-service and go ' +
      'straight to a live agent, and why.',
  })
  routingAdvice(
    @Arg('customerId', () => ID, { description: CUSTOMER_ID_DESCRIPTION }) customerId: string,
    @Ctx() { em }: GraphQLContext,
  ): Promise<RoutingAdvice> {
    return new LiveAgentService(em).routingAdvice(customerId);
  }

  @Mutation(() => RoutingAdvice, {
    description:
      "Records an agent's note that the customer prefers a live agent (source AGENT_NOTE); it replaces an " +
      'earlier preference, automatic or not. Returns the routing advice that now holds.',
  })
  markLiveAgentPreference(
    @Arg('customerId', () => ID, { description: CUSTOMER_ID_DESCRIPTION }) customerId: string,
    @Arg('reason', () => String, {
      description:
        'What the agent noted, e.g. "asked not to be offered the bot again" (at most 1,000 characters).',
    })
    reason: string,
    @Ctx() { em }: GraphQLContext,
  ): Promise<RoutingAdvice> {
    return new LiveAgentService(em).markFromAgentNote(customerId, reason);
  }

  @Query(() => PreferenceConnection, {
    description:
      'The customers who prefer a live agent (automatic or from an agent note), the oldest preference first; ' +
      'totalCount is how many are flagged.',
  })
  liveAgentPreferences(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<LiveAgentPreference>> {
    return new LiveAgentService(em).list(page);
  }

  @Mutation(() => RoutingAdvice, {
    description:
      "Clears a customer's live-agent preference, whoever recorded it: their contacts may be offered " +
      'self-service again. Returns the routing advice that now holds (skipSelfService false).',
  })
  clearLiveAgentPreference(
    @Arg('customerId', () => ID, { description: CUSTOMER_ID_DESCRIPTION }) customerId: string,
    @Ctx() { em }: GraphQLContext,
  ): Promise<RoutingAdvice> {
    return new LiveAgentService(em).clear(customerId);
  }
}
