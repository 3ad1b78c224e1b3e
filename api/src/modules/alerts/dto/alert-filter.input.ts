import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { Generation } from '../../customers/generation.js';
import { Tier } from '../../customers/tier.js';
import { AlertRule } from '../alert-rule.js';
import { AlertStatus } from '../alert-status.js';

@InputType({
  description: 'Which alerts to return. Unset fields do not filter; every field that is set must match.',
})
export class AlertFilter {
  @Field(() => [AlertStatus], {
    nullable: true,
    description: 'Only alerts in these statuses; an empty list matches none.',
  })
  statuses?: AlertStatus[] | null;

  @Field(() => [AlertRule], {
    nullable: true,
    description: 'Only alerts of these rules; an empty list matches none.',
  })
  rules?: AlertRule[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only overdue alerts (not resolved and past dueAt); false: only alerts that are not overdue.',
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only alerts assigned to this owner (exact match).' })
  owner?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only alerts about this customer (the customer id of the import).',
  })
  customerId?: string | null;

  @Field(() => [Tier], {
    nullable: true,
    description:
      "Only alerts raised for customers of these tiers (the alert's tier, which set its SLA); an empty list matches none.",
  })
  tiers?: Tier[] | null;

  @Field(() => [Generation], {
    nullable: true,
    description: 'Only alerts about customers of these generations; an empty list matches none.',
  })
  generations?: Generation[] | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only alerts whose event (triggeredAt) happened at or after this instant.',
  })
  triggeredFrom?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only alerts whose event (triggeredAt) happened before this instant (exclusive).',
  })
  triggeredTo?: Date | null;
}
