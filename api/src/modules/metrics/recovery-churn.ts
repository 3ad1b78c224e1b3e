import type { EntityManager } from '@mikro-orm/knex';
import { countWhere } from '../../core/conditions.js';
import type { Generation } from '../customers/generation.js';
import { Dimension } from './dimension.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import { RECOVERY_CHURN_DAYS, type RecoveryGroup } from './dto/recovery-effectiveness.type.js';
import { inRecoveryEffectiveness, recoveryGroupOf } from './recovery-groups.js';
import { withinDaysAfter } from './rollups/agent-days.js';
import { derivedRollupsAnswer } from './rollups/derived-queries.js';
import { RECOVERY_DAYS } from './rollups/derived-rollups.js';
import { SqlBuilder } from './sql-builder.js';

/** The window and generations a recovery churn count is asked for. */
export type RecoveryChurnFilter = Pick<MetricFilter, 'from' | 'to' | 'generations'>;

/**
 * The recoveries of one generation and recovery group (recoveryEffectiveness's contacts), and how many of
 * them had their customer churn within RECOVERY_CHURN_DAYS after.
 */
export interface RecoveryChurn {
  generation: Generation;
  group: RecoveryGroup;
  contacts: number;
  churned: number;
}

/** Recoveries and churn after them per generation and group, in the window, from the facts. */
export async function queryRecoveryChurn(
  em: EntityManager,
  filter: RecoveryChurnFilter,
): Promise<RecoveryChurn[]> {
  const builder = new SqlBuilder(em);
  const churned = countWhere(withinDaysAfter(builder.dialect, 'k', 'c.churned_at', RECOVERY_CHURN_DAYS));
  return toRecoveryChurn(
    await builder.rows(
      builder.raw(
        `select c.generation, ${recoveryGroupOf('k')} as recovery, count(*) as contacts, ${churned} as churned ` +
          `from contacts k join customers c on c.id = k.customer_id ` +
          `where ${inRecoveryEffectiveness('k')} and c.generation is not null and ? group by 1, 2`,
        [
          builder.and([
            ...builder.window('k.started_at', filter),
            ...builder.dimensionFilters({ [Dimension.GENERATION]: 'c.generation' }, filter),
          ]),
        ],
      ),
    ),
  );
}

/**
 * The same from the recovery counts per day (rollup_recovery_days); null unless the rollups are built and
 * the window starts and ends at UTC midnights.
 */
export async function queryRecoveryChurnRollup(
  em: EntityManager,
  filter: RecoveryChurnFilter,
): Promise<RecoveryChurn[] | null> {
  if (!(await derivedRollupsAnswer(em, filter))) return null;
  const builder = new SqlBuilder(em);
  return toRecoveryChurn(
    await builder.rows(
      builder.raw(
        `select r.generation, r.recovery, sum(r.contacts) as contacts, sum(r.churned) as churned ` +
          `from ${RECOVERY_DAYS} r where r.generation <> '' and ? group by 1, 2 having sum(r.contacts) > 0`,
        [
          builder.and([
            ...builder.window('r.day', filter),
            ...builder.dimensionFilters({ [Dimension.GENERATION]: 'r.generation' }, filter),
          ]),
        ],
      ),
    ),
  );
}

function toRecoveryChurn(rows: Record<string, unknown>[]): RecoveryChurn[] {
  return rows.map((row) => ({
    generation: row.generation as Generation,
    group: row.recovery as RecoveryGroup,
    contacts: Number(row.contacts),
    churned: Number(row.churned),
  }));
}
