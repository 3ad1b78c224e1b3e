import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ImportedRecord } from '../ingest/imported-record.entity.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Channel } from '../contacts/channel.js';
import { Customer } from '../customers/customer.entity.js';
import { SurveyType } from './survey-type.js';

@ObjectType({ description: 'One answer to a voice-of-customer survey question (NPS, CSAT or CES).' })
@Entity({ tableName: 'survey_responses' })
@Index({ properties: ['customer', 'respondedAt'] })
@Index({ properties: ['respondedAt', 'type'] })
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
}
