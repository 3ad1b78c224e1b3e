import type { CalibrationBin } from './dto/risk-model.types.js';

/** A held-out customer: the predicted churn probability and whether the customer churned (1) or not (0). */
export interface Outcome {
  predicted: number;
  churned: number;
}

/**
 * Area under the ROC curve: the probability that a random churner is ranked above a random
 * non-churner, ties counting one half (the Mann-Whitney U statistic over both counts, with average
 * ranks for tied predictions). Null when either outcome is missing.
 */
export function areaUnderCurve(outcomes: readonly Outcome[]): number | null {
  const sorted = [...outcomes].sort((a, b) => a.predicted - b.predicted);
  const positives = sorted.filter((outcome) => outcome.churned === 1).length;
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return null;
  let rankSum = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end < sorted.length && sorted[end]!.predicted === sorted[start]!.predicted) end++;
    const averageRank = (start + 1 + end) / 2; // ranks start..end-1, 1-based
    for (let i = start; i < end; i++) if (sorted[i]!.churned === 1) rankSum += averageRank;
    start = end;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Calibration table: customers sorted by predicted probability and cut into `bins` groups of (nearly)
 * equal size, each with its mean prediction beside the share that actually churned. A calibrated model
 * has the two close in every bin.
 */
export function calibrationBins(outcomes: readonly Outcome[], bins = 10): CalibrationBin[] {
  const sorted = [...outcomes].sort((a, b) => a.predicted - b.predicted);
  const result: CalibrationBin[] = [];
  for (let bin = 0; bin < bins; bin++) {
    const members = sorted.slice(
      Math.floor((bin * sorted.length) / bins),
      Math.floor(((bin + 1) * sorted.length) / bins),
    );
    if (members.length === 0) continue;
    const sum = (value: (outcome: Outcome) => number) => members.reduce((total, o) => total + value(o), 0);
    result.push({
      customers: members.length,
      meanPredicted: sum((o) => o.predicted) / members.length,
      observedRate: sum((o) => o.churned) / members.length,
    });
  }
  return result;
}
