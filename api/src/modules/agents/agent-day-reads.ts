import type { EntityManager, Knex } from '@mikro-orm/knex';
import { dialectOf } from '../../database/dialect.js';
import { Dimension } from '../metrics/dimension.js';
import type { MetricFilter } from '../metrics/dto/metric-filter.input.js';
import { AGENT_DAYS } from '../metrics/rollups/agent-days.js';
import { rollupState } from '../metrics/rollups/rollup-maintenance.js';
import { coversWholeDays } from '../metrics/rollups/rollup-queries.js';
import { FILTER_OF_DIMENSION, type SqlBuilder } from '../metrics/sql-builder.js';
import { aggregateColumn } from '../metrics/rollups/rollup-tables.js';

/**
 * Reading the agent views from their daily sums (rollup_agent_days, aliased r, with the agent's record a):
 * when they answer, and the SQL fragments the views share.
 */

/** The rollup with the current record of its agent: TEAM is looked up when asked, never stored. */
export const AGENT_DAYS_FROM = `from ${AGENT_DAYS} r left join agents a on a.external_id = r.agent`;

/** The agent id as the views key it: unknown ('' in the rollup) is null. */
export const ROLLUP_AGENT = "nullif(r.agent, '')";

/** The dimensions the rollup filters by (the agent's team through its record). */
const COLUMNS: Partial<Record<Dimension, string>> = {
  [Dimension.AGENT]: 'r.agent',
  [Dimension.QUEUE]: 'r.queue',
  [Dimension.CHANNEL]: 'r.channel',
  [Dimension.TEAM]: 'a.team',
};

/**
 * Whether the rollup answers a view of `filter` exactly: the window starts and ends at UTC midnights (or is
 * open), the filter names only the rollup's dimensions and no agent or queue '' (which stands for unknown
 * there), and the rollups are built from the current definitions. Otherwise the facts answer.
 */
export async function agentDaysAnswer(em: EntityManager, filter: Partial<MetricFilter>): Promise<boolean> {
  const others = Object.values(Dimension).filter((dimension) => COLUMNS[dimension] === undefined);
  if (others.some((dimension) => filter[FILTER_OF_DIMENSION[dimension]] != null)) return false;
  if ([filter.agents, filter.queues].some((values) => values?.includes(''))) return false;
  return coversWholeDays(filter) && (await rollupState(em.getKnex(), dialectOf(em))) !== null;
}

/** The rows of the window and the filter's dimension lists that hold contacts. */
export function agentDayConditions(builder: SqlBuilder, filter: MetricFilter): Knex.Raw {
  return builder.and([
    ...builder.window('r.day', filter),
    ...builder.dimensionFilters(COLUMNS, filter),
    // A contact that moved to another key leaves its old key's row at zero.
    builder.raw('r.contacts > 0'),
  ]);
}

/** `sum(r.<column>) as "<name>"` for each of the rollup's sums named. */
export const sumsOf = (names: readonly string[]) =>
  names.map((name) => `sum(r.${aggregateColumn(name)}) as "${name}"`).join(', ');

/** The sum `name` over the rollup rows that meet `condition`, as `alias`. */
export const sumWhere = (condition: string, name: string, alias: string) =>
  `sum(case when ${condition} then r.${aggregateColumn(name)} else 0 end) as "${alias}"`;
