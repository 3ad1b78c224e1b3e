import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Customer } from '../customers/customer.entity.js';
import { Tier } from '../customers/tier.js';
import { AlertRule } from './alert-rule.js';
import { AlertStatus } from './alert-status.js';

@ObjectType({
  description:
    'An early warning about one customer, raised by an alert rule when an import wrote the record that ' +
    'tripped it, and worked through a closed loop with an owner, an SLA and an audit trail.',
})
@Entity({ tableName: 'alerts' })
@Unique({ properties: ['rule', 'triggerKey'] })
@Index({ properties: ['status', 'dueAt'] })
@Index({ properties: ['customer', 'openedAt'] })
@Index({ properties: ['openedAt'] })
export class Alert {
  @Field(() => ID, { description: 'Identifier of the alert in CX Pulse.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => AlertRule, { description: 'The rule that raised it.' })
  @Enum({ items: () => AlertRule, type: 'text' })
  rule!: AlertRule;

  /** With the rule, what makes an alert unique: re-importing the same record never raises it twice. */
  @Field(() => String, {
    description:
      'The record that tripped the rule: the response_id (VIP_DETRACTOR), session_id (BACKFIRED_SELF_SERVICE), ' +
      'contact_id (REPEAT_CONTACTS, LONG_WAIT), or customer_id@time of the score refresh (RISK_JUMP).',
  })
  @Property({ type: 'text' })
  triggerKey!: string;

  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Customer;

  @Field(() => Tier, {
    description:
      "The customer's tier when the alert was raised, which set its SLA (no tier counts as STANDARD).",
  })
  @Enum({ items: () => Tier, type: 'text' })
  tier!: Tier;

  @Field(() => AlertStatus, { description: 'Where the alert is in the closed loop.' })
  @Enum({ items: () => AlertStatus, type: 'text' })
  status: AlertStatus = AlertStatus.OPEN;

  @Field(() => Int, {
    description:
      'The number that tripped the rule: the NPS score (VIP_DETRACTOR), the low NPS or CSAT score ' +
      '(BACKFIRED_SELF_SERVICE), the contacts in the window (REPEAT_CONTACTS), the new risk score (RISK_JUMP), ' +
      'the wait in seconds (LONG_WAIT).',
  })
  @Property({ type: 'integer' })
  value!: number;

  @Field(() => DateTimeScalar, {
    description: 'When the tripping event happened: the response, the contact, or the score refresh (UTC).',
  })
  @Property({ type: 'datetime' })
  triggeredAt!: Date;

  @Field(() => DateTimeScalar, {
    description:
      'When CX Pulse raised the alert (UTC): the import that brought the event in. Later than triggeredAt when ' +
      'history is imported after the fact.',
  })
  @Property({ type: 'datetime' })
  openedAt!: Date;

  @Field(() => DateTimeScalar, {
    description:
      'When the alert must be resolved by: triggeredAt plus the SLA hours of its rule and tier. The clock runs ' +
      'from the event, not from the import, so an old event imported late is overdue at once.',
  })
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who is working on it; null until assigned.' })
  @Property({ type: 'text', nullable: true })
  owner: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was acknowledged (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null = null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the customer was contacted back (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  customerContactedAt: Date | null = null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was resolved (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  resolvedAt: Date | null = null;
}
