import type { RiskDriver } from './dto/risk-driver.type.js';
import { linearPredictor, sigmoid } from './logistic-regression.js';
import { FEATURES } from './risk-features.js';
import type { FittedFeature } from './dto/risk-model.types.js';

/** What scoring needs of a stored model. */
export interface ScoringModel {
  version: string;
  intercept: number;
  /** In FEATURES order. */
  features: FittedFeature[];
}

/** At most this many drivers are kept with a score. */
export const MAX_DRIVERS = 5;

/** (value − mean) / scale; an unknown value sits at the mean, so it neither raises nor lowers the score. */
export function standardise(
  values: readonly (number | null)[],
  features: readonly Pick<FittedFeature, 'mean' | 'scale'>[],
): number[] {
  return features.map(({ mean, scale }, j) => {
    const value = values[j];
    return value == null ? 0 : (value - mean) / scale;
  });
}

/**
 * The score (probability × 100, rounded) and its drivers. A feature's effect in points is how far the
 * probability would fall (or rise) if that feature alone were at the training average: 100 × (p −
 * σ(z − wᵢ·xᵢ)). Unlike a share of the log-odds, that reads as score points, and it is what an
 * executive asks ("what if this had not happened?"). Effects are not additive, as the model is not.
 */
export function explainScore(
  model: ScoringModel,
  values: readonly (number | null)[],
): { score: number; drivers: RiskDriver[] } {
  const standardised = standardise(values, model.features);
  const weights = model.features.map((feature) => feature.weight);
  const z = linearPredictor({ intercept: model.intercept, weights }, standardised);
  const probability = sigmoid(z);
  const drivers = model.features
    .map(({ name, weight }, j) => {
      const value = values[j];
      if (value == null) return null;
      const points = Math.round(100 * (probability - sigmoid(z - weight * standardised[j]!)));
      return { feature: name, label: FEATURES[j]!.label(value), value, points };
    })
    .filter((driver): driver is RiskDriver => driver !== null && driver.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.feature.localeCompare(b.feature))
    .slice(0, MAX_DRIVERS);
  return { score: Math.round(100 * probability), drivers };
}
