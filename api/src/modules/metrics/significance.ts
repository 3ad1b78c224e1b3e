import { errorFunction } from 'simple-statistics';
import type { Aggregates } from './measures.js';

/** A two-sided z test of the difference between two windows' estimates. */
export interface Significance {
  zScore: number;
  pValue: number;
  significant: boolean;
}

/**
 * Two-sided z test of `current − previous` given each estimate's variance; null when either side has
 * fewer than two observations (no variance to speak of).
 */
function zTest(
  current: number,
  previous: number,
  currentVariance: number,
  previousVariance: number,
): Significance {
  const standardError = Math.sqrt(currentVariance + previousVariance);
  const difference = current - previous;
  if (standardError === 0) {
    return difference === 0
      ? { zScore: 0, pValue: 1, significant: false }
      : { zScore: Math.sign(difference) * Infinity, pValue: 0, significant: true };
  }
  const zScore = difference / standardError;
  // The two-sided normal tail; erf's approximation has an absolute error below 1.2e-7.
  const pValue = 1 - errorFunction(Math.abs(zScore) / Math.SQRT2);
  return { zScore, pValue, significant: pValue < 0.05 };
}

/** Variance of an NPS estimate, in NPS points squared: 100² × (p + d − (p − d)²) / n. */
export function npsVariance(a: Aggregates): number | null {
  const n = a.npsResponses ?? 0;
  if (n < 2) return null;
  const p = a.promoters! / n;
  const d = a.detractors! / n;
  return (100 ** 2 * (p + d - (p - d) ** 2)) / n;
}

/** Variance of the mean CSAT score (sample variance / n). */
export function csatMeanVariance(a: Aggregates): number | null {
  const n = a.csatResponses ?? 0;
  if (n < 2) return null;
  const sampleVariance = (a.csatSquares! - a.csatSum! ** 2 / n) / (n - 1);
  return Math.max(sampleVariance, 0) / n;
}

/** Compares two estimates with their variances; null when a variance is unknown. */
export function compareEstimates(
  current: number | null,
  previous: number | null,
  currentVariance: number | null,
  previousVariance: number | null,
): Significance | null {
  if (current === null || previous === null || currentVariance === null || previousVariance === null)
    return null;
  return zTest(current, previous, currentVariance, previousVariance);
}
