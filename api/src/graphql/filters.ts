import { Field, ID, InputType, type ClassType } from 'type-graphql';
import { Generation } from '../modules/customers/generation.js';
import { Tier } from '../modules/customers/tier.js';
import { DateTimeScalar } from './scalars.js';
import type { TimeProperty } from './paginate.js';
import { userInputError } from './user-input-error.js';

/** Filter fields every fact connection (survey responses, contacts, sessions) shares. */
export interface FactFilterFields {
  customerId?: string | null;
  from?: Date | null;
  to?: Date | null;
  generations?: Generation[] | null;
  regions?: string[] | null;
  tiers?: Tier[] | null;
}

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

/** Query conditions of the shared fact filter fields; `time` is the entity property behind timeField. */
export function factConditions<T>(filter: FactFilterFields, time: TimeProperty<T>): Record<string, unknown> {
  const { customerId, from, to } = filter;
  checkWindowOrder(filter);
  const customer = definedOnly({
    externalId: customerId ?? undefined,
    generation: oneOf(filter.generations),
    region: oneOf(filter.regions),
    tier: oneOf(filter.tiers),
  });
  return definedOnly({
    customer: Object.keys(customer).length === 0 ? undefined : customer,
    [time]: from || to ? definedOnly({ $gte: from ?? undefined, $lt: to ?? undefined }) : undefined,
  });
}

/** Refuses a window that ends before it starts. */
export function checkWindowOrder({ from, to }: { from?: Date | null; to?: Date | null }): void {
  if (from && to && to < from) {
    throw userInputError(
      'filter.to',
      to.toISOString(),
      `an instant not before filter.from (${from.toISOString()}); from is inclusive, to exclusive`,
    );
  }
}

/** An IN condition for a list filter: absent or null means any value, an empty list matches nothing. */
export function oneOf<V>(values: readonly V[] | null | undefined): { $in: V[] } | undefined {
  return values == null ? undefined : { $in: [...values] };
}

/** Drops the conditions a filter left unset. */
export function definedOnly(conditions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(conditions).filter(([, value]) => value !== undefined));
}
