import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { Channel } from '../../contacts/channel.js';
import { Generation } from '../../customers/generation.js';
import { Tier } from '../../customers/tier.js';
import { SelfServiceEntry } from '../../selfservice/entry.js';
import { MEASURE_NAMES, type Measure } from '../measures.js';
import { addMeasureFields } from './measure-fields.js';

const DIMENSION_FIELD = 'Null when the dimension was not requested, or for rows without a value for it.';

@ObjectType({
  description:
    'Measures of one group: one period (when a grain is given) and one combination of the requested ' +
    'dimensions. Measures with no underlying rows in the group are null, not 0. Rates are percentages 0-100 ' +
    'at full precision; round for display only.',
})
export class MetricRow {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Start of the UTC time bucket (a Monday for WEEK); null without a grain.',
  })
  period!: Date | null;

  @Field(() => Channel, { nullable: true, description: `Channel (dimension CHANNEL). ${DIMENSION_FIELD}` })
  channel?: Channel | null;

  @Field(() => Generation, {
    nullable: true,
    description: `Generation (dimension GENERATION). ${DIMENSION_FIELD}`,
  })
  generation?: Generation | null;

  @Field(() => String, { nullable: true, description: `Region (dimension REGION). ${DIMENSION_FIELD}` })
  region?: string | null;

  @Field(() => Tier, { nullable: true, description: `Tier (dimension TIER). ${DIMENSION_FIELD}` })
  tier?: Tier | null;

  @Field(() => String, {
    nullable: true,
    description: `Contact reason (dimension REASON). ${DIMENSION_FIELD}`,
  })
  reason?: string | null;

  @Field(() => SelfServiceEntry, {
    nullable: true,
    description: `Self-service entry point (dimension ENTRY). ${DIMENSION_FIELD}`,
  })
  entry?: SelfServiceEntry | null;

  @Field(() => String, { nullable: true, description: `Agent id (dimension AGENT). ${DIMENSION_FIELD}` })
  agent?: string | null;

  @Field(() => String, { nullable: true, description: `Agent team (dimension TEAM). ${DIMENSION_FIELD}` })
  team?: string | null;

  @Field(() => String, { nullable: true, description: `Queue (dimension QUEUE). ${DIMENSION_FIELD}` })
  queue?: string | null;
}

export interface MetricRow extends Partial<Record<Measure, number | null>> {}

addMeasureFields(MetricRow, MEASURE_NAMES);
