import { Entity, Enum, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Customer } from '../customers/customer.entity.js';

export enum PreferenceSource {
  AGENT_NOTE = 'agent_note',
  AUTOMATIC = 'automatic',
}

registerEnumType(PreferenceSource, {
  name: 'PreferenceSource',
  description: 'How a customer came to be marked as preferring a live agent.',
  valuesConfig: {
    AGENT_NOTE: { description: 'An agent (or the contact-center system) recorded it.' },
    AUTOMATIC: {
      description:
        'Set by an import: an escalated self-service session was followed within 7 days by a detractor NPS or a CSAT of 1-2.',
    },
  },
});

/**
 * A customer who should be routed to a person rather than through self-service. Kept apart from the
 * customers table so that a CRM re-import never clears it.
 */
@ObjectType({
  description: 'A customer marked as preferring a live agent: contact centers route them past self-service.',
})
@Entity({ tableName: 'live_agent_preferences' })
export class LiveAgentPreference {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @OneToOne(() => Customer, { owner: true, deleteRule: 'cascade', unique: true })
  customer!: Customer;

  @Field(() => String, { description: "Why, in words: the agent's note or the backfire that set it." })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => PreferenceSource, { description: 'Who recorded it.' })
  @Enum({ items: () => PreferenceSource, type: 'text' })
  source!: PreferenceSource;

  /** When the preference started: the agent's note, or the low score that completed the backfire. */
  @Field(() => DateTimeScalar, { description: 'Since when the preference holds (UTC).' })
  @Property({ type: 'datetime' })
  since!: Date;
}
