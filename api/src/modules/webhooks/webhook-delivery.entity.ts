import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { AlertEvent } from '../alerts/alert-event.entity.js';
import { WebhookDeliveryStatus } from './webhook-delivery-status.js';

/**
 * The delivery log and its queue: one row per endpoint and alert event, written by the dispatcher for
 * every event an endpoint wants, then claimed, attempted and retried until delivered or given up.
 */
@ObjectType({
  description:
    "The delivery of one alert event (an entry of an alert's history) to one webhook endpoint: its attempts, " +
    'outcome and timings.',
})
@Entity({ tableName: 'webhook_deliveries' })
@Unique({ properties: ['endpoint', 'event'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Identifier of the delivery, for redeliverWebhook.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'Name of the endpoint (CX_WEBHOOKS) it is sent to.' })
  @Property({ type: 'text' })
  endpoint!: string;

  @ManyToOne(() => AlertEvent, { deleteRule: 'cascade' })
  event!: AlertEvent;

  @Field(() => WebhookDeliveryStatus, { description: 'Pending, delivered or given up.' })
  @Enum({ items: () => WebhookDeliveryStatus, type: 'text' })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'POSTs made so far (since the last redelivery).' })
  @Property({ type: 'integer' })
  attempts = 0;

  @Field(() => DateTimeScalar, {
    description: 'When the next attempt is due (UTC); meaningful while PENDING.',
  })
  @Property({ type: 'datetime' })
  nextAttemptAt!: Date;

  /** Until when a dispatcher holds the delivery; another may take it over after (a crashed process). */
  @Property({ type: 'datetime', nullable: true })
  claimedUntil: Date | null = null;

  /** The claim holding the lease: only its holder records the attempt's outcome. */
  @Property({ type: 'text', nullable: true })
  claimedBy: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the last attempt was made (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt: Date | null = null;

  @Field(() => Int, {
    nullable: true,
    description: 'HTTP status of the last answer; null before the first attempt or when none came.',
  })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed (status, timeout, network error), in one short line.',
  })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the endpoint accepted it (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;

  @Field(() => DateTimeScalar, { description: 'When the delivery was queued (UTC).' })
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
