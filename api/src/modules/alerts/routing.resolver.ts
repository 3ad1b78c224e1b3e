import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { RoutingAdvice } from './dto/routing-advice.type.js';
import { LiveAgentService } from './live-agent.service.js';

const CUSTOMER_ID_DESCRIPTION = 'The customer_id of the import.';

@Resolver()
export class RoutingResolver {
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
}
