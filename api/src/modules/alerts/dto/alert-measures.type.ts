import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { Tier } from '../../customers/tier.js';
import { AlertRule } from '../alert-rule.js';

export enum AlertDimension {
  RULE = 'rule',
  TIER = 'tier',
}

registerEnumType(AlertDimension, {
  name: 'AlertDimension',
  description: 'What alert measures can be split by (besides the time grain).',
  valuesConfig: {
    RULE: { description: 'The rule that raised the alert.' },
    TIER: { description: "The customer's tier when the alert was raised." },
  },
});

@InputType({ description: 'Which alerts the measures cover, by when they were raised (openedAt).' })
export class AlertWindow {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only alerts opened at or after this instant.',
  })
  from?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only alerts opened before this instant (exclusive), so consecutive windows do not overlap.',
  })
  to?: Date | null;
}

@ObjectType({
  description:
    'How fast the loop closes for one group of alerts (grouped by when they were opened, and by rule and tier ' +
    'when asked). Hours at full precision; a measure without alerts to measure is null.',
})
export class AlertMeasureRow {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Start of the period (UTC); null without a grain.',
  })
  period!: Date | null;

  @Field(() => AlertRule, { nullable: true, description: 'The rule; null unless split by RULE.' })
  rule!: AlertRule | null;

  @Field(() => Tier, { nullable: true, description: 'The tier; null unless split by TIER.' })
  tier!: Tier | null;

  @Field(() => Int, { description: 'Alerts opened in the group.' })
  alerts!: number;

  @Field(() => Int, { description: 'Of those, alerts acknowledged so far.' })
  acknowledged!: number;

  @Field(() => Int, { description: 'Of those, alerts resolved so far.' })
  resolved!: number;

  @Field(() => Int, { description: 'Of the resolved alerts, those resolved by their dueAt.' })
  resolvedWithinSla!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean hours from openedAt to acknowledgedAt, over acknowledged alerts.',
  })
  avgHoursToAcknowledge!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean hours from openedAt to acknowledgedAt (the old name of avgHoursToAcknowledge).',
    deprecationReason: 'Use avgHoursToAcknowledge.',
  })
  meanHoursToAcknowledge!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median hours from openedAt to acknowledgedAt (the mean of the middle two for an even count).',
  })
  medianHoursToAcknowledge!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean hours from openedAt to resolvedAt, over resolved alerts.',
  })
  avgHoursToResolve!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean hours from openedAt to resolvedAt (the old name of avgHoursToResolve).',
    deprecationReason: 'Use avgHoursToResolve.',
  })
  meanHoursToResolve!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median hours from openedAt to resolvedAt.' })
  medianHoursToResolve!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share closed within SLA: 100 x resolvedWithinSla / resolved (0-100); null when none is resolved.',
  })
  resolvedWithinSlaRate!: number | null;
}
