import type { EntityManager } from '@mikro-orm/knex';
import { countWhere, isCsat, isDetractor, isNps, isPromoter } from '../../core/conditions.js';
import { DAY_SECONDS } from '../../core/time.js';
import { fromDbTime, plusSeconds, timeBucket } from '../../database/dialect.js';
import { checkWindowOrder } from '../../core/filters.js';
import { Dimension } from './dimension.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import {
  RECOVERY_CHURN_DAYS,
  RECOVERY_SURVEY_DAYS,
  RecoveryGroup,
  type RecoveryEffectiveness,
  type RecoveryOutcome,
  type RecoveryTrend,
} from './dto/recovery-effectiveness.type.js';
import { MEASURES, percent, ratio, type Aggregates } from './measures.js';
import { validateMetricsRequest } from './metrics.service.js';
import { inRecoveryEffectiveness, recoveryGroupOf } from './recovery-groups.js';
import { CUSTOMER_COLUMNS, SqlBuilder } from './sql-builder.js';
import { clippedBucket, defaultTrendGrain, type TimeGrain } from './time-grain.js';

const BY_RECOVERY = [RecoveryGroup.APOLOGY, RecoveryGroup.PERKS_ONLY, RecoveryGroup.NEITHER];
const BY_POLICY = [
  RecoveryGroup.WITHIN_POLICY,
  RecoveryGroup.OUT_OF_POLICY_PEER_APPROVED,
  RecoveryGroup.OUT_OF_POLICY_NOT_APPROVED,
];

const POLICY_OF_CONTACT =
  `case when k.out_of_policy = true and k.peer_approved = true then '${RecoveryGroup.OUT_OF_POLICY_PEER_APPROVED}' ` +
  `when k.out_of_policy = true then '${RecoveryGroup.OUT_OF_POLICY_NOT_APPROVED}' else '${RecoveryGroup.WITHIN_POLICY}' end`;

/** The sums each outcome is derived from, by the names the survey measures use. */
const SUMS = [
  'contacts',
  'resolved',
  'churned',
  'recompensed',
  'recompenseCost',
  'npsResponses',
  'promoters',
  'detractors',
  'csatResponses',
  'csatSum',
];

/**
 * Recovery analytics over the contacts on which recovery was recorded. One query: per contact (in the window
 * and segment), the survey answers its customer gave within RECOVERY_SURVEY_DAYS and whether the customer
 * churned within RECOVERY_CHURN_DAYS; then sums per recovery and policy group, split apart here.
 */
export class RecoveryEffectivenessService {
  constructor(private readonly em: EntityManager) {}

  async effectiveness(filter: MetricFilter): Promise<RecoveryEffectiveness> {
    const rows = await this.groupSums(filter, null);
    return { ...outcomes(rows), filter };
  }

  /**
   * The same outcomes per period of `grain` (by default the one that follows the window length), by the
   * start of each contact: the periods holding a contact, each cut to the window and marked when partial.
   */
  async trend(filter: MetricFilter, grain: TimeGrain | null, now: Date = new Date()): Promise<RecoveryTrend> {
    const used = grain ?? defaultTrendGrain(filter, now);
    const rows = await this.groupSums(filter, used);
    const periods = [...new Set(rows.map((row) => fromDbTime(row.period).getTime()))].sort((a, b) => a - b);
    return {
      grain: used,
      points: periods.map((time) => {
        const bucket = clippedBucket(new Date(time), used, filter, now);
        return {
          period: bucket.start,
          periodEnd: bucket.end,
          partial: bucket.partial,
          ...outcomes(rows.filter((row) => fromDbTime(row.period).getTime() === time)),
        };
      }),
    };
  }

  /** The sums of SUMS per recovery and policy group (and period of `grain`, when given), summed in SQL. */
  private async groupSums(filter: MetricFilter, grain: TimeGrain | null): Promise<Record<string, unknown>[]> {
    checkWindowOrder(filter);
    // The contact measures' rules: contacts split by channel, reason and the customer dimensions, not by entry.
    validateMetricsRequest({ measures: ['contacts'], dimensions: [], grain: null, filter });
    const builder = new SqlBuilder(this.em);
    const { dialect } = builder;
    const columns = { [Dimension.CHANNEL]: 'k.channel', [Dimension.REASON]: 'k.reason', ...CUSTOMER_COLUMNS };
    const period = grain ? timeBucket(dialect, 'k.started_at', grain) : 'null';
    const perContact = builder.raw(
      `select ${period} as period, ${recoveryGroupOf('k')} as recovery, ${POLICY_OF_CONTACT} as policy, ` +
        `max(case when k.resolved = true then 1 else 0 end) as resolved, ` +
        `max(case when c.churned_at > k.started_at and c.churned_at <= ${plusSeconds(dialect, 'k.started_at', RECOVERY_CHURN_DAYS * DAY_SECONDS)} then 1 else 0 end) as churned, ` +
        `max(k.recompense_value) as recompense, ` +
        `${countWhere(isNps('r'))} as "npsResponses", ${countWhere(isPromoter('r'))} as promoters, ` +
        `${countWhere(isDetractor('r'))} as detractors, ${countWhere(isCsat('r'))} as "csatResponses", ` +
        `sum(case when ${isCsat('r')} then r.score else 0 end) as "csatSum" ` +
        `from contacts k join customers c on c.id = k.customer_id ` +
        `left join survey_responses r on r.customer_id = k.customer_id and r.responded_at > k.started_at ` +
        `and r.responded_at <= ${plusSeconds(dialect, 'k.started_at', RECOVERY_SURVEY_DAYS * DAY_SECONDS)} ` +
        `where ${inRecoveryEffectiveness('k')} and ? ` +
        `group by k.id, k.started_at, k.apology, k.recompense_type, k.out_of_policy, k.peer_approved`,
      [
        builder.and([
          ...builder.window('k.started_at', filter),
          ...builder.dimensionFilters(columns, filter),
        ]),
      ],
    );
    return builder.rows(
      builder.raw(
        `select period, recovery, policy, count(*) as contacts, sum(resolved) as resolved, sum(churned) as churned, ` +
          `count(recompense) as recompensed, sum(recompense) as "recompenseCost", ` +
          `sum("npsResponses") as "npsResponses", sum(promoters) as promoters, sum(detractors) as detractors, ` +
          `sum("csatResponses") as "csatResponses", sum("csatSum") as "csatSum" from (?) x ` +
          `group by period, recovery, policy`,
        [perContact],
      ),
    );
  }
}

/** The outcomes of every recovery and policy group from the sums of `rows` (one per group and period). */
function outcomes(rows: Record<string, unknown>[]): Pick<RecoveryEffectiveness, 'byRecovery' | 'byPolicy'> {
  const outcomeOf = (group: RecoveryGroup, column: 'recovery' | 'policy') => {
    const sums: Aggregates = Object.fromEntries(SUMS.map((name) => [name, 0]));
    for (const row of rows.filter((candidate) => candidate[column] === group)) {
      for (const name of SUMS) sums[name]! += Number(row[name] ?? 0);
    }
    return toOutcome(group, sums);
  };
  return {
    byRecovery: BY_RECOVERY.map((group) => outcomeOf(group, 'recovery')),
    byPolicy: BY_POLICY.map((group) => outcomeOf(group, 'policy')),
  };
}

function toOutcome(group: RecoveryGroup, a: Aggregates): RecoveryOutcome {
  return {
    group,
    contacts: a.contacts!,
    resolvedRate: percent(a.resolved, a.contacts),
    npsAfter: MEASURES.nps.derive(a),
    npsResponsesAfter: a.npsResponses!,
    csatAfter: MEASURES.avgCsat.derive(a),
    csatResponsesAfter: a.csatResponses!,
    churnRateAfter: percent(a.churned, a.contacts),
    recompensed: a.recompensed!,
    recompenseCost: a.recompenseCost!,
    avgRecompense: ratio(a.recompenseCost, a.recompensed),
    recompenseAvg: ratio(a.recompenseCost, a.recompensed),
  };
}
