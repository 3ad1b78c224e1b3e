import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { Dialect } from '../../database/dialect.js';
import { refreshRiskScores } from '../risk/risk.follow-up.js';
import { raiseAlerts, raiseRiskAlerts } from '../alerts/alert-rules.follow-up.js';
import { bumpDataVersionAfterImport } from '../cache/data-version.follow-up.js';
import { RollupMaintenance } from '../metrics/rollups/rollup-maintenance.js';
import type { RecordKind } from './record-kind.js';
import type { RecordSpec } from './record-specs.js';

/**
 * What a committed import has just written, handed to the modules that keep derived data in step with
 * the facts (risk scores, alert rules). Follow-ups run inside the import's transaction, after
 * the last row is written and before the commit: if one fails, the import is rolled back whole, so
 * derived data never disagrees with the facts.
 */
export interface WrittenImport {
  kind: RecordKind;
  em: EntityManager;
  dialect: Dialect;
  trx: Knex.Transaction;
  /** The updated_at of every row this import inserted or changed (unchanged rows keep theirs). */
  writtenAt: Date;
  /** Rows inserted plus rows updated; 0 when the import only confirmed stored rows. */
  rowsWritten: number;
}

export type ImportFollowUp = (written: WrittenImport) => Promise<void>;

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
