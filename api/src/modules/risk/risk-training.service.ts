import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { DAY_MS } from '../../core/time.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import { fitLogistic, linearPredictor, sigmoid } from './logistic-regression.js';
import {
  areaUnderCurve,
  aucInterval,
  brierScore,
  calibrationBins,
  topDecileShare,
  type Outcome,
} from './model-quality.js';
import {
  customerChunks,
  customerFeatures,
  FEATURES,
  LOOKBACK_DAYS,
  type CustomerFeatures,
} from './risk-features.js';
import type { FittedFeature } from './dto/risk-model.types.js';
import { RiskModel } from './risk-model.entity.js';
import { standardise } from './risk-scoring.js';
import { dataEnd, dataStart } from './risk-store.js';

/** The outcome a score predicts: churn within this many days of the instant its features are taken at. */
export const OUTCOME_DAYS = 90;
/** L2 penalty on standardised features: light, against unstable weights on rare signals. */
export const L2_PENALTY = 1;
/**
 * Under this many training churners the penalty grows as PENALTY_CHURNERS / churners: a few dozen churners
 * cannot support tens of free weights (300 customers gave scores of 100 and a held-out AUC of 0.02 with λ = 1).
 */
export const PENALTY_CHURNERS = 500;

/** The L2 penalty for a fit on this many churners: L2_PENALTY, or more on few of them. */
export function penaltyFor(churners: number): number {
  return Math.max(L2_PENALTY, PENALTY_CHURNERS / Math.max(1, churners));
}
/** Customers are split into this many folds by a hash of their id, the same ones on every run. */
export const FOLDS = 5;
/** Fewest churners (and non-churners) among the examples for a fit worth storing. */
export const MIN_OUTCOMES = 10;
/** At most this many training snapshots, SNAPSHOT_STEP_DAYS apart, the latest OUTCOME_DAYS before the end. */
export const MAX_SNAPSHOTS = 4;
export const SNAPSHOT_STEP_DAYS = 30;
/** Earlier snapshots are added only while the examples stay under this (memory and fitting time at millions). */
const MAX_EXAMPLES = 1_000_000;

/** Raised when the data cannot support a model; the message says why. */
export class RiskTrainingError extends Error {
  override name = 'RiskTrainingError';
}

/** One example: a customer's features as of one snapshot and whether they churned after. */
export interface Example {
  customer: CustomerFeatures;
  churned: 0 | 1;
}

/**
 * Fits the churn-risk model on customers whose outcome is known. The features of every customer active at a
 * snapshot are taken as of that instant from the facts before it; the outcome is whether they churned in the
 * OUTCOME_DAYS after it. The latest snapshot is OUTCOME_DAYS before the end of the data; earlier ones, every
 * SNAPSHOT_STEP_DAYS, are added (up to MAX_SNAPSHOTS) when the data reaches LOOKBACK_DAYS before them, so
 * their features are as complete as today's. Nothing after a snapshot reaches its features, so the fit cannot
 * learn from the churn it predicts, and the model answers the question scoring asks of today's features:
 * will this customer leave in the next 90 days? The stored model is fitted on every example; its quality is
 * measured out of fold (FOLDS-fold cross-validation by customer), against two simple baselines on the same
 * examples.
 */
export class RiskTrainingService {
  constructor(private readonly em: EntityManager) {}

  async train(trainedAt = new Date()): Promise<RiskModel> {
    const builder = new SqlBuilder(this.em);
    const [end, start] = await Promise.all([dataEnd(builder), dataStart(builder)]);
    if (!end) throw new RiskTrainingError('no data to train the churn-risk model on');
    const snapshotAt = new Date(end.getTime() - OUTCOME_DAYS * DAY_MS);
    const chunks = await customerChunks(builder);
    const examples: Example[] = [];
    let snapshots = 0;
    for (let k = 0; k < MAX_SNAPSHOTS; k++) {
      const at = new Date(snapshotAt.getTime() - k * SNAPSHOT_STEP_DAYS * DAY_MS);
      const complete = start !== null && at.getTime() - LOOKBACK_DAYS * DAY_MS >= start.getTime();
      if (k > 0 && (!complete || examples.length * (1 + 1 / k) > MAX_EXAMPLES)) break;
      const outcomeEnd = at.getTime() + OUTCOME_DAYS * DAY_MS;
      for (const scope of chunks) {
        for (const customer of await customerFeatures(builder, at, scope)) {
          const churned = customer.churnedAt !== null && customer.churnedAt.getTime() < outcomeEnd ? 1 : 0;
          examples.push({ customer, churned });
        }
      }
      snapshots++;
    }
    const churners = examples.filter(({ churned }) => churned === 1).length;
    if (Math.min(churners, examples.length - churners) < MIN_OUTCOMES) {
      throw new RiskTrainingError(
        `too few known outcomes to train the churn-risk model: ${churners} of ${examples.length} ` +
          `customers churned within ${OUTCOME_DAYS} days of ${snapshotAt.toISOString()}; at least ${MIN_OUTCOMES} ` +
          'churners and non-churners are needed',
      );
    }
    const outcomes = outOfFoldOutcomes(examples);
    const { fit, features, penalty } = fitExamples(examples);
    const auc = areaUnderCurve(outcomes);
    // The interval counts distinct customers, not examples: a customer seen at several snapshots is one.
    const churnerIds = new Set(
      examples.filter(({ churned }) => churned === 1).map(({ customer }) => customer.id),
    );
    const nonChurnerIds = new Set(
      examples.filter(({ customer }) => !churnerIds.has(customer.id)).map(({ customer }) => customer.id),
    );
    const interval = aucInterval(auc, churnerIds.size, nonChurnerIds.size);
    const baseline = (name: string, predicted: (value: number) => number) => {
      const j = FEATURES.findIndex((feature) => feature.name === name);
      return areaUnderCurve(
        examples.map(({ customer, churned }) => ({
          predicted: predicted(customer.values[j] ?? features[j]!.mean),
          churned,
        })),
      );
    };
    const model = Object.assign(new RiskModel(), {
      version: versionOf(fit.intercept, features),
      trainedAt,
      snapshotAt,
      snapshots,
      outcomeDays: OUTCOME_DAYS,
      penalty,
      intercept: fit.intercept,
      featuresJson: JSON.stringify(features),
      trainingCustomers: examples.length,
      trainingChurners: churners,
      heldOutCustomers: outcomes.length,
      heldOutChurners: outcomes.filter((outcome) => outcome.churned === 1).length,
      auc,
      aucLower: interval?.lower ?? null,
      aucUpper: interval?.upper ?? null,
      npsBaselineAuc: baseline('npsLatest', (nps) => -nps),
      contactsBaselineAuc: baseline('contacts30', (contacts) => contacts),
      topDecileShare: topDecileShare(outcomes),
      brierScore: brierScore(outcomes),
      calibrationJson: JSON.stringify(calibrationBins(outcomes)),
    });
    await this.em.persist(model).flush();
    return model;
  }
}

/** Means and standard deviations over the known values of the training customers (scale 1 when constant). */
function standardisationOf(customers: readonly CustomerFeatures[]): Omit<FittedFeature, 'weight'>[] {
  return FEATURES.map(({ name }, j) => {
    const known = customers
      .map((customer) => customer.values[j])
      .filter((value): value is number => value != null);
    const mean = known.length ? known.reduce((sum, value) => sum + value, 0) / known.length : 0;
    const variance = known.length
      ? known.reduce((sum, value) => sum + (value - mean) ** 2, 0) / known.length
      : 0;
    return { name, mean, scale: variance > 0 ? Math.sqrt(variance) : 1 };
  });
}

/** A model fitted on some examples: its fit, the standardisation it was fitted with, and the penalty. */
interface FittedExamples {
  fit: ReturnType<typeof fitLogistic>;
  features: FittedFeature[];
  penalty: number;
}

function fitExamples(examples: readonly Example[]): FittedExamples {
  const standardisation = standardisationOf(examples.map(({ customer }) => customer));
  const penalty = penaltyFor(examples.filter(({ churned }) => churned === 1).length);
  const fit = fitLogistic(
    examples.map(({ customer }) => standardise(customer.values, standardisation)),
    examples.map(({ churned }) => churned),
    penalty,
  );
  return {
    fit,
    features: standardisation.map((feature, j) => ({ ...feature, weight: fit.weights[j]! })),
    penalty,
  };
}

/**
 * Every example predicted by a model fitted without its customer's fold (k-fold cross-validation): quality is
 * measured on all the customers, each by a model that never saw them, rather than on one held-out fifth, whose
 * deciles at a few thousand customers are too small to tell a calibration gap of two points from chance.
 */
export function outOfFoldOutcomes(examples: readonly Example[]): Outcome[] {
  const folds = examples.map(({ customer }) => foldOf(customer.externalId));
  const outcomes: Outcome[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = examples.filter((_, i) => folds[i] === fold);
    if (held.length === 0) continue;
    const { fit, features } = fitExamples(examples.filter((_, i) => folds[i] !== fold));
    for (const { customer, churned } of held) {
      const predicted = sigmoid(linearPredictor(fit, standardise(customer.values, features)));
      outcomes.push({ predicted, churned, customer: customer.id });
    }
  }
  return outcomes;
}

/**
 * The customer's fold: FNV-1a (32-bit) of the customer id modulo FOLDS. A hash rather than a random draw, so
 * the folds are the same on every run and database, and a customer never moves between them as data grows.
 */
export function foldOf(externalId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < externalId.length; i++) {
    hash ^= externalId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % FOLDS;
}

function versionOf(intercept: number, features: readonly FittedFeature[]): string {
  const digest = createHash('sha256').update(JSON.stringify({ intercept, features })).digest('hex');
  return `lr-${digest.slice(0, 12)}`;
}
