import type { EntityManager } from '@mikro-orm/knex';
import type { Generation } from '../customers/generation.js';
import { Dimension } from './dimension.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import type { RecoveryGroup } from './dto/recovery-effectiveness.type.js';
import { percent } from './measures.js';
import { RecoveryEffectivenessService } from './recovery-effectiveness.service.js';
import { derivedRollupsAnswer } from './rollups/derived-queries.js';
import { RECOVERY_DAYS } from './rollups/derived-rollups.js';
import { SqlBuilder } from './sql-builder.js';

/** The window and the generations whose recoveries are counted. */
export type RecoveryChurnFilter = Pick<MetricFilter, 'from' | 'to'> & { generations: Generation[] };

/**
 * The recoveries of one generation and recovery group in a window, as recoveryEffectiveness counts them
 * (`contacts`, `churnRateAfter`): groups without recoveries are left out.
 */
export interface RecoveryChurn {
  generation: Generation;
  group: RecoveryGroup;
  contacts: number;
  churnRate: number | null;
}

/** recoveryEffectiveness's recoveries and churn after them, per generation and group, from the facts. */
export async function queryRecoveryChurn(
  em: EntityManager,
  { from, to, generations }: RecoveryChurnFilter,
): Promise<RecoveryChurn[]> {
  const service = new RecoveryEffectivenessService(em);
  const counts: RecoveryChurn[] = [];
  for (const generation of generations) {
    const { byRecovery } = await service.effectiveness({ from, to, generations: [generation] });
    for (const outcome of byRecovery) {
      if (outcome.contacts > 0)
        counts.push({
          generation,
          group: outcome.group,
          contacts: outcome.contacts,
          churnRate: outcome.churnRateAfter,
        });
    }
  }
  return counts;
}

/**
 * The same from the recovery counts per day (rollup_recovery_days), in one statement whatever the
 * generations; null unless the rollups are built and the window starts and ends at UTC midnights.
 */
export async function queryRecoveryChurnRollup(
  em: EntityManager,
  filter: RecoveryChurnFilter,
): Promise<RecoveryChurn[] | null> {
  if (!(await derivedRollupsAnswer(em, filter))) return null;
  const builder = new SqlBuilder(em);
  const rows = await builder.rows(
    builder.raw(
      `select r.generation, r.recovery, sum(r.contacts) as contacts, sum(r.churned) as churned ` +
        `from ${RECOVERY_DAYS} r where ? group by 1, 2 having sum(r.contacts) > 0`,
      [
        builder.and([
          ...builder.window('r.day', filter),
          ...builder.dimensionFilters({ [Dimension.GENERATION]: 'r.generation' }, filter),
        ]),
      ],
    ),
  );
  return rows.map((row) => ({
    generation: row.generation as Generation,
    group: row.recovery as RecoveryGroup,
    contacts: Number(row.contacts),
    churnRate: percent(Number(row.churned), Number(row.contacts)),
  }));
}
