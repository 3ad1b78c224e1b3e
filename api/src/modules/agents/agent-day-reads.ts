import type { EntityManager } from '@mikro-orm/knex';
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
 * when they answer, and the statement and SQL fragments the views share. TEAM is the agent's current record,
 * looked up when read, never stored.
 */

/** The agent id as the views key it: unknown ('' in the rollup) is null. */
export const ROLLUP_AGENT = "nullif(r.agent, '')";

/** The dimensions the rollup filters by: the agent, and the agent's team through the agents of the team. */
const FILTERED = [Dimension.AGENT, Dimension.TEAM];

/**
 * Whether the rollup answers a view of `filter` exactly: the window starts and ends at UTC midnights (or is
 * open), the filter names only agents and teams and no agent '' (which stands for unknown there), and the
 * rollups are built from the current definitions. Otherwise (a queue or channel filter among them) the facts
 * answer.
 */
export async function agentDaysAnswer(em: EntityManager, filter: Partial<MetricFilter>): Promise<boolean> {
  const others = Object.values(Dimension).filter((dimension) => !FILTERED.includes(dimension));
  if (others.some((dimension) => filter[FILTER_OF_DIMENSION[dimension]] != null)) return false;
  if (filter.agents?.includes('')) return false;
  return coversWholeDays(filter) && (await rollupState(em.getKnex(), dialectOf(em))) !== null;
}

/**
 * The sums of the window's rollup rows that hold contacts and meet `condition`, per `groups` (select list and
 * group by clause over the agent's record a), or in one row without groups. Grouped rows are summed per agent
 * first, so that the join with the agents and the grouping by their names and teams see one row per agent
 * rather than one per key of the window (at 2.57M contacts a quarter holds about 500,000 rows). `sums` are
 * name and expression over the rollup r; the outer select has each summed under its name (the per-agent rows
 * are r too). A team filter is a set of agent ids, so that no row is joined to filter.
 */
export function agentDaySums(
  builder: SqlBuilder,
  filter: MetricFilter,
  sums: readonly [name: string, sql: string][],
  groups: { select: string; groupBy: string } | null,
  condition = '1 = 1',
): Promise<Record<string, unknown>[]> {
  const { teams, ...filterByColumns } = filter;
  const where = builder.and([
    builder.raw(condition),
    ...builder.window('r.day', filter),
    ...builder.dimensionFilters({ [Dimension.AGENT]: 'r.agent' }, filterByColumns),
    ...(teams == null
      ? []
      : [
          builder.raw('r.agent in (select t.external_id from agents t where ?)', [
            builder.oneOf('t.team', teams),
          ]),
        ]),
    // A contact that moved to another key leaves its old key's row at zero.
    builder.raw('r.contacts > 0'),
  ]);
  const named = sums.map(([name, sql]) => `${sql} as "${name}"`).join(', ');
  if (!groups) return builder.rows(builder.raw(`select ${named} from ${AGENT_DAYS} r where ?`, [where]));
  const outer = sums.map(([name]) => `sum(r."${name}") as "${name}"`).join(', ');
  return builder.rows(
    builder.raw(
      `select ${groups.select}, ${outer} from (select r.agent, ${named} from ${AGENT_DAYS} r where ? ` +
        `group by r.agent) r left join agents a on a.external_id = r.agent ${groups.groupBy}`,
      [where],
    ),
  );
}

/** `[name, sum(r.<column>)]` for each of the rollup's sums named. */
export const sumsOf = (names: readonly string[]): [string, string][] =>
  names.map((name) => [name, `sum(r.${aggregateColumn(name)})`]);

/** The rollup's sum `name` as `alias`. */
export const sumAs = (name: string, alias: string): [string, string] => [
  alias,
  `sum(r.${aggregateColumn(name)})`,
];
