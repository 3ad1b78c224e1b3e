import type { EntityManager } from '@mikro-orm/knex';
import { fromDbTime } from '../../database/dialect.js';
import { LIFETIME_VALUE_CENTS, RISK_SCORES } from '../metrics/rollups/derived-rollups.js';
import { rollupState } from '../metrics/rollups/rollup-maintenance.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import { bucketStart, TimeGrain } from '../metrics/time-grain.js';
import { customerChunks, customerFeatures } from './risk-features.js';
import { explainScore, type ScoringModel } from './risk-scoring.js';
import { RiskSnapshot } from './risk-snapshot.entity.js';

/**
 * The history of churn risk: one row per day of data (the UTC day of the instant scores were computed as
 * of), written after every refresh from the churn-risk counts rollup (a few thousand rows whatever the
 * customer count), so that revenue at risk and the at-risk count have a trend and a comparison period.
 *
 * Revenue at risk is the expected loss: Σ over scored active customers of score / 100 × lifetime_value,
 * the probability of leaving within 90 days times what leaving costs. Beside it, the customers at or
 * above the high-risk threshold (high-risk-threshold.ts) and their lifetime value.
 */

/** A day's totals before they are stored. */
export interface RiskTotals {
  scoredCustomers: number;
  expectedLoss: number;
  atRiskCustomers: number;
  atRiskValue: number;
}

/**
 * The totals of (score, customers, lifetime value) rows: expected loss Σ score / 100 × value, and the
 * customers and value at or above `threshold`.
 */
export function totalsOf(
  rows: Iterable<{ score: number; customers: number; value: number }>,
  threshold: number,
): RiskTotals {
  // In whole cents (× score points) until the end, as the SQL sums do: the same digits either way.
  let scoredCustomers = 0;
  let lossCentPoints = 0;
  let atRiskCustomers = 0;
  let atRiskCents = 0;
  for (const { score, customers, value } of rows) {
    const cents = Math.round(value * 100);
    scoredCustomers += customers;
    lossCentPoints += score * cents;
    if (score >= threshold) {
      atRiskCustomers += customers;
      atRiskCents += cents;
    }
  }
  return {
    scoredCustomers,
    expectedLoss: lossCentPoints / 10_000,
    atRiskCustomers,
    atRiskValue: atRiskCents / 100,
  };
}

/** A customer segment, as the churn-risk counts rollup keys it ('' for an unknown value). */
export interface Segment {
  generation: string;
  region: string;
  tier: string;
}

/** Insert-select of the current scores' totals per segment for one day (parameters: day, threshold twice). */
const SEGMENTS_FROM_ROLLUP =
  'select ?, generation, region, tier, sum(customers), sum(score * value_cents), ' +
  'sum(case when score >= ? then customers else 0 end), sum(case when score >= ? then value_cents else 0 end) ' +
  `from ${RISK_SCORES} group by generation, region, tier having sum(customers) > 0`;
const SEGMENT_KEYS = ['generation', 'region', 'tier'].map((column) => `coalesce(c.${column}, '')`);
const SEGMENTS_FROM_SCORES =
  `select ?, ${SEGMENT_KEYS.join(', ')}, count(*), sum(r.score * ${LIFETIME_VALUE_CENTS}), ` +
  `sum(case when r.score >= ? then 1 else 0 end), sum(case when r.score >= ? then ${LIFETIME_VALUE_CENTS} else 0 end) ` +
  'from customer_risk r join customers c on c.id = r.customer_id where c.churned_at is null ' +
  `group by ${SEGMENT_KEYS.join(', ')}`;
const SEGMENT_COLUMNS =
  'day, generation, region, tier, scored_customers, loss_cent_points, at_risk_customers, at_risk_cents';

/**
 * Writes (or replaces) the snapshot of asOf's day: its segments' totals, then the whole base's as their sum
 * (so that segments always add up to the whole). `segments` writes the day's segment rows; by default, in one
 * insert-select, from the scores as they now are (the churn-risk counts rollup when it is built, a few
 * thousand rows, else the scores themselves).
 */
export async function storeSnapshot(
  builder: SqlBuilder,
  asOf: Date,
  threshold: number,
  segments?: readonly (Segment & RiskTotals)[],
): Promise<void> {
  const day = bucketStart(asOf, TimeGrain.DAY);
  await builder.raw('delete from risk_snapshot_segments where day = ?', [day]);
  await builder.raw('delete from risk_snapshots where day = ?', [day]);
  if (segments) {
    for (let start = 0; start < segments.length; start += SEGMENT_ROWS_PER_INSERT) {
      const rows = segments.slice(start, start + SEGMENT_ROWS_PER_INSERT);
      await builder.raw(
        `insert into risk_snapshot_segments (${SEGMENT_COLUMNS}) values ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        rows.flatMap((row) => [
          day,
          row.generation,
          row.region,
          row.tier,
          row.scoredCustomers,
          // Back to the integers the totals were summed in (exact: a sum of whole cents × points).
          Math.round(row.expectedLoss * 10_000),
          row.atRiskCustomers,
          Math.round(row.atRiskValue * 100),
        ]),
      );
    }
  } else {
    const fromRollup = await rollupState(builder.knex, builder.dialect);
    await builder.raw(
      `insert into risk_snapshot_segments (${SEGMENT_COLUMNS}) ${fromRollup ? SEGMENTS_FROM_ROLLUP : SEGMENTS_FROM_SCORES}`,
      [day, threshold, threshold],
    );
  }
  await builder.raw(
    'insert into risk_snapshots (day, as_of, scored_customers, expected_loss, at_risk_customers, at_risk_value, threshold) ' +
      'select ?, ?, coalesce(sum(scored_customers), 0), coalesce(sum(loss_cent_points), 0) / 10000.0, ' +
      'coalesce(sum(at_risk_customers), 0), coalesce(sum(at_risk_cents), 0) / 100.0, ? ' +
      'from risk_snapshot_segments where day = ?',
    [day, asOf, threshold, day],
  );
}

/** Segment rows per insert statement: 8 parameters each, well under every driver's limit. */
const SEGMENT_ROWS_PER_INSERT = 500;

/** After a refresh: the day's snapshot from the scores as they now are. */
export async function recordSnapshot(builder: SqlBuilder, asOf: Date, threshold: number): Promise<void> {
  await storeSnapshot(builder, asOf, threshold);
}

/**
 * Fills the history of the days before the first scores: every `everyDays` back from `end` for `days`, the
 * model scores the customers active at each instant from the facts before it (as training does) and the
 * totals of each segment are stored for that day. Used after the first training, so that a new installation
 * shows a trend at once; days that already have a snapshot are left alone. Returns the days written.
 */
export async function backfillHistory(
  em: EntityManager,
  model: ScoringModel,
  end: Date,
  threshold: number,
  { days = 84, everyDays = 7 } = {},
): Promise<number> {
  // On the primary: it writes.
  const builder = new SqlBuilder(em, em.getKnex());
  const existing = new Set(
    (await builder.rows(builder.raw('select day from risk_snapshots'))).map((row) =>
      fromDbTime(row.day).getTime(),
    ),
  );
  const chunks = await customerChunks(builder);
  let written = 0;
  for (let back = everyDays; back <= days; back += everyDays) {
    const asOf = new Date(end.getTime() - back * 86_400_000);
    if (existing.has(bucketStart(asOf, TimeGrain.DAY).getTime())) continue;
    const rows: (Segment & { score: number; customers: number; value: number })[] = [];
    for (const scope of chunks) {
      for (const customer of await customerFeatures(builder, asOf, scope)) {
        const { score } = explainScore(model, customer.values);
        rows.push({ ...customer.segment, score, customers: 1, value: customer.lifetimeValue ?? 0 });
      }
    }
    await storeSnapshot(builder, asOf, threshold, segmentTotalsOf(rows, threshold));
    written++;
  }
  return written;
}

/** totalsOf per segment, in the order segments first appear. */
export function segmentTotalsOf(
  rows: Iterable<Segment & { score: number; customers: number; value: number }>,
  threshold: number,
): (Segment & RiskTotals)[] {
  const bySegment = new Map<
    string,
    { segment: Segment; rows: { score: number; customers: number; value: number }[] }
  >();
  for (const { generation, region, tier, ...row } of rows) {
    const key = JSON.stringify([generation, region, tier]);
    let entry = bySegment.get(key);
    if (!entry) bySegment.set(key, (entry = { segment: { generation, region, tier }, rows: [] }));
    entry.rows.push(row);
  }
  return [...bySegment.values()].map(({ segment, rows: members }) => ({
    ...segment,
    ...totalsOf(members, threshold),
  }));
}

/** A segment filter of the history: unset lists do not filter, an empty list matches none. */
export interface SegmentFilter {
  generations?: readonly string[] | null;
  regions?: readonly string[] | null;
  tiers?: readonly string[] | null;
}

/**
 * The snapshots of the days in [from, to), oldest first: the whole base's, or with a segment filter the sums of
 * its segments on each day that kept segments (days snapshotted before they were kept are left out; a day
 * whose segments match no scored customer reads as zeros).
 */
export async function riskHistory(
  em: EntityManager,
  from: Date,
  to: Date,
  filter?: SegmentFilter | null,
): Promise<RiskSnapshot[]> {
  const lists = [filter?.generations, filter?.regions, filter?.tiers];
  if (lists.every((values) => values == null)) {
    return em.find(RiskSnapshot, { day: { $gte: from, $lt: to } }, { orderBy: { day: 'asc' } });
  }
  const builder = new SqlBuilder(em);
  const conditions = (['generation', 'region', 'tier'] as const).flatMap((column, i) => {
    const values = lists[i];
    return values == null ? [] : [builder.oneOf(`g.${column}`, values)];
  });
  const rows = await builder.rows(
    builder.raw(
      'select s.day, s.as_of, s.threshold, coalesce(sum(g.scored_customers), 0) as scored, ' +
        'coalesce(sum(g.loss_cent_points), 0) as loss, coalesce(sum(g.at_risk_customers), 0) as "atRisk", ' +
        'coalesce(sum(g.at_risk_cents), 0) as "atRiskCents" from risk_snapshots s ' +
        'left join risk_snapshot_segments g on g.day = s.day and ? ' +
        'where s.day >= ? and s.day < ? and exists (select 1 from risk_snapshot_segments k where k.day = s.day) ' +
        'group by s.day, s.as_of, s.threshold order by s.day',
      [builder.and(conditions), from, to],
    ),
  );
  return rows.map((row) =>
    Object.assign(new RiskSnapshot(), {
      day: fromDbTime(row.day),
      asOf: fromDbTime(row.as_of),
      scoredCustomers: Number(row.scored),
      expectedLoss: Number(row.loss) / 10_000,
      atRiskCustomers: Number(row.atRisk),
      atRiskValue: Number(row.atRiskCents) / 100,
      threshold: Number(row.threshold),
    }),
  );
}
