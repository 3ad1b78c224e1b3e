import type { ImportFollowUp } from '../ingest/import-follow-ups.js';
import { CUSTOMERS_PER_CHUNK } from './risk-features.js';
import { RiskRefreshService } from './risk-refresh.service.js';

/**
 * Keeps churn-risk scores in step with every committed import, inside its transaction: the customers it
 * touched are rescored with scored_at = writtenAt (the alerts follow-up, after this one, reads them). An
 * import too large to list its customers cheaply rescores everyone, chunk by chunk. Nothing happens
 * before a model exists (`pnpm cx risk train`, or the demo seed, trains one).
 */
export const refreshRiskScores: ImportFollowUp = async ({ em, trx, writtenAt, rowsWritten }) => {
  if (rowsWritten === 0) return;
  const refresh = new RiskRefreshService(em, trx);
  await (rowsWritten > CUSTOMERS_PER_CHUNK
    ? refresh.refreshAll(writtenAt)
    : refresh.refreshTouched(writtenAt));
};
