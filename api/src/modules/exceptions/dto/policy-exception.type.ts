import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { ActorKind } from '../../alerts/alert-action.js';
import { Channel } from '../../contacts/channel.js';
import { RECOVERY_CHURN_DAYS } from '../../metrics/dto/recovery-effectiveness.type.js';
import { SurveyType } from '../../surveys/survey-type.js';
import { ReviewStatus } from '../review-outcome.js';

/**
 * Days after the contact in which the customer's churn counts as what happened next: the recoveries' horizon,
 * as the agent views' rollup (rollup_agent_days) stores one churn count for them all.
 */
export const EXCEPTION_CHURN_DAYS = RECOVERY_CHURN_DAYS;

@ObjectType({ description: 'The review of an exception: verdict, note and who gave them when.' })
export class ExceptionReviewRecord {
  @Field(() => ReviewStatus, { description: 'UPHELD or CORRECTED.' })
  status!: ReviewStatus;

  @Field(() => String, {
    nullable: true,
    description:
      "The reviewer's note. It may quote the customer: null for roles without access to it (ANALYST, SUPERVISOR " +
      'and ADMIN have it).',
  })
  note!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was reviewed (UTC).' })
  reviewedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Who reviewed it: the name of the user or API key. A person, named like the agents: null for roles ' +
      'without access to it (ANALYST, SUPERVISOR and ADMIN have it).',
  })
  reviewerName!: string | null;

  @Field(() => ActorKind, { description: 'What kind of actor reviewed it.' })
  reviewerKind!: ActorKind;
}

@ObjectType({
  description:
    'An out-of-policy decision as a reviewable exception: who decided, whether and which peer approved, the ' +
    'recompense, what happened next, and the review.',
})
export class PolicyException {
  @Field(() => ID, { description: 'contact_id of the out-of-policy contact.' })
  contactId!: string;

  @Field(() => String, { description: 'customer_id of its customer.' })
  customerId!: string;

  @Field(() => DateTimeScalar, { description: 'When the contact started (UTC).' })
  startedAt!: Date;

  @Field(() => Channel, { description: 'Channel of the contact.' })
  channel!: Channel;

  @Field(() => String, { nullable: true, description: 'Contact reason.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'agent_id of the agent who decided.' })
  agentId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The deciding agent's name. Personal data: null for roles without access to it (ANALYST, SUPERVISOR and " +
      'ADMIN have it).',
  })
  agentName!: string | null;

  @Field(() => String, { nullable: true, description: "The deciding agent's team." })
  team!: string | null;

  @Field(() => Boolean, { description: 'Whether a peer approved the decision (peer_approved true).' })
  peerApproved!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'agent_id of the approving peer (approved_by), when known.',
  })
  approvedBy!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the agent apologised.' })
  apology!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Kind of recompense given.' })
  recompenseType!: string | null;

  @Field(() => Float, { nullable: true, description: 'Value of the recompense.' })
  recompenseValue!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the contact was recorded resolved.' })
  resolved!: boolean | null;

  @Field(() => SurveyType, {
    nullable: true,
    description: "Type of the customer's next survey response after it.",
  })
  nextScoreType!: SurveyType | null;

  @Field(() => Int, { nullable: true, description: "Score of the customer's next survey response after it." })
  nextScore!: number | null;

  @Field(() => Boolean, {
    description: 'Whether the customer contacted again within 7 days (a repeat contact).',
  })
  repeatContact!: boolean;

  @Field(() => Boolean, {
    description: `Whether the customer churned within ${EXCEPTION_CHURN_DAYS} days after the contact.`,
  })
  churnedWithin90Days!: boolean;

  @Field(() => ReviewStatus, { description: 'PENDING, UPHELD or CORRECTED.' })
  reviewStatus!: ReviewStatus;

  @Field(() => ExceptionReviewRecord, { nullable: true, description: 'The review; null while PENDING.' })
  review!: ExceptionReviewRecord | null;
}

@ObjectType({ description: 'What followed the contacts of one group of the exception report.' })
export class ExceptionOutcomes {
  @Field(() => Int, { description: 'Contacts in the group.' })
  contacts!: number;

  @Field(() => Float, { nullable: true, description: 'Percent of them recorded resolved.' })
  resolvedRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Percent of them followed by a repeat contact within 7 days.',
  })
  repeatContactRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Percent of them whose customer churned within ${EXCEPTION_CHURN_DAYS} days after.`,
  })
  churnRate!: number | null;

  @Field(() => Float, { description: 'Sum of recompense_value, in the currency of the import.' })
  recompenseCost!: number;

  @Field(() => Float, { nullable: true, description: 'Mean recompense_value of those with one.' })
  avgRecompense!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean recompense_value of those with one (the old name of avgRecompense).',
    deprecationReason: 'Use avgRecompense.',
  })
  recompenseAvg!: number | null;
}

@ObjectType({
  description:
    'Out-of-policy exceptions over a window: volume, peer-approved share, what reviews concluded, their cost, and ' +
    'their outcomes beside within-policy recoveries (an apology or a recompense without an exception).',
})
export class ExceptionReport {
  @Field(() => Int, { description: 'Out-of-policy contacts started in the window.' })
  exceptions!: number;

  @Field(() => Int, { description: 'Of those, the peer-approved.' })
  peerApproved!: number;

  @Field(() => Float, { nullable: true, description: 'Percent 0-100 of the exceptions peer-approved.' })
  peerApprovedPct!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Percent 0-100 of the exceptions peer-approved (the old name of peerApprovedPct).',
    deprecationReason: 'Use peerApprovedPct.',
  })
  peerApprovedShare!: number | null;

  @Field(() => Int, { description: 'Exceptions reviewed (UPHELD or CORRECTED).' })
  reviewed!: number;

  @Field(() => Int, { description: 'Reviews that upheld the decision.' })
  upheld!: number;

  @Field(() => Int, { description: 'Reviews that corrected it.' })
  corrected!: number;

  @Field(() => Float, { nullable: true, description: 'Percent of the reviewed exceptions upheld.' })
  upheldRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Percent of the reviewed exceptions corrected.' })
  correctedRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Percent of the reviewed peer-approved exceptions corrected: how often two associates got it wrong.',
  })
  peerApprovedCorrectedRate!: number | null;

  @Field(() => ExceptionOutcomes, { description: 'What followed the out-of-policy exceptions.' })
  outOfPolicy!: ExceptionOutcomes;

  @Field(() => ExceptionOutcomes, {
    description: 'What followed the within-policy recoveries (apology or recompense, not out of policy).',
  })
  withinPolicyRecoveries!: ExceptionOutcomes;
}
