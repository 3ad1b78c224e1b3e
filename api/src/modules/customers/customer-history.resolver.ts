import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DEFAULT_NESTED_LIST_SIZE, MAX_PAGE_SIZE } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import type { CustomerFactsKey } from '../../graphql/loaders.js';
import { userInputError } from '../../graphql/user-input-error.js';
import { Contact } from '../contacts/contact.entity.js';
import { SelfServiceSession } from '../selfservice/self-service-session.entity.js';
import { SurveyResponse } from '../surveys/survey-response.entity.js';
import { CustomerEvent, mergeTimeline } from './customer-event.js';
import { Customer } from './customer.entity.js';

const LAST_DESCRIPTION =
  `Only the N most recent (1 to ${MAX_PAGE_SIZE.toLocaleString('en')}), still listed oldest first; ` +
  `the ${DEFAULT_NESTED_LIST_SIZE} most recent when omitted or null. For a whole history, page through the ` +
  'root list with a customer filter.';

/** The `last` argument of the lists nested in a customer: bounded, with a default. */
export const LAST = {
  nullable: true,
  defaultValue: DEFAULT_NESTED_LIST_SIZE,
  description: LAST_DESCRIPTION,
} as const;

/**
 * The customer 360 view: a customer's survey responses, contacts and self-service sessions, each list and
 * the merged timeline in time order. Each field asks the request's loaders, so a page of customers costs
 * one query per fact kind, not one per customer.
 */
@Resolver(() => Customer)
export class CustomerHistoryResolver {
  @FieldResolver(() => [SurveyResponse], {
    description:
      "The customer's survey responses (NPS, CSAT, CES), oldest respondedAt first, ties in import order.",
  })
  surveyResponses(
    @Root() customer: Customer,
    @Arg('last', () => Int, LAST) last: number | null,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<SurveyResponse[]> {
    return loaders.surveyResponsesByCustomer.load(factsKey(customer, last));
  }

  @FieldResolver(() => [Contact], {
    description: "The customer's assisted contacts, oldest startedAt first, ties in import order.",
  })
  contacts(
    @Root() customer: Customer,
    @Arg('last', () => Int, LAST) last: number | null,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<Contact[]> {
    return loaders.contactsByCustomer.load(factsKey(customer, last));
  }

  @FieldResolver(() => [SelfServiceSession], {
    description: "The customer's self-service sessions, oldest startedAt first, ties in import order.",
  })
  selfServiceSessions(
    @Root() customer: Customer,
    @Arg('last', () => Int, LAST) last: number | null,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<SelfServiceSession[]> {
    return loaders.selfServiceSessionsByCustomer.load(factsKey(customer, last));
  }

  @FieldResolver(() => [CustomerEvent], {
    description:
      "The customer's history in one list: survey responses, contacts and self-service sessions merged by " +
      'their time (respondedAt or startedAt), oldest first. Events at the same instant are listed in journey ' +
      'order (self-service session, then contact, then survey response), then in import order.',
  })
  async timeline(
    @Root() customer: Customer,
    @Arg('last', () => Int, LAST) last: number | null,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<CustomerEvent[]> {
    // The newest N events overall are among the newest N of each kind, so no kind needs more rows.
    const key = factsKey(customer, last);
    const kinds = await Promise.all([
      loaders.surveyResponsesByCustomer.load(key),
      loaders.contactsByCustomer.load(key),
      loaders.selfServiceSessionsByCustomer.load(key),
    ]);
    const events = mergeTimeline(...kinds);
    return key.last === null ? events : events.slice(-key.last);
  }
}

/** The loader key of a list nested in a customer: its `last` rows, the default when not given. */
export function factsKey(customer: Customer, given: number | null | undefined): CustomerFactsKey {
  return { customerId: customer.id, last: nestedListSize(given) };
}

/** The `last` argument of a nested list, checked: the default when not given. */
export function nestedListSize(given: number | null | undefined): number {
  const last = given ?? DEFAULT_NESTED_LIST_SIZE;
  if (last < 1 || last > MAX_PAGE_SIZE) {
    throw userInputError(
      'last',
      last,
      `a count from 1 to ${MAX_PAGE_SIZE} (how many of the most recent to list)`,
    );
  }
  return last;
}
