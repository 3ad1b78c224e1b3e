import type { EntityManager } from '@mikro-orm/knex';
import { userInputError } from '../../core/errors.js';
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
  async routingAdvice(customerId: string): Promise<RoutingAdvice> {
    const preference = await this.em.findOne(LiveAgentPreference, { customer: { externalId: customerId } });
    return adviceOf(preference);
  }

  /** Records an agent's note that the customer prefers a live agent; it replaces an earlier preference. */
  async markFromAgentNote(customerId: string, reason: string): Promise<RoutingAdvice> {
    const text = reason.trim();
    if (text === '' || text.length > MAX_REASON) {
      throw userInputError('reason', reason, `a non-blank text of at most ${MAX_REASON} characters`);
    }
    const customer = await this.em.findOne(Customer, { externalId: customerId });
    if (!customer) throw userInputError('customerId', customerId, 'the customer_id of an imported customer');
    const preference = await this.em.upsert(
      LiveAgentPreference,
      { customer, reason: text, source: PreferenceSource.AGENT_NOTE, since: new Date() },
      { onConflictFields: ['customer'], onConflictAction: 'merge' },
    );
    return adviceOf(preference);
  }
}

function adviceOf(preference: LiveAgentPreference | null): RoutingAdvice {
  return {
    skipSelfService: preference !== null,
    reason: preference?.reason ?? null,
    source: preference?.source ?? null,
    since: preference?.since ?? null,
  };
}
