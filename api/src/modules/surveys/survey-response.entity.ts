import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ImportedRecord } from '../ingest/imported-record.entity.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Channel } from '../contacts/channel.js';
import { Customer } from '../customers/customer.entity.js';
import { SurveyType } from './survey-type.js';
import { isDetractor } from '../../core/conditions.js';

/**
 * The detractor comments (what recurringCauses reads), newest last: a partial index, so that counting a
 * window's comments reads the index alone and the newest are read backwards from it, not sorted from the
 * whole table. The predicate is the one the query repeats word for word (SQLite uses a partial index
 * only then).
 */
export const DETRACTOR_COMMENT = `${isDetractor('')} and comment is not null and comment <> ''`;
const DETRACTOR_COMMENTS_INDEX = 'survey_responses_detractor_comments_index';
const DETRACTOR_COMMENTS_INDEX_DDL = `create index ${DETRACTOR_COMMENTS_INDEX} on survey_responses (responded_at, id) where ${DETRACTOR_COMMENT}`;

@ObjectType({ description: 'One answer to a voice-of-customer survey question (NPS, CSAT or CES).' })
@Entity({ tableName: 'survey_responses' })
@Index({ properties: ['customer', 'respondedAt'] })
@Index({ properties: ['respondedAt', 'type'] })
@Index({ name: DETRACTOR_COMMENTS_INDEX, expression: DETRACTOR_COMMENTS_INDEX_DDL })
export class SurveyResponse extends ImportedRecord {
  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Customer;

  @Field(() => SurveyType, { description: 'Kind of question; fixes the score range.' })
  @Enum({ items: () => SurveyType, type: 'text' })
  type!: SurveyType;

  @Field(() => Int, { description: 'Score: NPS 0-10, CSAT 1-5, CES 1-7.' })
  @Property({ type: 'integer' })
  score!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Free-text comment. Personal data: null for roles without access to it (only ANALYST and ADMIN have it).',
  })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Field(() => Channel, { nullable: true, description: 'Channel the response is about, when known.' })
  @Enum({ items: () => Channel, type: 'text', nullable: true })
  channel: Channel | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Journey touchpoint surveyed (e.g. onboarding, billing).',
  })
  @Property({ type: 'text', nullable: true })
  touchpoint: string | null = null;

  @Field(() => DateTimeScalar, { description: 'When the customer answered (UTC).' })
  @Property({ type: 'datetime' })
  respondedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'contact_id of the contact the response is about (a contact of the same customer), when known: the ' +
      "response then counts for that contact's agent, team and queue.",
  })
  @Index()
  @Property({ type: 'text', nullable: true })
  contactId: string | null = null;
}
