import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { Dialect } from '../../database/dialect.js';
import type { DataChange } from '../cache/data-version.js';
import type { RecordKind } from './record-kind.js';

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
  /** Whether requests must see the rows at once, or may for a moment not (background applies). */
  change: DataChange;
}

export type ImportFollowUp = (written: WrittenImport) => Promise<void>;
