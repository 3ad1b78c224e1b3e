import { errorFunction } from 'simple-statistics';

/** A two-sided z test of the difference between two windows' estimates. */
export interface Significance {
  pValue: number;
  significant: boolean;
}

/** Two-sided z test of `current − previous` given each estimate's variance (unpooled). */
function zTest(
  current: number,
  previous: number,
  currentVariance: number,
  previousVariance: number,
): Significance {
  const standardError = Math.sqrt(currentVariance + previousVariance);
  const difference = current - previous;
  if (standardError === 0) {
    return difference === 0 ? { pValue: 1, significant: false } : { pValue: 0, significant: true };
  }
  const zScore = difference / standardError;
  // The two-sided normal tail; erf's approximation has an absolute error below 1.2e-7.
  const pValue = 1 - errorFunction(Math.abs(zScore) / Math.SQRT2);
  return { pValue, significant: pValue < 0.05 };
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
