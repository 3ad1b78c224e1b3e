import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import type { Customer } from '../modules/customers/customer.entity.js';
import { CustomerService } from '../modules/customers/customer.service.js';

/**
 * DataLoaders of one request: every field that needs a related row asks its loader, which collects
 * the keys of a whole page and fetches them in one query (no query per parent row).
 */
export interface Loaders {
  /** Customers by internal id (the foreign key facts hold). */
  customerById: DataLoader<number, Customer>;
}

export function createLoaders(em: EntityManager): Loaders {
  const customers = new CustomerService(em);
  return {
    customerById: new DataLoader(async (ids) => {
      const byId = new Map((await customers.findByIds([...ids])).map((customer) => [customer.id, customer]));
      return ids.map((id) => byId.get(id) ?? new Error(`customer ${id} does not exist`));
    }),
  };
}
