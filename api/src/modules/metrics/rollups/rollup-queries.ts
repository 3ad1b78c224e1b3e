import type { EntityManager } from '@mikro-orm/knex';
import { Dimension } from '../dimension.js';
import { groupBy } from '../../../core/conditions.js';
import { DAY_MS } from '../../../core/time.js';
import {
  FACT_TABLES,
  groupColumns,
  queryChurn,
  requestedScopes,
  toGroupRows,
  type ChurnSource,
  type FactFamily,
  type GroupQuery,
  type GroupRow,
} from '../fact-queries.js';
import type { Family } from '../measures.js';
import { FILTER_OF_DIMENSION, SqlBuilder } from '../sql-builder.js';
import { fromDbTime } from '../../../database/dialect.js';
import { aggregateColumn, ROLLUP_TABLES, type RollupTable } from './rollup-tables.js';

const isMidnight = (instant: Date | null | undefined) => !instant || instant.getTime() % DAY_MS === 0;

/** Whether a filter's window is made of whole UTC days (from and to at midnight, or open), as rollups hold. */
export const coversWholeDays = (filter: { from?: Date | null; to?: Date | null }) =>
  isMidnight(filter.from) && isMidnight(filter.to);

/**
 * Dimensions a rollup answers without holding them: an agent's TEAM is looked up in the agents table
 * (aliased a) by the rollup's AGENT when a query asks for it.
 */
const LOOKED_UP: Partial<Record<Dimension, { from: Dimension; column: string; join: string }>> = {
  [Dimension.TEAM]: {
    from: Dimension.AGENT,
    column: 'a.team',
    join: ` left join agents a on a.external_id = r.${Dimension.AGENT}`,
  },
};

const holds = (rollup: RollupTable, dimension: Dimension) =>
  rollup.dimensions.includes(dimension) ||
  rollup.dimensions.includes(LOOKED_UP[dimension]?.from as Dimension);

const lookedUp = (rollup: RollupTable) =>
  Object.fromEntries(
    Object.entries(LOOKED_UP)
      .filter(
        ([dimension, { from }]) =>
          !rollup.dimensions.includes(dimension as Dimension) && rollup.dimensions.includes(from),
      )
      .map(([dimension, { column }]) => [dimension, column]),
  ) as Partial<Record<Dimension, string>>;

/** A rollup's dimension columns, aliased r, as read (unknown, stored as '', reads back as null). */
const rollupValues = (rollup: RollupTable): Partial<Record<Dimension, string>> => ({
  ...Object.fromEntries(rollup.dimensions.map((dimension) => [dimension, `nullif(r.${dimension}, '')`])),
  ...lookedUp(rollup),
});

/** The same columns as filtered (no filter names '': see fittingRollup), so that indexes stay usable. */
const rollupKeys = (rollup: RollupTable): Partial<Record<Dimension, string>> => ({
  ...Object.fromEntries(rollup.dimensions.map((dimension) => [dimension, `r.${dimension}`])),
  ...lookedUp(rollup),
});

/** The joins of the looked-up dimensions a query groups or filters by. */
function lookupJoins(rollup: RollupTable, query: GroupQuery): string {
  return Object.entries(LOOKED_UP)
    .filter(
      ([dimension]) =>
        !rollup.dimensions.includes(dimension as Dimension) &&
        (query.dimensions.includes(dimension as Dimension) ||
          query.filter[FILTER_OF_DIMENSION[dimension as Dimension]] != null),
    )
    .map(([, { join }]) => join)
    .join('');
}

/**
 * The smallest rollup that answers a query of `family` exactly, or null: the window starts and ends at
 * UTC midnights (rollups hold days; every grain is made of days) and every dimension the query groups
 * or filters by is in the rollup's key.
 */
export function fittingRollup(family: Family, query: GroupQuery): RollupTable | null {
  const { filter } = query;
  if (!coversWholeDays(filter)) return null;
  const needed = Object.values(Dimension).filter(
    (dimension) => query.dimensions.includes(dimension) || filter[FILTER_OF_DIMENSION[dimension]] != null,
  );
  // '' stands for unknown in the rollups: a filter naming it must not match the unknown values.
  const values = (dimension: Dimension) => filter[FILTER_OF_DIMENSION[dimension]] as readonly string[] | null;
  if (needed.some((dimension) => values(dimension)?.includes(''))) return null;
  return (
    ROLLUP_TABLES.find(
      (rollup) => rollup.family === family && needed.every((dimension) => holds(rollup, dimension)),
    ) ?? null
  );
}

/** The grouped query of a fact family, answered from a fitting rollup. */
export async function queryFactRollup(
  em: EntityManager,
  rollup: RollupTable,
  query: GroupQuery,
): Promise<GroupRow[]> {
  const table = FACT_TABLES[rollup.family as FactFamily];
  const builder = new SqlBuilder(em);
  const select = [
    // The window's condition below keeps r.day inside it.
    ...groupColumns(builder, 'r.day', rollupValues(rollup), query, true),
    ...[...query.aggregates].map((name) => `sum(r.${aggregateColumn(name)}) as "${name}"`),
  ];
  // A group exists where facts in the requested aggregates' scopes do, as on the fact path.
  const counters = requestedScopes(table, query.aggregates)?.map(({ counter }) => counter) ?? [
    table.rowCounter,
  ];
  const conditions = [
    ...builder.window('r.day', query.filter),
    ...builder.dimensionFilters(rollupKeys(rollup), query.filter),
    builder.raw(`(${counters.map((counter) => `r.${aggregateColumn(counter)} > 0`).join(' or ')})`),
  ];
  const sql = builder.raw(
    `select ${select.join(', ')} from ${rollup.table} r${lookupJoins(rollup, query)} where ? ${groupBy(query.dimensions.length + 1)}`,
    [builder.and(conditions)],
  );
  return toGroupRows(await builder.rows(sql), query);
}

/**
 * churnRate from the churn rollup. Exact while no customer churned before signing up (the caller checks):
 * then a churn before a period's start implies a signup before it, so the customers active at a start
 * are the signups before it minus the churns before it.
 */
function rollupChurnSource(rollup: RollupTable): ChurnSource {
  const columns = rollupValues(rollup);
  const keys = rollupKeys(rollup);
  return {
    async earliestSignup(builder, filter) {
      const [row] = await builder.rows(
        builder.raw(`select min(r.day) as earliest from ${rollup.table} r where r.signups > 0 and ?`, [
          builder.and(builder.dimensionFilters(keys, filter)),
        ]),
      );
      return row?.earliest == null ? null : fromDbTime(row.earliest);
    },
    counts(builder, periods, query) {
      const dimensions = query.dimensions.map((dimension, i) => `${columns[dimension]} as d${i}`);
      const inPeriod = 'r.day >= p.start_at and (p.end_at is null or r.day < p.end_at)';
      return builder.raw(
        `select ${['p.label as period', ...dimensions].join(', ')}, ` +
          `sum(case when ${inPeriod} then r.churns else 0 end) as "churnedCustomers", ` +
          `sum(case when r.day < p.start_at then r.signups - r.churns else 0 end) as "activeCustomers" ` +
          `from (?) p join ${rollup.table} r on (p.end_at is null or r.day < p.end_at) ` +
          `where (r.signups > 0 or r.churns > 0) and ? ${groupBy(dimensions.length + 1)}`,
        [periods, builder.and(builder.dimensionFilters(keys, query.filter))],
      );
    },
  };
}

/**
 * churnRate from the rollup, or null when it cannot be answered exactly from it. An open window with a
 * grain ends its last period now, inside a day: that equals the end of today when nobody signed up or
 * churned from today on.
 */
export async function queryChurnRollup(
  em: EntityManager,
  rollup: RollupTable,
  query: GroupQuery,
  now = new Date(),
): Promise<GroupRow[] | null> {
  let end = now;
  if (query.grain && !query.filter.to && !isMidnight(now)) {
    const today = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
    const builder = new SqlBuilder(em);
    const later = await builder.rows(
      builder.raw(`select 1 as later from ${rollup.table} r where r.day >= ? limit 1`, [today]),
    );
    if (later.length > 0) return null;
    end = new Date(today.getTime() + DAY_MS);
  }
  return queryChurn(em, query, rollupChurnSource(rollup), end);
}
