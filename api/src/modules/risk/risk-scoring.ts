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
  // Points for every known feature, labels (strings) only for the MAX_DRIVERS kept: at a million customers the
  // labels of the other thirty were most of the scoring time.
  const candidates: { j: number; points: number }[] = [];
  for (let j = 0; j < model.features.length; j++) {
    if (values[j] == null) continue;
    const points = Math.round(100 * (probability - sigmoid(z - weights[j]! * standardised[j]!)));
    if (points !== 0) candidates.push({ j, points });
  }
  const drivers: RiskDriver[] = candidates
    .sort(
      (a, b) =>
        Math.abs(b.points) - Math.abs(a.points) ||
        model.features[a.j]!.name.localeCompare(model.features[b.j]!.name),
    )
    .slice(0, MAX_DRIVERS)
    .map(({ j, points }) => ({
      feature: model.features[j]!.name,
      label: FEATURES[j]!.label(values[j]!),
      value: values[j]!,
      points,
    }));
  return { score: Math.round(100 * probability), drivers };
}
