import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';

export enum NextStepAction {
  ROUTE_TO_LIVE_AGENT = 'route_to_live_agent',
  CALL_BACK_WITH_APOLOGY = 'call_back_with_apology',
  CALL_BACK = 'call_back',
  CLOSE_THE_LOOP = 'close_the_loop',
  CHECK_IN = 'check_in',
}

registerEnumType(NextStepAction, {
  name: 'NextStepAction',
  description: 'What to do about a customer at risk, first matching rule first.',
  valuesConfig: {
    ROUTE_TO_LIVE_AGENT: {
      description: 'The customer prefers a live agent: route their next contact to one.',
    },
    CALL_BACK_WITH_APOLOGY: {
      description:
        'An open problem, in a generation where apologies kept more complainers than perks alone: call back and apologise.',
    },
    CALL_BACK: {
      description: 'An open problem (a complaint without apology, or a contact left unresolved): call back.',
    },
    CLOSE_THE_LOOP: { description: 'A recent low score: call to ask what went wrong.' },
    CHECK_IN: { description: 'No single recent event: a proactive check-in.' },
  },
});

@ObjectType({
  description: 'A recent bad experience behind a risk score, e.g. "NPS 3 on phone" on 2026-11-20.',
})
export class RiskEvent {
  @Field(() => DateTimeScalar, { description: 'When it happened (UTC).' })
  at!: Date;

  @Field(() => String, {
    description:
      'low_score, complaint, unresolved_contact, long_wait or self_service (abandoned or escalated).',
  })
  kind!: string;

  @Field(() => String, { description: 'The event in words.' })
  label!: string;
}

@ObjectType({ description: 'A suggested next step for a customer at risk, with the data it rests on.' })
export class NextStep {
  @Field(() => NextStepAction, { description: 'The kind of step.' })
  action!: NextStepAction;

  @Field(() => String, { description: 'The step in words.' })
  text!: string;

  @Field(() => String, { description: 'Why: the fact or the segment figure behind it.' })
  reason!: string;
}
