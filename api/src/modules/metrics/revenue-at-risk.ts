import type { EntityManager, Knex } from '@mikro-orm/knex';
import { fromDbTime } from '../../database/dialect.js';
import { highRiskThreshold } from '../risk/high-risk-threshold.js';
import type { Aggregates } from './measures.js';
import { groupBy } from '../../core/conditions.js';
import { toGroupRows, type GroupQuery, type GroupRow } from './group-rows.js';
import { CUSTOMER_COLUMNS, SqlBuilder } from './sql-builder.js';
import type { Dimension } from './dimension.js';
import { bucketStart } from './time-grain.js';
import { LIFETIME_VALUE_CENTS } from './rollups/derived-rollups.js';

/**
 * The scores of the query's segment as rows of (d0, d1, … of its dimensions, score, customers, cents):
 * scored active customers and their lifetime value in whole cents per score. Read from the scores here, or from the
 * churn-risk counts rollup (derived-queries.ts).
 */
export type ScoreRows = (builder: SqlBuilder, query: GroupQuery) => Knex.Raw;

const customerDimensions = (query: GroupQuery) =>
  query.dimensions.map((dimension, i) => `${CUSTOMER_COLUMNS[dimension]} as d${i}`);

/** One row per scored active customer of the segment (a full read of the scores). */
const ROWS_FROM_SCORES: ScoreRows = (builder, query) =>
  builder.raw(
    `select ${[...customerDimensions(query), 'r.score', '1 as customers', `${LIFETIME_VALUE_CENTS} as cents`].join(', ')} ` +
      'from customer_risk r join customers c on c.id = r.customer_id where ?',
    [
      builder.and([
        builder.raw('c.churned_at is null'),
        ...builder.dimensionFilters(CUSTOMER_COLUMNS, query.filter),
      ]),
    ],
  );

/**
 * Revenue at risk by segment: the expected loss Σ score / 100 × lifetime_value over scored active
 * customers, beside the customers at or above the high-risk threshold (the risk-jump alert rule's) and
 * their lifetime value. The latest scores answer for the window that contains now (with a grain, the
 * bucket holding now); earlier windows and buckets come from the daily history (the last day of each):
 * risk_snapshots for the whole customer base, risk_snapshot_segments summed over the segments a filter or
 * the dimensions ask for (days snapshotted before the segments were kept have none: no rows).
 */
export async function queryRevenueAtRisk(
  em: EntityManager,
  query: GroupQuery,
  scoreRows: ScoreRows = ROWS_FROM_SCORES,
  now = new Date(),
  threshold = highRiskThreshold(),
): Promise<GroupRow[]> {
  const { from, to } = query.filter;
  const builder = new SqlBuilder(em);
  const containsNow = !(from && now < from) && !(to && now >= to);
  // Without a grain, a window that contains now is the latest scores' alone.
  const history = query.grain || !containsNow ? await historyRows(builder, query, now) : [];
  if (!containsNow) return history;
  const dimensions = query.dimensions.map((_, i) => `s.d${i}`);
  const sums = builder.raw(
    `select ${[
      ...dimensions,
      'sum(s.customers) as "scoredCustomers"',
      // In cents × score points until the one division: integer sums, the same digits from either source.
      'sum(s.score * s.cents) / 10000.0 as "expectedLoss"',
      `sum(case when s.score >= ${threshold} then s.customers else 0 end) as "atRiskCustomers"`,
      `sum(case when s.score >= ${threshold} then s.cents else 0 end) / 100.0 as "atRiskValue"`,
    ].join(', ')} from (?) s ${dimensions.length ? groupBy(dimensions.length) : ''}`,
    [scoreRows(builder, query)],
  );
  const period = query.grain ? bucketStart(now, query.grain) : null;
  const live = toGroupRows(await builder.rows(sums), { ...query, aggregates: new Set(SUMS) })
    .filter((row) => (row.aggregates.scoredCustomers ?? 0) > 0)
    .map((row) => ({ period, dimensions: row.dimensions, aggregates: pick(query, row.aggregates, 1) }));
  return [...history.filter((row) => row.period?.getTime() !== period?.getTime()), ...live];
}

const SUMS = ['scoredCustomers', 'expectedLoss', 'atRiskCustomers', 'atRiskValue'] as const;

/** The query's aggregates of a row; hasScores 1 (only rows with scores exist). */
function pick(query: GroupQuery, sums: Aggregates, hasScores: number): Aggregates {
  const aggregates: Aggregates = {};
  for (const name of query.aggregates)
    aggregates[name] = name === 'hasScores' ? hasScores : (sums[name] ?? 0);
  return aggregates;
}

const wholeBase = (query: GroupQuery) =>
  query.dimensions.length === 0 &&
  [query.filter.generations, query.filter.regions, query.filter.tiers].every((values) => values == null);

/** The segment columns of risk_snapshot_segments (alias g), where '' stands for an unknown value. */
const SEGMENT_KEYS: Partial<Record<Dimension, string>> = Object.fromEntries(
  Object.keys(CUSTOMER_COLUMNS).map((dimension) => [dimension, `g.${dimension}`]),
);

/**
 * The daily totals of the window's snapshots, oldest first: from risk_snapshots for the whole base, else
 * summed over the segments of the filter, grouped by the query's dimensions (d0, d1, …).
 */
function dailyTotals(builder: SqlBuilder, query: GroupQuery): Knex.Raw {
  if (wholeBase(query)) {
    return builder.raw(
      'select day, scored_customers as "scoredCustomers", expected_loss as "expectedLoss", ' +
        'at_risk_customers as "atRiskCustomers", at_risk_value as "atRiskValue" from risk_snapshots where ? order by day',
      [builder.and(builder.window('day', query.filter))],
    );
  }
  const dimensions = query.dimensions.map(
    (dimension, i) => `nullif(${SEGMENT_KEYS[dimension]}, '') as d${i}`,
  );
  return builder.raw(
    `select ${[
      'g.day',
      ...dimensions,
      'sum(g.scored_customers) as "scoredCustomers"',
      'sum(g.loss_cent_points) / 10000.0 as "expectedLoss"',
      'sum(g.at_risk_customers) as "atRiskCustomers"',
      'sum(g.at_risk_cents) / 100.0 as "atRiskValue"',
    ].join(', ')} from risk_snapshot_segments g where ? ${groupBy(dimensions.length + 1)} order by 1`,
    [
      builder.and([
        ...builder.window('g.day', query.filter),
        ...builder.dimensionFilters(SEGMENT_KEYS, query.filter),
      ]),
    ],
  );
}

/**
 * The last day's snapshot of the window (with a grain, of each bucket), for windows and buckets before
 * now's; with dimensions, every group of that day.
 */
async function historyRows(builder: SqlBuilder, query: GroupQuery, now: Date): Promise<GroupRow[]> {
  const days = await builder.rows(dailyTotals(builder, query));
  const latest = new Map<number, { day: number; rows: GroupRow[] }>();
  for (const snapshot of days) {
    const day = fromDbTime(snapshot.day);
    const period = query.grain ? bucketStart(day, query.grain) : null;
    const key = period?.getTime() ?? 0;
    let entry = latest.get(key);
    if (!entry || entry.day < day.getTime()) latest.set(key, (entry = { day: day.getTime(), rows: [] }));
    const sums = Object.fromEntries(SUMS.map((name) => [name, Number(snapshot[name])]));
    const dimensions = query.dimensions.map((_, i) => (snapshot[`d${i}`] ?? null) as string | null);
    if ((sums.scoredCustomers ?? 0) > 0)
      entry.rows.push({ period, dimensions, aggregates: pick(query, sums, 1) });
  }
  const current = query.grain ? bucketStart(now, query.grain).getTime() : null;
  return [...latest.entries()].filter(([period]) => period !== current).flatMap(([, { rows }]) => rows);
}
