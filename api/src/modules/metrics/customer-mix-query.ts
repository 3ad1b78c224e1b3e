import type { EntityManager } from '@mikro-orm/knex';
import { countWhere } from '../../core/conditions.js';
import type { Generation } from '../customers/generation.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import { Dimension } from './dimension.js';
import { CUSTOMER_COLUMNS, SqlBuilder } from './sql-builder.js';

/** Per generation: customers who interacted in the window, those who used self-service, those who did not. */
export interface CustomerMix {
  generation: Generation;
  interactingCustomers: number;
  selfServiceUsers: number;
  assistedOnlyCustomers: number;
}

/**
 * Counts customers by how they sought service in the window: one row per customer with the number of
 * sessions and contacts (each filtered by what applies to it), then grouped by generation.
 */
export async function queryCustomerMix(em: EntityManager, filter: MetricFilter): Promise<CustomerMix[]> {
  const builder = new SqlBuilder(em);
  const where = (columns: Partial<Record<Dimension, string>>) =>
    builder.and([...builder.window('f.started_at', filter), ...builder.dimensionFilters(columns, filter)]);
  const sql = builder.raw(
    'select c.generation as generation, count(*) as "interactingCustomers", ' +
      `${countWhere('u.sessions > 0')} as "selfServiceUsers", ` +
      `${countWhere('u.sessions = 0')} as "assistedOnlyCustomers" ` +
      'from (select customer_id, sum(is_session) as sessions from (' +
      'select f.customer_id, 1 as is_session from self_service_sessions f where ? ' +
      'union all select f.customer_id, 0 as is_session from contacts f where ?' +
      ') interactions group by customer_id) u join customers c on c.id = u.customer_id where ? ' +
      'group by c.generation',
    [
      where({ [Dimension.ENTRY]: 'f.entry' }),
      where({ [Dimension.CHANNEL]: 'f.channel', [Dimension.REASON]: 'f.reason' }),
      builder.and(builder.dimensionFilters(CUSTOMER_COLUMNS, filter)),
    ],
  );
  return (await builder.rows(sql)).map((row) => ({
    generation: row.generation as Generation,
    interactingCustomers: Number(row.interactingCustomers),
    selfServiceUsers: Number(row.selfServiceUsers),
    assistedOnlyCustomers: Number(row.assistedOnlyCustomers),
  }));
}
