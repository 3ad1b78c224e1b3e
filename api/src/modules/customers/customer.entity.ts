import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ImportedRecord } from '../ingest/imported-record.entity.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Generation } from './generation.js';
import { Tier } from './tier.js';

const EMAIL_MATCH_INDEX = 'customers_email_lower_index';
const EMAIL_MATCH_INDEX_DDL = `create index ${EMAIL_MATCH_INDEX} on customers (lower(email))`;

@ObjectType({
  description: 'A customer from the CRM, with the segment attributes every metric can be split by.',
})
@Entity({ tableName: 'customers' })
// Vendor imports (Qualtrics, Zendesk) without a CRM id find the customer by e-mail, whatever its case:
// `lower(email) in (…)` seeks this index rather than scanning every customer.
@Index({ name: EMAIL_MATCH_INDEX, expression: EMAIL_MATCH_INDEX_DDL })
export class Customer extends ImportedRecord {
  @Field(() => String, {
    nullable: true,
    description:
      'Full name. Personal data: null for roles without access to it (only ANALYST and ADMIN have it).',
  })
  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'E-mail address. Personal data: null for roles without access to it (only ANALYST and ADMIN have it).',
  })
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Field(() => Int, {
    nullable: true,
    description: 'Year of birth, four digits; null when the CRM did not say (generation unknown).',
  })
  @Property({ type: 'integer', nullable: true })
  birthYear: number | null = null;

  @Field(() => Generation, {
    nullable: true,
    description:
      'Generation derived from birthYear; null (unknown) without a birth year. Such customers form their own ' +
      'group, generation null, in a GENERATION split, and are counted in no named generation.',
  })
  @Index()
  @Enum({ items: () => Generation, type: 'text', nullable: true })
  generation: Generation | null = null;

  @Field(() => String, { nullable: true, description: 'Sales or geographic region, free text as imported.' })
  @Index()
  @Property({ type: 'text', nullable: true })
  region: string | null = null;

  @Field(() => Tier, { nullable: true, description: 'Service tier; null when the CRM did not say.' })
  @Enum({ items: () => Tier, type: 'text', nullable: true })
  tier: Tier | null = null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lifetime value in the currency of the import (revenue expected from the customer).',
  })
  @Property({ type: 'double', nullable: true })
  lifetimeValue: number | null = null;

  @Field(() => DateTimeScalar, { description: 'When the customer signed up (UTC).' })
  @Property({ type: 'datetime' })
  signupDate!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the customer left (UTC); null while active.',
  })
  @Index()
  @Property({ type: 'datetime', nullable: true })
  churnedAt: Date | null = null;
}
