import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RECOVERY_CHURN_DAYS } from '../../metrics/dto/recovery-effectiveness.type.js';

/** Hours after an escalated or abandoned self-service session in which a contact counts as coming from it. */
export const AFTER_SELF_SERVICE_HOURS = 72;
/**
 * Days after a contact in which the customer's churn counts against it: the recoveries' horizon, as the agent
 * views' rollup (rollup_agent_days) stores one churn count for the three of them.
 */
export const CHURN_AFTER_DAYS = RECOVERY_CHURN_DAYS;

export enum SuperAgentVerdict {
  SUPER_AGENT = 'super_agent',
  TYPICAL = 'typical',
  NEEDS_COACHING = 'needs_coaching',
  TOO_FEW = 'too_few',
}

registerEnumType(SuperAgentVerdict, {
  name: 'SuperAgentVerdict',
  description:
    "How an agent's resolution of the contacts after self-service compares with everyone's, by the 95% interval.",
  valuesConfig: {
    SUPER_AGENT: { description: "The whole interval is above everyone's resolution rate." },
    TYPICAL: { description: "The interval holds everyone's resolution rate: no evidence either way." },
    NEEDS_COACHING: { description: "The whole interval is below everyone's resolution rate." },
    TOO_FEW: { description: 'Fewer contacts after self-service than minSample: not ranked.' },
  },
});

@ObjectType({
  description:
    'How one agent (or team) did on the contacts that arrived after self-service: a contact with ' +
    `self_service_session_id set, or one within ${AFTER_SELF_SERVICE_HOURS} hours after an escalated or abandoned ` +
    'self-service session of the same customer.',
})
export class SuperAgentRow {
  @Field(() => String, { nullable: true, description: 'The agent_id (null for a team row or no agent).' })
  agentId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The agent's name. Personal data: null for roles without access to it (ANALYST, SUPERVISOR and ADMIN have it).",
  })
  agentName!: string | null;

  @Field(() => String, { nullable: true, description: "The agent's team (null: none known)." })
  team!: string | null;

  @Field(() => Int, { description: 'Contacts after self-service handled.' })
  contacts!: number;

  @Field(() => Int, { description: 'Of those, the ones recorded resolved.' })
  resolved!: number;

  @Field(() => Float, { nullable: true, description: 'Percent of them resolved, 0-100.' })
  resolutionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lower end of the 95% Wilson interval of resolutionRate: the score agents are ranked by.',
  })
  resolutionLow!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper end of the 95% Wilson interval of resolutionRate.',
  })
  resolutionHigh!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank by resolutionLow, highest first (1 = best); null when too few contacts to rank.',
  })
  rank!: number | null;

  @Field(() => SuperAgentVerdict, { description: "The interval against everyone's resolution rate." })
  verdict!: SuperAgentVerdict;

  @Field(() => Float, {
    nullable: true,
    description: 'NPS of the responses about these contacts (contact_id).',
  })
  npsAfter!: number | null;

  @Field(() => Int, { description: 'Number of those nps responses.' })
  npsResponsesAfter!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean csat (1-5) of the responses about these contacts.',
  })
  csatAfter!: number | null;

  @Field(() => Int, { description: 'Number of those csat responses.' })
  csatResponsesAfter!: number;

  @Field(() => Float, {
    nullable: true,
    description: `Percent of these contacts whose customer churned within ${CHURN_AFTER_DAYS} days after.`,
  })
  churnRateAfter!: number | null;
}

@ObjectType({
  description:
    'Super agents, measured: every agent (or team) on the hard contacts, those after self-service, ranked by the ' +
    'lower end of the 95% Wilson interval of their resolution rate, so that 9 of 10 does not outrank 85 of 100.',
})
export class SuperAgentRanking {
  @Field(() => Int, { description: 'All contacts after self-service in the window.' })
  contacts!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Resolution rate of all of them, percent: the line the verdicts compare with.',
  })
  resolutionRate!: number | null;

  @Field(() => Int, { description: 'Contacts below which an agent is not ranked (minSample).' })
  minSample!: number;

  @Field(() => [SuperAgentRow], {
    description: 'Ranked rows first (rank 1 first), then the unranked by contacts, most first.',
  })
  rows!: SuperAgentRow[];
}
