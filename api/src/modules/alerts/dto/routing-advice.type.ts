import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { PreferenceSource } from '../live-agent-preference.entity.js';

@ObjectType({
  description: 'Whether a contact-center system should route a customer past self-service, and why.',
})
export class RoutingAdvice {
  @Field(() => Boolean, {
    description:
      'True when the customer prefers a live agent: route them to a person, skipping IVR menus, bots and FAQ ' +
      'deflection. False when no preference is on record (also for a customer CX Pulse does not know).',
  })
  skipSelfService!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Why, in words: what kind of evidence the preference rests on (an agent's note, or a backfired " +
      "self-service session); null when skipSelfService is false. The agent's own words are in note.",
  })
  reason!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What the agent noted (source AGENT_NOTE), as written. Personal data: null for roles without access to ' +
      'it (only ANALYST and ADMIN have it), and null for automatic preferences.',
  })
  note!: string | null;

  @Field(() => PreferenceSource, {
    nullable: true,
    description: 'Who recorded the preference; null when there is none.',
  })
  source!: PreferenceSource | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Since when the preference holds (UTC); null when there is none.',
  })
  since!: Date | null;
}
