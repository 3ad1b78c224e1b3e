import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { connectionType, SyncPageArgs, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Customer } from './customer.entity.js';
import { CustomerService } from './customer.service.js';
import { CustomerFilter } from './dto/customer-filter.input.js';

const CustomerConnection = connectionType(Customer, 'customers');

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, {
    nullable: true,
    description: 'One customer by the customer_id of the CRM import; null when no customer has that id.',
  })
  customer(
    @Arg('id', () => ID, { description: 'The customer_id of the import.' }) id: string,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Customer | null> {
    return new CustomerService(em).findByExternalId(id);
  }

  @Query(() => CustomerConnection, {
    description:
      'Customers matching the filter, in import order (stable while paging), 50 per page by default.',
  })
  customers(
    @Args(() => SyncPageArgs) page: SyncPageArgs,
    @Arg('filter', () => CustomerFilter, {
      nullable: true,
      description: 'Which customers; all when omitted.',
    })
    filter: CustomerFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<Customer>> {
    return new CustomerService(em).list(filter ?? {}, page);
  }
}
