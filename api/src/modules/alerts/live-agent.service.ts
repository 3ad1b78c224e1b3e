import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, PageRequest } from '../../core/pagination.js';
import { userInputError } from '../../core/errors.js';
import { paginate } from '../../database/paginate.js';
import { suggestTeam } from '../agents/team-suggestion.js';
import { Customer } from '../customers/customer.entity.js';
import type { RoutingAdvice } from './dto/routing-advice.type.js';
import { LiveAgentPreference, PreferenceSource } from './live-agent-preference.entity.js';

const MAX_REASON = 1_000;

/** Live-agent preferences and the routing advice contact-center systems ask for. */
export class LiveAgentService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Whether to skip self-service for a customer. An unknown customer gets the default (self-service
   * allowed) rather than an error: a contact center asks for callers CX Pulse may not have imported yet.
   */
  async routingAdvice(customerId: string, now = new Date()): Promise<RoutingAdvice> {
    const preference = await this.em.findOne(LiveAgentPreference, { customer: { externalId: customerId } });
    const suggestion = await suggestTeam(this.em, customerId, preference !== null, now);
    return {
      ...adviceOf(preference),
      suggestedTeam: suggestion?.team ?? null,
      suggestedTeamReason: suggestion?.reason ?? null,
    };
  }

  /** Records an agent's note that the customer prefers a live agent; it replaces an earlier preference. */
  async markFromAgentNote(customerId: string, reason: string): Promise<RoutingAdvice> {
    const text = reason.trim();
    if (text === '' || text.length > MAX_REASON) {
      throw userInputError('reason', reason, `a non-blank text of at most ${MAX_REASON} characters`);
    }
    const customer = await this.em.findOne(Customer, { externalId: customerId });
    if (!customer) throw userInputError('customerId', customerId, 'the customer_id of an imported customer');
    await this.em.upsert(
      LiveAgentPreference,
      { customer, reason: text, source: PreferenceSource.AGENT_NOTE, since: new Date() },
      { onConflictFields: ['customer'], onConflictAction: 'merge' },
    );
    return this.routingAdvice(customerId);
  }

  /** A page of the customers who prefer a live agent, the oldest preference first. */
  list(page: PageRequest): Promise<Connection<LiveAgentPreference>> {
    return paginate<LiveAgentPreference>(this.em, LiveAgentPreference, {}, page, 'since');
  }

  /**
   * Clears a customer's preference, whoever set it: their contacts are routed as anyone's again. An
   * automatic preference comes back only if self-service backfires for them again.
   */
  async clear(customerId: string): Promise<RoutingAdvice> {
    const customer = await this.em.findOne(Customer, { externalId: customerId });
    if (!customer) throw userInputError('customerId', customerId, 'the customer_id of an imported customer');
    await this.em.nativeDelete(LiveAgentPreference, { customer });
    return this.routingAdvice(customerId);
  }
}

/** The reason of an agent's note, in words that quote nothing of it (the note itself is personal data). */
export const AGENT_NOTE_REASON = 'An agent noted that the customer prefers a live agent.';

function adviceOf(
  preference: LiveAgentPreference | null,
): Omit<RoutingAdvice, 'suggestedTeam' | 'suggestedTeamReason'> {
  const byAgent = preference?.source === PreferenceSource.AGENT_NOTE;
  return {
    skipSelfService: preference !== null,
    reason: preference === null ? null : byAgent ? AGENT_NOTE_REASON : preference.reason,
    note: byAgent ? preference.reason : null,
    source: preference?.source ?? null,
    since: preference?.since ?? null,
  };
}
