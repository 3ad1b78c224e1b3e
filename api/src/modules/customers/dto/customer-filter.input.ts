import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { Generation } from '../generation.js';
import { Tier } from '../tier.js';

@InputType({
  description: 'Which customers to return. Unset fields do not filter; every field that is set must match.',
})
export class CustomerFilter {
  @Field(() => [Generation], {
    nullable: true,
    description: 'Only customers of these generations; an empty list matches none.',
  })
  generations?: Generation[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only customers in these regions (exact, case-sensitive match as imported); an empty list matches none.',
  })
  regions?: string[] | null;

  @Field(() => [Tier], {
    nullable: true,
    description:
      'Only customers of these tiers (customers without a tier never match); an empty list matches none.',
  })
  tiers?: Tier[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only customers who left (churnedAt set); false: only active customers.',
  })
  churned?: boolean | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Only customers who left at or after this instant (churnedAt), inclusive: with churnedTo, the customers ' +
      'a churn rate counts as churned in its window.',
  })
  churnedFrom?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only customers who left before this instant (churnedAt), exclusive.',
  })
  churnedTo?: Date | null;
}
