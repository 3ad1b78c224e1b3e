import { Field, InputType, Int } from 'type-graphql';
import { FactFilter } from '../../../graphql/filters.js';
import { SelfServiceEntry, SelfServiceOutcome } from '../entry.js';

@InputType({
  description:
    'Which self-service sessions to return. Unset fields do not filter; every field that is set must match.',
})
export class SelfServiceSessionFilter extends FactFilter('startedAt') {
  @Field(() => [SelfServiceEntry], {
    nullable: true,
    description: 'Only sessions that started at these entry points; an empty list matches none.',
  })
  entries?: SelfServiceEntry[] | null;

  @Field(() => [SelfServiceOutcome], {
    nullable: true,
    description: 'Only sessions that ended this way; an empty list matches none.',
  })
  outcomes?: SelfServiceOutcome[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Only sessions with at least this many steps (2: the engaged sessions of the funnel).',
  })
  minSteps?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only sessions truly deflected (resolved, and no contact of the same customer within 72 hours); ' +
      'false: only the others.',
  })
  trulyDeflected?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only escalated sessions whose escalation contact was resolved; false: only the others.',
  })
  escalationResolved?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only escalated sessions that backfired (a detractor nps or a csat of 1-2 from the same customer ' +
      'within 7 days); false: only the others.',
  })
  backfired?: boolean | null;
}
