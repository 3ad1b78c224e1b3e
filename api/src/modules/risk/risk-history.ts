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

/**
 * The current scores as (score, customers, value) rows: from the churn-risk counts rollup when it is built,
 * else grouped from the scores themselves.
 */
export async function currentScoreRows(
  builder: SqlBuilder,
): Promise<{ score: number; customers: number; value: number }[]> {
  const fromRollup = await rollupState(builder.knex, builder.dialect);
  const sql = fromRollup
    ? `select score, sum(customers) as customers, sum(value_cents) as cents from ${RISK_SCORES} group by score`
    : `select r.score, count(*) as customers, sum(${LIFETIME_VALUE_CENTS}) as cents from customer_risk r ` +
      'join customers c on c.id = r.customer_id where c.churned_at is null group by r.score';
  return (await builder.rows(builder.raw(sql))).map((row) => ({
    score: Number(row.score),
    customers: Number(row.customers),
    value: Number(row.cents) / 100,
  }));
}

/** Writes (or replaces) the snapshot of asOf's day. */
export async function storeSnapshot(
  builder: SqlBuilder,
  asOf: Date,
  totals: RiskTotals,
  threshold: number,
): Promise<void> {
  const day = bucketStart(asOf, TimeGrain.DAY);
  await builder.raw('delete from risk_snapshots where day = ?', [day]);
  await builder.raw(
    'insert into risk_snapshots (day, as_of, scored_customers, expected_loss, at_risk_customers, at_risk_value, threshold) ' +
      'values (?, ?, ?, ?, ?, ?, ?)',
    [
      day,
      asOf,
      totals.scoredCustomers,
      totals.expectedLoss,
      totals.atRiskCustomers,
      totals.atRiskValue,
      threshold,
    ],
  );
}

/** After a refresh: the day's snapshot from the scores as they now are. */
export async function recordSnapshot(builder: SqlBuilder, asOf: Date, threshold: number): Promise<void> {
  await storeSnapshot(builder, asOf, totalsOf(await currentScoreRows(builder), threshold), threshold);
}

/**
 * Fills the history of the days before the first scores: every `everyDays` back from `end` for `days`, the
 * model scores the customers active at each instant from the facts before it (as training does) and the
 * totals are stored for that day. Used after the first training, so that a new installation shows a trend
 * at once; days that already have a snapshot are left alone. Returns the days written.
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
    const rows: { score: number; customers: number; value: number }[] = [];
    for (const scope of chunks) {
      for (const customer of await customerFeatures(builder, asOf, scope)) {
        const { score } = explainScore(model, customer.values);
        rows.push({ score, customers: 1, value: customer.lifetimeValue ?? 0 });
      }
    }
    await storeSnapshot(builder, asOf, totalsOf(rows, threshold), threshold);
    written++;
  }
  return written;
}

/** The snapshots of the days in [from, to), oldest first. */
export function riskHistory(em: EntityManager, from: Date, to: Date): Promise<RiskSnapshot[]> {
  return em.find(RiskSnapshot, { day: { $gte: from, $lt: to } }, { orderBy: { day: 'asc' } });
}
