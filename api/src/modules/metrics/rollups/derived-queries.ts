import type { EntityManager } from '@mikro-orm/knex';
import { dialectOf } from '../../../database/dialect.js';
import type { Generation } from '../../customers/generation.js';
import type { CustomerMix } from '../customer-mix-query.js';
import { Dimension } from '../dimension.js';
import type { MetricFilter } from '../dto/metric-filter.input.js';
import { countWhere, groupBy } from '../../../core/conditions.js';
import {
  followUpSums,
  groupColumns,
  toGroupRows,
  womReach,
  wordOfMouthSums,
  type GroupQuery,
  type GroupRow,
} from '../fact-queries.js';
import type { ScoreRows } from '../revenue-at-risk.js';
import { CUSTOMER_COLUMNS, SqlBuilder } from '../sql-builder.js';
import {
  CUSTOMER_MIX_DAYS,
  ESCALATION_FOLLOW_UPS,
  RISK_SCORES,
  WOM_CUSTOMER_DAYS,
} from './derived-rollups.js';
import { rollupState } from './rollup-maintenance.js';
import { coversWholeDays } from './rollup-queries.js';

/** The customer dimensions as the derived rollups (aliased r) store them. */
const SEGMENT_COLUMNS: Partial<Record<Dimension, string>> = Object.fromEntries(
  Object.entries(CUSTOMER_COLUMNS).map(([dimension, column]) => [dimension, column.replace('c.', 'r.')]),
);

/**
 * Whether the derived rollups answer views of this window: they are built, and the window starts and ends
 * at UTC midnights (they hold days).
 */
export async function derivedRollupsAnswer(em: EntityManager, filter: MetricFilter): Promise<boolean> {
  return coversWholeDays(filter) && (await rollupState(em.getKnex(), dialectOf(em))) !== null;
}

/** womReach from the detractors' customer days: one row per customer and period, as on the facts. */
export async function queryWordOfMouthRollup(em: EntityManager, query: GroupQuery): Promise<GroupRow[]> {
  const builder = new SqlBuilder(em);
  const detractors = builder.raw(
    `select r.customer_id, ${groupColumns(builder, 'r.day', SEGMENT_COLUMNS, query).join(', ')}, ` +
      `${womReach('sum(r.social_uses) > 0')} as reach from ${WOM_CUSTOMER_DAYS} r where ? ` +
      `${groupBy(query.dimensions.length + 2)} having sum(r.detractor_responses) > 0`,
    [
      builder.and([
        ...builder.window('r.day', query.filter),
        ...builder.dimensionFilters(SEGMENT_COLUMNS, query.filter),
      ]),
    ],
  );
  return toGroupRows(await builder.rows(wordOfMouthSums(builder, detractors, query)), query);
}

/** The satisfaction after escalation (queryAfterEscalation) from the follow-ups rollup. */
export async function queryAfterEscalationRollup(em: EntityManager, query: GroupQuery): Promise<GroupRow[]> {
  const builder = new SqlBuilder(em);
  const columns = { [Dimension.ENTRY]: 'r.entry', ...SEGMENT_COLUMNS };
  const followUps = builder.raw(
    `select distinct ${groupColumns(builder, 'r.day', columns, query).join(', ')}, r.response_id, r.type, r.score ` +
      `from ${ESCALATION_FOLLOW_UPS} r where ?`,
    [
      builder.and([
        ...builder.window('r.day', query.filter),
        ...builder.dimensionFilters(columns, query.filter),
      ]),
    ],
  );
  return toGroupRows(await builder.rows(followUpSums(builder, followUps, query)), query);
}

/**
 * The generation mix (queryCustomerMix) from the customer days, or null when the filter names channels,
 * reasons or entry points, which the rollup does not hold. A customer counts on its first day in the
 * window: the row whose previous day (with a session, for self-service users) precedes the window.
 */
export async function queryCustomerMixRollup(
  em: EntityManager,
  filter: MetricFilter,
): Promise<CustomerMix[] | null> {
  if (filter.channels != null || filter.reasons != null || filter.entries != null) return null;
  const builder = new SqlBuilder(em);
  const firstIn = (previous: string) =>
    filter.from
      ? builder.raw(`(${previous} is null or ${previous} < ?)`, [filter.from])
      : builder.raw(`${previous} is null`);
  const sql = builder.raw(
    'select r.generation as generation, ' +
      `${countWhere('?')} as "interactingCustomers", ` +
      `${countWhere('r.sessions > 0 and ?')} as "selfServiceUsers" ` +
      `from ${CUSTOMER_MIX_DAYS} r where ? group by r.generation`,
    [
      firstIn('r.previous_day'),
      firstIn('r.previous_session_day'),
      builder.and([...builder.window('r.day', filter), ...builder.dimensionFilters(SEGMENT_COLUMNS, filter)]),
    ],
  );
  return (await builder.rows(sql)).map((row) => ({
    generation: row.generation as Generation,
    interactingCustomers: Number(row.interactingCustomers),
    selfServiceUsers: Number(row.selfServiceUsers),
    assistedOnlyCustomers: Number(row.interactingCustomers) - Number(row.selfServiceUsers),
  }));
}

/** The churn-risk counts rollup's columns, where '' stands for an unknown segment value. */
const SCORE_KEYS: Partial<Record<Dimension, string>> = Object.fromEntries(
  Object.keys(CUSTOMER_COLUMNS).map((dimension) => [dimension, `r.${dimension}`]),
);

/** Whether a segment filter can be applied to the churn-risk counts: it must not name '' (unknown there). */
export function riskScoresFit(filter: MetricFilter): boolean {
  return [filter.generations, filter.regions, filter.tiers].every((values) => !values?.includes(''));
}

/** ScoreRows from the churn-risk counts rollup: a few thousand rows rather than every score. */
export const ROWS_FROM_RISK_ROLLUP: ScoreRows = (builder, query) => {
  const dimensions = query.dimensions.map((dimension, i) => `nullif(${SCORE_KEYS[dimension]}, '') as d${i}`);
  return builder.raw(
    `select ${[...dimensions, 'r.score', 'r.customers', 'r.value_cents as cents'].join(', ')} from ${RISK_SCORES} r where ?`,
    [builder.and([builder.raw('r.customers > 0'), ...builder.dimensionFilters(SCORE_KEYS, query.filter)])],
  );
};

/**
 * Scored active customers of a segment at or above `minScore`, from the churn-risk counts rollup; null
 * when it cannot answer (not built, or a filter naming '').
 */
export async function countScoresFromRollup(
  em: EntityManager,
  segment: MetricFilter,
  minScore: number,
): Promise<number | null> {
  if (!riskScoresFit(segment) || !(await rollupState(em.getKnex(), dialectOf(em)))) return null;
  const builder = new SqlBuilder(em);
  const [row] = await builder.rows(
    builder.raw(`select sum(r.customers) as n from ${RISK_SCORES} r where ?`, [
      builder.and([
        builder.raw('r.score >= ?', [minScore]),
        ...builder.dimensionFilters(SCORE_KEYS, segment),
      ]),
    ]),
  );
  return Number(row?.n ?? 0);
}
