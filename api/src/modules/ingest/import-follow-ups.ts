import type { Knex } from '@mikro-orm/knex';
import type { Dialect } from '../../database/dialect.js';
import { refreshRiskScores } from '../risk/risk.follow-up.js';
import { raiseAlerts, raiseRiskAlerts } from '../alerts/alert-rules.follow-up.js';
import { bumpDataVersionAfterImport } from '../cache/data-version.follow-up.js';
import { RollupMaintenance } from '../metrics/rollups/rollup-maintenance.js';
import type { RecordKind } from './record-kind.js';
import type { RecordSpec } from './record-specs.js';
import type { ImportFollowUp } from './import-follow-up.js';

export type { ImportFollowUp, WrittenImport } from './import-follow-up.js';

/** Run in this order after every committed import (later follow-ups may read what earlier ones wrote). */
export const IMPORT_FOLLOW_UPS: readonly ImportFollowUp[] = [
  refreshRiskScores,
  raiseAlerts,
  raiseRiskAlerts,
  bumpDataVersionAfterImport,
];

/**
 * What must be adjusted around each batch's write rather than after the import: the rollups subtract
 * what the touched customers contributed before their rows change (see RollupMaintenance).
 */
export function startBatchMaintenance(
  kind: RecordKind,
  spec: RecordSpec,
  trx: Knex.Transaction,
  dialect: Dialect,
): RollupMaintenance {
  return new RollupMaintenance(kind, spec, trx, dialect);
}
