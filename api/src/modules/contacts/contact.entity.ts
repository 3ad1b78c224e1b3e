import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ImportedRecord } from '../ingest/imported-record.entity.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Customer } from '../customers/customer.entity.js';
import { Channel } from './channel.js';

@ObjectType({
  description: 'One assisted contact-center interaction (call, chat, e-mail, social, video, in person).',
})
@Entity({ tableName: 'contacts' })
@Index({ properties: ['customer', 'startedAt'] })
@Index({ properties: ['startedAt', 'channel'] })
@Index({ properties: ['agentId', 'startedAt'] })
export class Contact extends ImportedRecord {
  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Customer;

  @Field(() => Channel, { description: 'Channel of the interaction.' })
  @Enum({ items: () => Channel, type: 'text' })
  channel!: Channel;

  @Field(() => String, { nullable: true, description: 'Contact reason as coded by the agent or the system.' })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => String, { nullable: true, description: 'Queue or skill group that handled it.' })
  @Property({ type: 'text', nullable: true })
  queue: string | null = null;

  @Field(() => String, { nullable: true, description: 'Identifier of the agent who handled it.' })
  @Property({ type: 'text', nullable: true })
  agentId: string | null = null;

  @Field(() => DateTimeScalar, { description: 'When the contact started (UTC).' })
  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Seconds the customer waited before an agent answered.' })
  @Property({ type: 'integer', nullable: true })
  waitSeconds: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Seconds an agent spent on it (talk, hold and wrap-up).' })
  @Property({ type: 'integer', nullable: true })
  handleSeconds: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Number of transfers between agents or queues.' })
  @Property({ type: 'integer', nullable: true })
  transfers: number | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the issue was resolved.' })
  @Property({ type: 'boolean', nullable: true })
  resolved: boolean | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it was resolved in this first contact.' })
  @Property({ type: 'boolean', nullable: true })
  firstContactResolution: boolean | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether it was escalated to a supervisor or tier 2.',
  })
  @Property({ type: 'boolean', nullable: true })
  escalated: boolean | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'session_id of the self-service session this contact escalated from, if any.',
  })
  @Index()
  @Property({ type: 'text', nullable: true })
  selfServiceSessionId: string | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the resolution was an exception to policy.' })
  @Property({ type: 'boolean', nullable: true })
  outOfPolicy: boolean | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether a peer or supervisor approved the exception.',
  })
  @Property({ type: 'boolean', nullable: true })
  peerApproved: boolean | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'agent_id of the peer who approved the exception, when one did (need not be an imported agent).',
  })
  @Property({ type: 'text', nullable: true })
  approvedBy: string | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the agent apologised.' })
  @Property({ type: 'boolean', nullable: true })
  apology: boolean | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Kind of recompense given (e.g. refund, credit, gift), free text as imported.',
  })
  @Property({ type: 'text', nullable: true })
  recompenseType: string | null = null;

  @Field(() => Float, {
    nullable: true,
    description: 'Value of the recompense in the currency of the import.',
  })
  @Property({ type: 'double', nullable: true })
  recompenseValue: number | null = null;

  /** Followed by another contact of the same customer within 7 days: kept by imports (sequence-flags.ts). */
  @Property({ type: 'boolean', default: false })
  repeated: boolean = false;
}
