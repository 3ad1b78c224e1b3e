import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Channel } from '../../contacts/channel.js';
import { Generation } from '../../customers/generation.js';
import type { Measure } from '../measures.js';
import { addMeasureFields } from './measure-fields.js';

export const SEGMENT_CHANNEL_MEASURES = [
  'contacts',
  'nps',
  'npsResponses',
  'avgCsat',
  'csatResponses',
  'avgCes',
  'fcrRate',
] as const satisfies readonly Measure[];

export const SEGMENT_MEASURES = [
  'nps',
  'npsResponses',
  'avgCsat',
  'csatResponses',
  'avgCes',
  'contacts',
  'selfServiceSessions',
  'deflectionRate',
  'backfireRate',
  'churnRate',
] as const satisfies readonly Measure[];

@ObjectType({
  description: "One channel in a generation's mix: its share of the contacts and its satisfaction.",
})
export class SegmentChannel {
  @Field(() => Channel, { description: 'The channel.' })
  channel!: Channel;

  @Field(() => Float, {
    nullable: true,
    description:
      "Percent 0-100 of the generation's contacts made in this channel; null when it has no contacts.",
  })
  contactSharePct!: number | null;
}

export interface SegmentChannel extends Partial<
  Record<(typeof SEGMENT_CHANNEL_MEASURES)[number], number | null>
> {}
addMeasureFields(SegmentChannel, SEGMENT_CHANNEL_MEASURES);

@ObjectType({
  description:
    'How one generation uses service channels and how it feels about them, laid out so that two generations ' +
    '(say Baby Boomers and Millennials) compare side by side.',
})
export class SegmentPreferences {
  @Field(() => Generation, { description: 'The generation.' })
  generation!: Generation;

  @Field(() => Int, {
    description:
      'Customers of the generation with at least one contact or self-service session in the window.',
  })
  interactingCustomers!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Percent 0-100 of interacting customers who used self-service at least once in the window.',
  })
  selfServiceAdoptionPct!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Percent 0-100 of interacting customers who went only to a live agent in the window (contacts, no ' +
      'self-service): the revealed preference for a person.',
  })
  liveAgentPreferencePct!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Percent 0-100 of service interactions (contacts plus sessions) that were self-service sessions.',
  })
  selfServiceSharePct!: number | null;

  @Field(() => [SegmentChannel], {
    description: 'Every channel, in the Channel enum order, with its share of contacts and its satisfaction.',
  })
  channels!: SegmentChannel[];
}

export interface SegmentPreferences extends Partial<
  Record<(typeof SEGMENT_MEASURES)[number], number | null>
> {}
addMeasureFields(SegmentPreferences, SEGMENT_MEASURES);
