import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { TimeGrain } from '../time-grain.js';
import type { MetricFilter } from './metric-filter.input.js';

/** Days after a recovery contact in which survey answers count as its outcome. */
export const RECOVERY_SURVEY_DAYS = 14;
/** Days after a recovery contact in which the customer's churn counts against it. */
export const RECOVERY_CHURN_DAYS = 90;

export enum RecoveryGroup {
  APOLOGY = 'apology',
  PERKS_ONLY = 'perks_only',
  NEITHER = 'neither',
  WITHIN_POLICY = 'within_policy',
  OUT_OF_POLICY_PEER_APPROVED = 'peer_approved',
  OUT_OF_POLICY_NOT_APPROVED = 'not_approved',
}

registerEnumType(RecoveryGroup, {
  name: 'RecoveryGroup',
  description: 'How a complaint was handled: the recovery given, or whether the resolution bent policy.',
  valuesConfig: {
    APOLOGY: { description: 'The agent apologised (with or without a recompense).' },
    PERKS_ONLY: { description: 'A recompense (refund, credit, gift…) without an apology.' },
    NEITHER: { description: 'Recovery recorded, but neither an apology nor a recompense.' },
    WITHIN_POLICY: { description: 'Resolved within policy (out_of_policy not true).' },
    OUT_OF_POLICY_PEER_APPROVED: {
      description: 'An exception to policy that a peer or supervisor approved.',
    },
    OUT_OF_POLICY_NOT_APPROVED: { description: 'An exception to policy without a peer approval.' },
  },
});

@ObjectType({
  description:
    'What followed the contacts of one recovery group: resolution, the satisfaction the customers gave within ' +
    `${RECOVERY_SURVEY_DAYS} days, churn within ${RECOVERY_CHURN_DAYS} days, and what the recompense cost.`,
})
export class RecoveryOutcome {
  @Field(() => RecoveryGroup, { description: 'The group.' })
  group!: RecoveryGroup;

  @Field(() => Int, { description: 'Contacts with recovery recorded in the group.' })
  contacts!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Percent 0-100 of them recorded as resolved; null without contacts.',
  })
  resolvedRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      `NPS (-100 to 100) of the nps responses the same customers gave within ${RECOVERY_SURVEY_DAYS} days after ` +
      'each contact (a response after two contacts counts for both); null without responses.',
  })
  npsAfter!: number | null;

  @Field(() => Int, { description: 'Number of those nps responses.' })
  npsResponsesAfter!: number;

  @Field(() => Float, {
    nullable: true,
    description: `Mean csat (1-5) given within ${RECOVERY_SURVEY_DAYS} days after each contact; null without.`,
  })
  csatAfter!: number | null;

  @Field(() => Int, { description: 'Number of those csat responses.' })
  csatResponsesAfter!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      `Percent 0-100 of the contacts whose customer churned within ${RECOVERY_CHURN_DAYS} days after it (contacts ` +
      `of the last ${RECOVERY_CHURN_DAYS} days have not had the full time yet); null without contacts.`,
  })
  churnRateAfter!: number | null;

  @Field(() => Int, { description: 'Contacts with a recompense value.' })
  recompensed!: number;

  @Field(() => Float, {
    description: 'Sum of recompense_value, in the currency of the import: the cost of recovery.',
  })
  recompenseCost!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean recompense_value of the recompensed contacts; null without.',
  })
  avgRecompense!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean recompense_value of the recompensed contacts (the old name of avgRecompense).',
    deprecationReason: 'Use avgRecompense.',
  })
  recompenseAvg!: number | null;
}

@ObjectType({
  description:
    'One period of the recovery trend: the contacts with recovery recorded that started in it, by group, with ' +
    'what followed them (the outcomes of RecoveryEffectiveness, per period).',
})
export class RecoveryTrendPoint {
  @Field(() => DateTimeScalar, {
    description:
      "Start of the period: the bucket's start, or the window's start when the bucket begins before the window.",
  })
  period!: Date;

  @Field(() => DateTimeScalar, {
    description:
      "End of the period, exclusive: the next bucket's start, or the window's end when that is earlier.",
  })
  periodEnd!: Date;

  @Field(() => Boolean, {
    description:
      'True when the window covers only part of the bucket (it starts before the window opens or ends after it ' +
      'closes): its numbers rest on fewer days than a whole period.',
  })
  partial!: boolean;

  @Field(() => [RecoveryOutcome], {
    description: 'APOLOGY, PERKS_ONLY and NEITHER, in that order, each listed even when empty.',
  })
  byRecovery!: RecoveryOutcome[];

  @Field(() => [RecoveryOutcome], {
    description: 'WITHIN_POLICY, OUT_OF_POLICY_PEER_APPROVED and OUT_OF_POLICY_NOT_APPROVED, in that order.',
  })
  byPolicy!: RecoveryOutcome[];
}

@ObjectType({ description: 'The recovery groups over time.' })
export class RecoveryTrend {
  @Field(() => TimeGrain, {
    description:
      'The grain of the periods: the one asked for, or the default that follows the window length.',
  })
  grain!: TimeGrain;

  @Field(() => [RecoveryTrendPoint], {
    description: 'The periods that hold at least one contact with recovery recorded, oldest first.',
  })
  points!: RecoveryTrendPoint[];
}

@ObjectType({
  description:
    'Which recovery works: contacts on which recovery was recorded (apology, recompense or out_of_policy set), ' +
    'by the recovery given and by policy exception, with what followed.',
})
export class RecoveryEffectiveness {
  @Field(() => [RecoveryOutcome], {
    description: 'APOLOGY, PERKS_ONLY and NEITHER, in that order, each listed even when empty.',
  })
  byRecovery!: RecoveryOutcome[];

  @Field(() => [RecoveryOutcome], {
    description: 'WITHIN_POLICY, OUT_OF_POLICY_PEER_APPROVED and OUT_OF_POLICY_NOT_APPROVED, in that order.',
  })
  byPolicy!: RecoveryOutcome[];

  /** The window and segment asked for, for the trend (not a field). */
  filter!: MetricFilter;
}
