import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { factsKey, LAST } from '../customers/customer-history.resolver.js';
import { Customer } from '../customers/customer.entity.js';
import { Alert } from './alert.entity.js';

@Resolver(() => Customer)
export class CustomerAlertsResolver {
  @FieldResolver(() => [Alert], {
    description:
      "The customer's alerts, resolved or not, oldest openedAt first (one query for a whole page).",
  })
  alerts(
    @Root() customer: Customer,
    @Arg('last', () => Int, LAST) last: number | null,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<Alert[]> {
    return loaders.alertsByCustomer.load(factsKey(customer, last));
  }
}
