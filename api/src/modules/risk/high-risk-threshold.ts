import { loadAlertRules } from '../../config.js';

/**
 * The high-risk threshold: the risk-jump alert rule's (CX_ALERT_RULES riskJump.threshold, default 70), so the
 * at-risk count beside revenue at risk and the alert agree on who is at high risk.
 */
export function highRiskThreshold(env: Record<string, string | undefined> = process.env): number {
  return loadAlertRules(env).riskJump.threshold;
}
