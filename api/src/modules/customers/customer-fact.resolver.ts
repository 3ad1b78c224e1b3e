import { Ctx, FieldResolver, ID, Resolver, Root, type ClassType } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Customer } from './customer.entity.js';
import type { CustomerFact } from './facts-by-customer.js';

export type { CustomerFact };

/**
 * The `customer` and `customerId` fields of a fact type, resolved through the request's customer
 * loader so that a page of facts costs one customer query. A fact's resolver extends this.
 */
export function CustomerFactResolver<T extends CustomerFact>(factType: ClassType<T>) {
  @Resolver(() => factType)
  class CustomerFactFields {
    @FieldResolver(() => Customer, { description: 'The customer this row belongs to.' })
    customer(@Root() fact: T, @Ctx() { loaders }: GraphQLContext): Promise<Customer> {
      return loaders.customerById.load(fact.customer.id);
    }

    @FieldResolver(() => ID, {
      description: 'The customer_id of the import: id of the customer this row belongs to.',
    })
    async customerId(@Root() fact: T, @Ctx() { loaders }: GraphQLContext): Promise<string> {
      return (await loaders.customerById.load(fact.customer.id)).externalId;
    }
  }
  return CustomerFactFields;
}
