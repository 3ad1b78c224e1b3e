import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ImportedRecord } from '../ingest/imported-record.entity.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Customer } from '../customers/customer.entity.js';
import { SelfServiceEntry, SelfServiceOutcome } from './entry.js';

@ObjectType({ description: 'One self-service attempt (FAQ, knowledge base, chatbot, IVR, community).' })
@Entity({ tableName: 'self_service_sessions' })
@Index({ properties: ['customer', 'startedAt'] })
@Index({ properties: ['startedAt', 'entry'] })
export class SelfServiceSession extends ImportedRecord {
  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Customer;

  @Field(() => SelfServiceEntry, { description: 'Where the session started.' })
  @Enum({ items: () => SelfServiceEntry, type: 'text' })
  entry!: SelfServiceEntry;

  @Field(() => DateTimeScalar, { description: 'When the session started (UTC).' })
  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Steps taken: pages viewed, bot turns or menu choices.' })
  @Property({ type: 'integer', nullable: true })
  steps: number | null = null;

  @Field(() => SelfServiceOutcome, { description: 'How the session ended.' })
  @Enum({ items: () => SelfServiceOutcome, type: 'text' })
  outcome!: SelfServiceOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'contact_id of the assisted contact this session escalated to, if any.',
  })
  @Property({ type: 'text', nullable: true })
  escalatedContactId: string | null = null;

  // Sequence flags: they depend on the customer's other facts and are kept by imports (sequence-flags.ts).
  /** Resolved and not followed by a contact of the same customer within 72 hours. */
  @Property({ type: 'boolean', default: false })
  trulyDeflected: boolean = false;

  /** Escalated, and the contact it escalated to (either side naming the other) was resolved. */
  @Property({ type: 'boolean', default: false })
  escalationResolved: boolean = false;

  /** Escalated, and followed within 7 days by a detractor nps or a csat of 1-2 of the same customer. */
  @Property({ type: 'boolean', default: false })
  backfired: boolean = false;
}
