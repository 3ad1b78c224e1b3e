import type { StoredCalibrationBin } from './dto/risk-model.types.js';

/** A held-out example (a customer at a snapshot): the predicted churn probability and whether the customer churned (1) or not (0). */
export interface Outcome {
  predicted: number;
  churned: number;
  /** Who the example is of: a customer seen at several training snapshots is one customer several times. */
  customer?: number;
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
 * equal size, each with its mean prediction beside the share that actually churned, and that share's 95%
 * interval (wilsonInterval) counting each distinct customer once: a customer's examples at several
 * snapshots are not independent, so the interval is the one for the fewest independent draws they could
 * be (wider than counting examples; exact when a customer's outcomes always agree). A calibrated model has
 * the mean prediction inside the interval in about 19 bins of 20.
 */
export function calibrationBins(outcomes: readonly Outcome[], bins = 10): StoredCalibrationBin[] {
  const sorted = [...outcomes].sort((a, b) => a.predicted - b.predicted);
  const result: StoredCalibrationBin[] = [];
  for (let bin = 0; bin < bins; bin++) {
    const members = sorted.slice(
      Math.floor((bin * sorted.length) / bins),
      Math.floor(((bin + 1) * sorted.length) / bins),
    );
    if (members.length === 0) continue;
    const sum = (value: (outcome: Outcome) => number) => members.reduce((total, o) => total + value(o), 0);
    const churners = sum((o) => o.churned);
    const observedRate = churners / members.length;
    const distinctCustomers = new Set(members.map((o, i) => o.customer ?? -1 - i)).size;
    const interval = wilsonInterval(observedRate, distinctCustomers);
    result.push({
      customers: members.length,
      distinctCustomers,
      churners,
      meanPredicted: sum((o) => o.predicted) / members.length,
      observedRate,
      observedLower: interval.lower,
      observedUpper: interval.upper,
    });
  }
  return result;
}

/**
 * The Wilson score interval (95%, z = 1.96) of a proportion `rate` observed on `n` independent draws:
 * (rate + z²/2n ± z·√(rate(1 − rate)/n + z²/4n²)) / (1 + z²/n). Unlike rate ± z·SE it stays inside 0-1
 * and is not empty when rate is 0. The whole 0-1 range when n is 0.
 */
export function wilsonInterval(rate: number, n: number, z = 1.96): { lower: number; upper: number } {
  if (n <= 0) return { lower: 0, upper: 1 };
  const z2 = z * z;
  const centre = rate + z2 / (2 * n);
  const half = z * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    lower: Math.max(0, (centre - half) / denominator),
    upper: Math.min(1, (centre + half) / denominator),
  };
}

/**
 * The 95% interval of an AUC by Hanley and McNeil (1982): SE² = (A(1 − A) + (n₁ − 1)(Q₁ − A²) +
 * (n₀ − 1)(Q₂ − A²)) / (n₁ n₀), Q₁ = A / (2 − A), Q₂ = 2A² / (1 + A), with n₁ churners and n₀ non-churners;
 * A ± 1.96 SE, clipped to 0-1. Null without an AUC.
 */
export function aucInterval(
  auc: number | null,
  churners: number,
  nonChurners: number,
): { lower: number; upper: number } | null {
  if (auc === null || churners === 0 || nonChurners === 0) return null;
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance =
    (auc * (1 - auc) + (churners - 1) * (q1 - auc * auc) + (nonChurners - 1) * (q2 - auc * auc)) /
    (churners * nonChurners);
  const half = 1.96 * Math.sqrt(Math.max(0, variance));
  return { lower: Math.max(0, auc - half), upper: Math.min(1, auc + half) };
}

/**
 * The share of all churners found among the highest-scored tenth (lift): outcomes sorted by prediction,
 * highest first, ties in the order given; the top round(n / 10) of them. Null without churners.
 */
export function topDecileShare(outcomes: readonly Outcome[]): number | null {
  const churners = outcomes.filter((outcome) => outcome.churned === 1).length;
  if (churners === 0) return null;
  const top = [...outcomes]
    .sort((a, b) => b.predicted - a.predicted)
    .slice(0, Math.round(outcomes.length / 10));
  return top.filter((outcome) => outcome.churned === 1).length / churners;
}

/** Brier score: mean squared difference between predicted probability and outcome (0 best); null when empty. */
export function brierScore(outcomes: readonly Outcome[]): number | null {
  if (outcomes.length === 0) return null;
  return outcomes.reduce((sum, o) => sum + (o.predicted - o.churned) ** 2, 0) / outcomes.length;
}
