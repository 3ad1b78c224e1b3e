import { Field, ID, InputType, type ClassType } from 'type-graphql';
import { Generation } from '../modules/customers/generation.js';
import { Tier } from '../modules/customers/tier.js';
import { DateTimeScalar } from './scalars.js';
import type { FactFilterFields } from '../core/filters.js';

/**
 * Base class of a fact filter input. `timeField` is the GraphQL name of the timestamp the connection is
 * ordered and windowed by (e.g. respondedAt), so that each description says which time it means.
 */
export function FactFilter(timeField: string): ClassType<FactFilterFields> {
  @InputType()
  class FactFilterBase implements FactFilterFields {
    @Field(() => ID, {
      nullable: true,
      description: 'Only rows of this customer (the customer id of the import).',
    })
    customerId?: string | null;

    @Field(() => DateTimeScalar, {
      nullable: true,
      description: `Only rows with ${timeField} at or after this instant (inclusive).`,
    })
    from?: Date | null;

    @Field(() => DateTimeScalar, {
      nullable: true,
      description: `Only rows with ${timeField} before this instant (exclusive), so consecutive windows do not overlap.`,
    })
    to?: Date | null;

    @Field(() => [Generation], {
      nullable: true,
      description:
        "Only rows of customers of these generations (as metric filters: the rows behind a chart's bar).",
    })
    generations?: Generation[] | null;

    @Field(() => [String], { nullable: true, description: 'Only rows of customers of these regions.' })
    regions?: string[] | null;

    @Field(() => [Tier], { nullable: true, description: 'Only rows of customers of these tiers.' })
    tiers?: Tier[] | null;
  }
  return FactFilterBase;
}

export {
  checkWindowOrder,
  definedOnly,
  factConditions,
  oneOf,
  type FactFilterFields,
} from '../core/filters.js';
