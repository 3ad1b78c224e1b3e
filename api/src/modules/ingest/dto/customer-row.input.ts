import { Field, Float, InputType, Int } from 'type-graphql';
import { Tier } from '../../customers/tier.js';
import { ID_INPUT, TIMESTAMP_INPUT } from './input-descriptions.js';

@InputType({ description: 'One customer, as a row of the customers import (columns in camelCase).' })
export class CustomerRowInput {
  @Field(() => String, { description: `Id of the customer in the CRM (${ID_INPUT}); the key of the upsert.` })
  customerId!: string;

  @Field(() => String, { nullable: true, description: 'Full name. Personal data.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address. Personal data.' })
  email?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Year of birth, from 1900 to the current year; sets the generation. Null or absent: generation unknown.',
  })
  birthYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Sales or geographic region, free text.' })
  region?: string | null;

  @Field(() => Tier, { nullable: true, description: 'Service tier; null when the CRM does not say.' })
  tier?: Tier | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Lifetime value, 0 or more, in the currency of the data (revenue expected from the customer).',
  })
  lifetimeValue?: number | null;

  @Field(() => String, { description: `When the customer signed up. ${TIMESTAMP_INPUT}` })
  signupDate!: string;

  @Field(() => String, {
    nullable: true,
    description: `When the customer left, not before signupDate; null while active. ${TIMESTAMP_INPUT}`,
  })
  churnedAt?: string | null;
}
