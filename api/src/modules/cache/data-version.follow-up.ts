import type { ImportFollowUp } from '../ingest/import-follow-up.js';
import { bumpDataVersion } from './data-version.js';

/** A committed import that wrote rows changes the data version in its own transaction. */
export const bumpDataVersionAfterImport: ImportFollowUp = async ({ trx, dialect, rowsWritten, change }) => {
  if (rowsWritten > 0) await bumpDataVersion(trx, dialect, change);
};
