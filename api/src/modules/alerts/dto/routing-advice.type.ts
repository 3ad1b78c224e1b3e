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

  @Field(() => String, {
    nullable: true,
    description:
      'For a customer who exhausted self-service (an escalated or abandoned session in the last 72 hours) or prefers ' +
      'a live agent: the team to route them to, the one that best resolves contacts after self-service over the last ' +
      '90 days (superAgents by TEAM, at least 30 such contacts). Null otherwise, or when no team qualifies.',
  })
  suggestedTeam!: string | null;

  @Field(() => String, { nullable: true, description: 'Why that team, with its numbers; null without one.' })
  suggestedTeamReason!: string | null;
}
