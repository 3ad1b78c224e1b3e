import type { EntityManager, Knex } from '@mikro-orm/knex';
import { fromDbTime } from '../../database/dialect.js';
import { highRiskThreshold } from '../risk/high-risk-threshold.js';
import type { Aggregates } from './measures.js';
import { groupBy } from '../../core/conditions.js';
import { toGroupRows, type GroupQuery, type GroupRow } from './group-rows.js';
import { CUSTOMER_COLUMNS, SqlBuilder } from './sql-builder.js';
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
 * bucket holding now); earlier windows and buckets come from the daily history (risk_snapshots, the last
 * day of each), which is kept for the whole customer base only: with dimensions or a segment filter,
 * windows that do not contain now have no rows.
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
  const history =
    wholeBase(query) && (query.grain || !containsNow) ? await historyRows(builder, query, now) : [];
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

/** The last snapshot of the window (with a grain, of each bucket), for windows and buckets before now's. */
async function historyRows(builder: SqlBuilder, query: GroupQuery, now: Date): Promise<GroupRow[]> {
  const snapshots = await builder.rows(
    builder.raw(
      'select day, scored_customers as "scoredCustomers", expected_loss as "expectedLoss", ' +
        'at_risk_customers as "atRiskCustomers", at_risk_value as "atRiskValue" from risk_snapshots where ? order by day',
      [builder.and(builder.window('day', query.filter))],
    ),
  );
  const latest = new Map<number, GroupRow>();
  for (const snapshot of snapshots) {
    const day = fromDbTime(snapshot.day);
    const period = query.grain ? bucketStart(day, query.grain) : null;
    const sums = Object.fromEntries(SUMS.map((name) => [name, Number(snapshot[name])]));
    latest.set(period?.getTime() ?? 0, { period, dimensions: [], aggregates: pick(query, sums, 1) });
  }
  const current = query.grain ? bucketStart(now, query.grain).getTime() : null;
  return [...latest.entries()].filter(([period]) => period !== current).map(([, row]) => row);
}
