import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { initOrm } from '../app/orm.js';
import { migrateSchema } from '../database/orm.js';
import { buildRollupsIfStale } from '../modules/metrics/rollups/rollup-maintenance.js';
import { formatRebuild } from '../modules/metrics/rollups/rollups.command.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending schema migrations (start and serve do this on their own).')
    .action(async () => {
      const config = loadConfig();
      const orm = await initOrm(config.database, { migrate: false });
      try {
        const applied = await migrateSchema(orm);
        console.log(
          applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'schema is up to date',
        );
        const built = await buildRollupsIfStale(orm.em);
        if (built) console.log(formatRebuild(built));
      } finally {
        await orm.close();
      }
    });
}
