import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { Channel } from '../../contacts/channel.js';
import { Generation } from '../../customers/generation.js';
import { Tier } from '../../customers/tier.js';
import { SelfServiceEntry } from '../../selfservice/entry.js';

const LIST_RULE = 'Omitted or null: any value; an empty list matches nothing.';

@InputType({
  description:
    'Which rows measures are computed over. Each list restricts the dimension of the same name, so it only ' +
    'applies to measures that accept that dimension; `from` and `to` apply to every measure, on its own time.',
})
export class MetricFilter {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Start of the window, inclusive, applied to each measure on its own time (respondedAt, startedAt, churnedAt).',
  })
  from?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'End of the window, exclusive, so consecutive windows neither overlap nor leave gaps.',
  })
  to?: Date | null;

  @Field(() => [Channel], {
    nullable: true,
    description: `Only these channels (dimension CHANNEL). ${LIST_RULE}`,
  })
  channels?: Channel[] | null;

  @Field(() => [Generation], {
    nullable: true,
    description: `Only customers of these generations (dimension GENERATION). ${LIST_RULE}`,
  })
  generations?: Generation[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only customers of these regions, exact match (dimension REGION). ${LIST_RULE}`,
  })
  regions?: string[] | null;

  @Field(() => [Tier], {
    nullable: true,
    description: `Only customers of these tiers (dimension TIER). ${LIST_RULE}`,
  })
  tiers?: Tier[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only contacts with these reasons, exact match (dimension REASON). ${LIST_RULE}`,
  })
  reasons?: string[] | null;

  @Field(() => [SelfServiceEntry], {
    nullable: true,
    description: `Only self-service sessions from these entry points (dimension ENTRY). ${LIST_RULE}`,
  })
  entries?: SelfServiceEntry[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only contacts handled by these agent ids, and responses about them, exact match (dimension AGENT). ${LIST_RULE}`,
  })
  agents?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only contacts handled by agents of these teams, and responses about them, exact match (dimension TEAM). ${LIST_RULE}`,
  })
  teams?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only contacts of these queues, and responses about them, exact match (dimension QUEUE). ${LIST_RULE}`,
  })
  queues?: string[] | null;
}
