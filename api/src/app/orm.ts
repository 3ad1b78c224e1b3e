import type { DatabaseConfig } from '../config.js';
import { openOrm, type Orm } from '../database/orm.js';
import { buildRollupsIfStale } from '../modules/metrics/rollups/rollup-maintenance.js';
import { ENTITIES } from './entities.js';

export type { Orm };

/**
 * Opens the application's database: every module's entities, the schema brought up to date unless told
 * otherwise, and the rollups built when they are missing or stale (built from other definitions). Never
 * drops anything.
 */
export function initOrm(database: DatabaseConfig, { migrate = true } = {}): Promise<Orm> {
  return openOrm(database, {
    entities: ENTITIES,
    migrate,
    afterMigrate: (orm) => buildRollupsIfStale(orm.em),
  });
}
