import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ActorKind } from '../alerts/alert-action.js';
import { Contact } from '../contacts/contact.entity.js';
import { ReviewStatus } from './review-outcome.js';

/**
 * The review of one out-of-policy contact, and its audit record: who reviewed it, when, the verdict and
 * the note. At most one per contact (the unique key is what makes two concurrent reviews fail cleanly).
 */
@Entity({ tableName: 'exception_reviews' })
@Unique({ properties: ['contact'] })
@Index({ properties: ['reviewedAt'] })
export class ExceptionReview {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Contact, { deleteRule: 'cascade' })
  contact!: Contact;

  @Enum({ items: () => ReviewStatus, type: 'text' })
  status!: ReviewStatus;

  @Property({ type: 'text' })
  note!: string;

  @Property({ type: 'datetime' })
  reviewedAt!: Date;

  @Property({ type: 'text' })
  reviewerName!: string;

  @Enum({ items: () => ActorKind, type: 'text' })
  reviewerKind!: ActorKind;
}
