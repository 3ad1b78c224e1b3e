import type { ImportFollowUp } from '../ingest/import-follow-up.js';
import { RiskRefreshService } from './risk-refresh.service.js';

/**
 * Keeps churn-risk scores in step with every committed import, inside its transaction: the customers it
 * touched, and only they, are rescored with scored_at = writtenAt (the alerts follow-up, after this one,
 * reads them), a chunk of them at a time however large the import. Nothing happens before a model
 * exists (`pnpm cx risk train`, or the demo seed, trains one).
 */
export const refreshRiskScores: ImportFollowUp = async ({ em, trx, writtenAt, rowsWritten }) => {
  if (rowsWritten === 0) return;
  await new RiskRefreshService(em, trx).refreshTouched(writtenAt);
};
