import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ActorKind, AlertAction } from './alert-action.js';
import { Alert } from './alert.entity.js';
import { AlertStatus } from './alert-status.js';

@ObjectType({ description: 'One entry of the audit trail of an alert: who changed what, and when.' })
@Entity({ tableName: 'alert_events' })
@Index({ properties: ['alert', 'at'] })
// The webhook dispatcher queues the recent events every second (webhook-outbox.ts).
@Index({ properties: ['at'] })
export class AlertEvent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Alert, { deleteRule: 'cascade' })
  alert!: Alert;

  @Field(() => DateTimeScalar, { description: 'When the change was made (UTC).' })
  @Property({ type: 'datetime' })
  at!: Date;

  @Field(() => AlertAction, { description: 'What was changed.' })
  @Enum({ items: () => AlertAction, type: 'text' })
  action!: AlertAction;

  @Field(() => AlertStatus, { description: 'Status of the alert after the change.' })
  @Enum({ items: () => AlertStatus, type: 'text' })
  status!: AlertStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The note, or the new owner for ASSIGNED; null otherwise.',
  })
  @Property({ type: 'text', nullable: true })
  text: string | null = null;

  @Field(() => String, { description: 'Name of who made the change (a user, an API key, or "alert rules").' })
  @Property({ type: 'text' })
  actorName!: string;

  @Field(() => ActorKind, { description: 'What kind of actor made the change.' })
  @Enum({ items: () => ActorKind, type: 'text' })
  actorKind!: ActorKind;
}
