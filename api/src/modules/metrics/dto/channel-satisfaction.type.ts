import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { Channel } from '../../contacts/channel.js';
import type { Measure } from '../measures.js';
import { addMeasureFields } from './measure-fields.js';

/** The measures the channel view shows per channel and period. */
export const CHANNEL_MEASURES = [
  'nps',
  'npsMarginOfError',
  'npsResponses',
  'avgCsat',
  'csatResponses',
  'avgCes',
  'cesResponses',
  'contacts',
  'fcrRate',
  'avgWaitSeconds',
] as const satisfies readonly Measure[];

type ChannelMeasures = Partial<Record<(typeof CHANNEL_MEASURES)[number], number | null>>;

@ObjectType({ description: 'Satisfaction and volume of one channel in one period of the trend.' })
export class ChannelTrendPoint {
  @Field(() => DateTimeScalar, { description: 'Start of the UTC time bucket.' })
  period!: Date;
}

export interface ChannelTrendPoint extends ChannelMeasures {}
addMeasureFields(ChannelTrendPoint, CHANNEL_MEASURES);

@ObjectType({
  description:
    'Satisfaction (NPS, CSAT, CES of the responses about the channel) and volume (contacts in it) of one ' +
    'channel over the whole window, with its trend per period.',
})
export class ChannelSatisfaction {
  @Field(() => Channel, { description: 'The channel.' })
  channel!: Channel;

  @Field(() => [ChannelTrendPoint], {
    description: 'The same measures per period of the grain, oldest first; periods without data are absent.',
  })
  trend!: ChannelTrendPoint[];
}

export interface ChannelSatisfaction extends ChannelMeasures {}
addMeasureFields(ChannelSatisfaction, CHANNEL_MEASURES);
