import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SelfServiceEntry } from '../../selfservice/entry.js';
import type { Measure } from '../measures.js';
import { addMeasureFields } from './measure-fields.js';

export const FUNNEL_MEASURES = [
  'deflectionRate',
  'trueDeflectionRate',
  'selfServiceEscalationRate',
  'backfireRate',
] as const satisfies readonly Measure[];

/** The funnel's stage counts, by the aggregate each is read from. */
export const FUNNEL_STAGES = {
  sessions: 'Self-service sessions started.',
  engagedSessions: 'Sessions with 2 or more steps (the customer engaged rather than bounced).',
  resolvedSessions: 'Sessions that ended resolved (contained).',
  trulyDeflectedSessions: 'Resolved sessions not followed by a contact of the same customer within 72 hours.',
  abandonedSessions: 'Sessions the customer gave up on.',
  escalatedSessions: 'Sessions that ended escalated to an agent.',
  escalationResolvedSessions:
    'Escalated sessions whose escalation contact (escalated_contact_id, or a contact naming the session) was resolved.',
  backfiredSessions:
    'Escalated sessions followed within 7 days by a detractor nps (0-6) or a csat of 1-2 from the same customer.',
} as const;

export type FunnelStage = keyof typeof FUNNEL_STAGES;

@ObjectType({
  description:
    'The self-service funnel of one entry point (or of all): sessions → engaged → resolved / abandoned / ' +
    'escalated → escalation resolved, with the satisfaction that followed escalation.',
})
export class DeflectionFunnel {
  @Field(() => SelfServiceEntry, {
    nullable: true,
    description: 'The entry point; null for all entry points together.',
  })
  entry!: SelfServiceEntry | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'NPS (-100 to 100) of the nps responses given within 7 days after an escalated session of this funnel, ' +
      'by the same customer; null without such responses.',
  })
  npsAfterEscalation!: number | null;

  @Field(() => Int, { description: 'Number of those nps responses.' })
  npsResponsesAfterEscalation!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean csat (1-5) of the csat responses given within 7 days after an escalated session; null without.',
  })
  csatAfterEscalation!: number | null;

  @Field(() => Int, { description: 'Number of those csat responses.' })
  csatResponsesAfterEscalation!: number;
}

export interface DeflectionFunnel
  extends Record<FunnelStage, number>, Partial<Record<(typeof FUNNEL_MEASURES)[number], number | null>> {}

for (const [stage, description] of Object.entries(FUNNEL_STAGES)) {
  Field(() => Int, { description })(DeflectionFunnel.prototype, stage);
}
addMeasureFields(DeflectionFunnel, FUNNEL_MEASURES);
