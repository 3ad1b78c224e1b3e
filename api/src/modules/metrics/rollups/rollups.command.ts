import type { Command } from 'commander';
import { withOrm } from '../../../cli/with-orm.js';
import { dialectOf } from '../../../database/dialect.js';
import { rebuildRollups, type RebuildSummary } from './rollup-maintenance.js';

/** `pnpm cx rollups rebuild`: recompute the sequence flags and rollups from the facts, for repair. */
export function registerRollupsCommand(program: Command): void {
  program
    .command('rollups')
    .description('Pre-aggregated tables that metric queries answer from (imports keep them up to date).')
    .command('rebuild')
    .description('Recompute the sequence flags and every rollup from the facts, in one transaction.')
    .action(() =>
      withOrm(async (orm) => {
        console.log(formatRebuild((await rebuildRollups(orm.em.getKnex(), dialectOf(orm.em)))!));
      }),
    );
}

export function formatRebuild(summary: RebuildSummary): string {
  return [
    `Built the rollups from the facts in ${(summary.durationMs / 1000).toFixed(2)} s:`,
    ...Object.entries(summary.rowsByTable).map(
      ([table, rows]) => `  ${table.padEnd(42)}${rows.toLocaleString('en').padStart(12)} rows`,
    ),
  ].join('\n');
}
