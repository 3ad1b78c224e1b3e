import type { TimeProperty } from './pagination.js';
import { userInputError } from './errors.js';

/** Filter fields every fact connection (survey responses, contacts, sessions) shares. */
export interface FactFilterFields {
  customerId?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** Customer generations (the values of the Generation enum). */
  generations?: readonly string[] | null;
  regions?: readonly string[] | null;
  /** Customer tiers (the values of the Tier enum). */
  tiers?: readonly string[] | null;
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
