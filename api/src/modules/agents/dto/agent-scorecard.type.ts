import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Channel } from '../../contacts/channel.js';
import { RECOVERY_CHURN_DAYS, RECOVERY_SURVEY_DAYS } from '../../metrics/dto/recovery-effectiveness.type.js';

export enum ScorecardGrouping {
  AGENT = 'agent',
  TEAM = 'team',
}

registerEnumType(ScorecardGrouping, {
  name: 'ScorecardGrouping',
  description: 'Whose scorecards: one per agent, or one per team.',
  valuesConfig: {
    AGENT: { description: 'One per agent_id on the contacts (null: contacts without an agent).' },
    TEAM: {
      description: 'One per team of the agents import (null: agents without a team, or not imported).',
    },
  },
});

/** Below this many rows a rate or score is flagged as resting on too few (the dashboard greys it). */
export const DEFAULT_MIN_SAMPLE = 30;

@ObjectType({ description: 'Contacts of one channel within a scorecard.' })
export class ChannelContacts {
  @Field(() => Channel, { description: 'The channel.' })
  channel!: Channel;

  @Field(() => Int, { description: 'Contacts in that channel.' })
  contacts!: number;
}

@ObjectType({
  description:
    'What one agent or team did with the contacts that started in the window: volume, channels, resolution, ' +
    'repeats, escalations, time, the satisfaction their contacts earned, recoveries and their outcome, and the ' +
    'out-of-policy decisions they made. Rates are percentages 0-100; a value on fewer rows than minSample is ' +
    'flagged (…TooFew) and should be shown greyed.',
})
export class AgentScorecard {
  @Field(() => String, {
    nullable: true,
    description: 'The agent_id (AGENT grouping); null for TEAM or no agent.',
  })
  agentId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The agent's name from the agents import (AGENT grouping). Personal data: null for roles without access to it " +
      '(ANALYST, SUPERVISOR and ADMIN have it), and for agents never imported.',
  })
  agentName!: string | null;

  @Field(() => String, { nullable: true, description: "The agent's team, or the team (null: none known)." })
  team!: string | null;

  @Field(() => Int, {
    description: 'Distinct agents whose contacts count here (1 per agent; 0 for no agent).',
  })
  agents!: number;

  @Field(() => Int, { description: 'Contacts handled.' })
  contacts!: number;

  @Field(() => Boolean, {
    description: 'Whether contacts is below minSample: the contact rates rest on too few.',
  })
  contactsTooFew!: boolean;

  @Field(() => [ChannelContacts], { description: 'Channels handled, most contacts first.' })
  channels!: ChannelContacts[];

  @Field(() => Float, { nullable: true, description: 'First-contact resolution, percent of contacts.' })
  fcrRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Percent of contacts followed by another contact of the same customer within 7 days.',
  })
  repeatContactRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Percent of contacts escalated.' })
  escalationRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean handle seconds, over contacts where known.' })
  avgHandleSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean wait seconds, over contacts where known.' })
  avgWaitSeconds!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'NPS of the nps responses about these contacts (survey contact_id); null without.',
  })
  nps!: number | null;

  @Field(() => Int, { description: 'Number of those nps responses.' })
  npsResponses!: number;

  @Field(() => Boolean, { description: 'Whether npsResponses is below minSample.' })
  npsTooFew!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean csat (1-5) of the csat responses about these contacts (survey contact_id); null without.',
  })
  avgCsat!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean csat of the csat responses about these contacts (the old name of avgCsat).',
    deprecationReason: 'Use avgCsat.',
  })
  csatAvg!: number | null;

  @Field(() => Int, { description: 'Number of those csat responses.' })
  csatResponses!: number;

  @Field(() => Boolean, { description: 'Whether csatResponses is below minSample.' })
  csatTooFew!: boolean;

  @Field(() => Int, { description: 'Recoveries: contacts with an apology or a recompense.' })
  recoveries!: number;

  @Field(() => Int, { description: 'Contacts with an apology.' })
  apologies!: number;

  @Field(() => Float, { description: 'Sum of recompense_value given, in the currency of the import.' })
  recompenseCost!: number;

  @Field(() => Float, { nullable: true, description: 'Percent of the recoveries recorded as resolved.' })
  recoveryResolvedRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Percent of the recoveries whose customer churned within ${RECOVERY_CHURN_DAYS} days after.`,
  })
  recoveryChurnRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      `NPS of the nps responses the recovered customers gave within ${RECOVERY_SURVEY_DAYS} days after each ` +
      'recovery (the rule of recoveryEffectiveness); null without.',
  })
  recoveryNpsAfter!: number | null;

  @Field(() => Int, { description: 'Number of those nps responses.' })
  recoveryNpsResponsesAfter!: number;

  @Field(() => Int, { description: 'Out-of-policy decisions: contacts with out_of_policy true.' })
  outOfPolicy!: number;

  @Field(() => Int, { description: 'Of those, the ones a peer approved (peer_approved true).' })
  peerApproved!: number;
}
