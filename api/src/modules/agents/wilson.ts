import { Z_95 } from '../metrics/measures.js';

/** A 95% interval of a proportion, in percent 0-100. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval (95%) of `successes` out of `trials`, in percent; null without trials. Unlike
 * p ± 1.96·sqrt(p(1−p)/n) it stays inside 0-100 and is honest about small samples: 1 out of 1 gives
 * 20.7-100, not 100-100.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: 100 * Math.max(0, center - half), high: 100 * Math.min(1, center + half) };
}
