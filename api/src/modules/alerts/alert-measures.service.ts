import type { EntityManager, Knex } from '@mikro-orm/knex';
import { HOUR_MS } from '../../core/time.js';
import { readerKnex } from '../../database/read-routing.js';
import {
  dialectOf,
  fromDbTime,
  millisBetween,
  selectRows,
  timeBucket,
  toDbValue,
} from '../../database/dialect.js';
import { checkWindowOrder } from '../../core/filters.js';
import type { Tier } from '../customers/tier.js';
import { percent } from '../metrics/measures.js';
import type { TimeGrain } from '../metrics/time-grain.js';
import type { AlertRule } from './alert-rule.js';
import { AlertDimension, type AlertMeasureRow, type AlertWindow } from './dto/alert-measures.type.js';

const GROUP = 'period, rule, tier';

/**
 * Time to acknowledge, time to resolve (mean and median) and the share resolved within SLA, per group,
 * in one grouped query. Medians are computed in SQL that both databases run: each duration is ranked
 * within its group (window functions), and the middle one or two are averaged.
 */
export class AlertMeasuresService {
  constructor(private readonly em: EntityManager) {}

  async measures(
    dimensions: readonly AlertDimension[],
    grain: TimeGrain | null,
    window: AlertWindow,
  ): Promise<AlertMeasureRow[]> {
    checkWindowOrder(window);
    const dialect = dialectOf(this.em);
    const bounds = [
      { condition: 'opened_at >= ?', at: window.from },
      { condition: 'opened_at < ?', at: window.to },
    ].filter((bound): bound is { condition: string; at: Date } => bound.at != null);
    const conditions = ['true', ...bounds.map(({ condition }) => condition)];
    const bindings = bounds.map(({ at }) => toDbValue(dialect, at) as Knex.Value);
    const splitBy = (dimension: AlertDimension) => (dimensions.includes(dimension) ? dimension : 'null');
    const durations =
      `select ${grain ? timeBucket(dialect, 'opened_at', grain) : 'null'} as period, ` +
      `${splitBy(AlertDimension.RULE)} as rule, ${splitBy(AlertDimension.TIER)} as tier, ` +
      `${millisBetween(dialect, 'opened_at', 'acknowledged_at')} as ack, ` +
      `${millisBetween(dialect, 'opened_at', 'resolved_at')} as res, ` +
      'case when resolved_at <= due_at then 1 else 0 end as in_sla ' +
      `from alerts where ${conditions.join(' and ')}`;
    const ranked = `select d.*, ${rank('ack')}, ${rank('res')} from (${durations}) d`;
    const rows = await selectRows(
      dialect,
      readerKnex(this.em).raw(
        `select ${GROUP}, count(*) as alerts, count(ack) as acknowledged, count(res) as resolved, ` +
          'sum(case when res is not null then in_sla else 0 end) as within_sla, ' +
          `avg(ack) as ack_mean, ${median('ack')} as ack_median, avg(res) as res_mean, ${median('res')} as res_median ` +
          `from (${ranked}) r group by ${GROUP} order by ${GROUP}`,
        bindings,
      ),
    );
    return rows.map((row) => {
      const resolved = Number(row.resolved);
      const withinSla = Number(row.within_sla);
      const [toAcknowledge, toResolve] = [hours(row.ack_mean), hours(row.res_mean)];
      return {
        period: row.period == null ? null : fromDbTime(row.period),
        rule: (row.rule as AlertRule | null) ?? null,
        tier: (row.tier as Tier | null) ?? null,
        alerts: Number(row.alerts),
        acknowledged: Number(row.acknowledged),
        resolved,
        resolvedWithinSla: withinSla,
        avgHoursToAcknowledge: toAcknowledge,
        meanHoursToAcknowledge: toAcknowledge,
        medianHoursToAcknowledge: hours(row.ack_median),
        avgHoursToResolve: toResolve,
        meanHoursToResolve: toResolve,
        medianHoursToResolve: hours(row.res_median),
        resolvedWithinSlaRate: percent(withinSla, resolved),
      };
    });
  }
}

/** Rank of a duration among the non-null durations of its group, and how many there are. */
function rank(column: string): string {
  return (
    `row_number() over (partition by ${GROUP}, ${column} is null order by ${column}) as ${column}_rank, ` +
    `count(${column}) over (partition by ${GROUP}) as ${column}_n`
  );
}

/** The middle value, or the mean of the middle two, of a ranked duration. */
function median(column: string): string {
  return `avg(case when ${column} is not null and ${column}_rank in ((${column}_n + 1) / 2, (${column}_n + 2) / 2) then ${column} end)`;
}

function hours(milliseconds: unknown): number | null {
  return milliseconds == null ? null : Number(milliseconds) / HOUR_MS;
}
