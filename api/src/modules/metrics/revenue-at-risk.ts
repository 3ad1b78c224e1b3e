import type { EntityManager, Knex } from '@mikro-orm/knex';
import { AT_RISK_SCORE } from '../risk/customer-risk.entity.js';
import type { Aggregates } from './measures.js';
import { groupBy } from '../../core/conditions.js';
import { toGroupRows, type GroupQuery, type GroupRow } from './group-rows.js';
import { CUSTOMER_COLUMNS, SqlBuilder } from './sql-builder.js';
import { bucketStart } from './time-grain.js';

/**
 * The segments of `query` (d0, d1, … of its dimensions) that hold at least one scored active customer;
 * without dimensions, a row when the whole segment does. Read from the scores here, or from the
 * churn-risk counts rollup (derived-queries.ts).
 */
export type ScoredSegments = (builder: SqlBuilder, query: GroupQuery) => Knex.Raw;

const SCORED = 'from customer_risk r join customers c on c.id = r.customer_id where ?';

/** Scored active customers of the query's segment (aliases r and c), for the builder's `?`. */
const activeInSegment = (builder: SqlBuilder, query: GroupQuery) =>
  builder.and([
    builder.raw('c.churned_at is null'),
    ...builder.dimensionFilters(CUSTOMER_COLUMNS, query.filter),
  ]);

const customerDimensions = (query: GroupQuery) =>
  query.dimensions.map((dimension, i) => `${CUSTOMER_COLUMNS[dimension]} as d${i}`);

/** Grouped over every score: a full read of the scores; without a split, one exists probe. */
const SEGMENTS_FROM_SCORES: ScoredSegments = (builder, query) => {
  const dimensions = customerDimensions(query);
  return dimensions.length
    ? builder.raw(`select ${dimensions.join(', ')} ${SCORED} ${groupBy(dimensions.length)}`, [
        activeInSegment(builder, query),
      ])
    : builder.raw(`select 1 as scored ${SCORED} limit 1`, [activeInSegment(builder, query)]);
};

/**
 * The lifetime value at stake among active customers by their latest risk score. Scores are overwritten
 * at each refresh, so this is a snapshot of now: windows that do not contain now have no rows, and with a
 * grain the snapshot falls in the bucket holding now. The sums read only the at-risk scores (by the score
 * index), whichever source says which segments are scored, so both give the same digits.
 */
export async function queryRevenueAtRisk(
  em: EntityManager,
  query: GroupQuery,
  scoredSegments: ScoredSegments = SEGMENTS_FROM_SCORES,
  now = new Date(),
): Promise<GroupRow[]> {
  const { from, to } = query.filter;
  if ((from && now < from) || (to && now >= to)) return [];
  const builder = new SqlBuilder(em);
  const dimensions = customerDimensions(query);
  const sums = builder.raw(
    `select ${[...dimensions, 'sum(c.lifetime_value) as "atRiskValue"', 'count(*) as "atRiskCustomers"'].join(', ')} ` +
      `${SCORED} and r.score >= ${AT_RISK_SCORE} ${dimensions.length ? groupBy(dimensions.length) : ''}`,
    [activeInSegment(builder, query)],
  );
  const [segments, atRisk] = await Promise.all([
    builder.rows(scoredSegments(builder, query)),
    builder.rows(sums),
  ]);
  const key = (row: GroupRow) => JSON.stringify(row.dimensions);
  const sumsBySegment = new Map(toGroupRows(atRisk, query).map((row) => [key(row), row.aggregates]));
  const period = query.grain ? bucketStart(now, query.grain) : null;
  return toGroupRows(segments, { ...query, aggregates: new Set() }).map((row) => {
    const sums = sumsBySegment.get(key(row));
    const aggregates: Aggregates = {};
    for (const name of query.aggregates) aggregates[name] = name === 'hasScores' ? 1 : (sums?.[name] ?? 0);
    return { period, dimensions: row.dimensions, aggregates };
  });
}
