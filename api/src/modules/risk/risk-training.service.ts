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
/** Customers whose id hashes to 0 modulo this are held out: a fifth, the same ones on every run. */
const HOLD_OUT_MODULUS = 5;
/** Fewest churners (and non-churners) among the training customers for a fit worth storing. */
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

/** One training or held-out example: a customer's features as of one snapshot and whether they churned after. */
interface Example {
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
 * will this customer leave in the next 90 days? Quality is measured on the held-out fifth of the customers,
 * at every snapshot, against two simple baselines on the same examples.
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
    const training = examples.filter(({ customer }) => !isHeldOut(customer.externalId));
    const heldOut = examples.filter(({ customer }) => isHeldOut(customer.externalId));
    const trainingChurners = training.filter(({ churned }) => churned === 1).length;
    if (Math.min(trainingChurners, training.length - trainingChurners) < MIN_OUTCOMES) {
      throw new RiskTrainingError(
        `too few known outcomes to train the churn-risk model: ${trainingChurners} of ${training.length} training ` +
          `customers churned within ${OUTCOME_DAYS} days of ${snapshotAt.toISOString()}; at least ${MIN_OUTCOMES} ` +
          'churners and non-churners are needed',
      );
    }
    const standardisation = standardisationOf(training.map(({ customer }) => customer));
    const penalty = penaltyFor(trainingChurners);
    const fit = fitLogistic(
      training.map(({ customer }) => standardise(customer.values, standardisation)),
      training.map(({ churned }) => churned),
      penalty,
    );
    const features: FittedFeature[] = standardisation.map((feature, j) => ({
      ...feature,
      weight: fit.weights[j]!,
    }));
    const outcomes: Outcome[] = heldOut.map(({ customer, churned }) => ({
      predicted: sigmoid(linearPredictor(fit, standardise(customer.values, features))),
      churned,
      customer: customer.id,
    }));
    const auc = areaUnderCurve(outcomes);
    // The interval counts distinct customers, not examples: a customer seen at several snapshots is one.
    const churnerIds = new Set(
      heldOut.filter(({ churned }) => churned === 1).map(({ customer }) => customer.id),
    );
    const nonChurnerIds = new Set(
      heldOut.filter(({ customer }) => !churnerIds.has(customer.id)).map(({ customer }) => customer.id),
    );
    const interval = aucInterval(auc, churnerIds.size, nonChurnerIds.size);
    const baseline = (name: string, predicted: (value: number) => number) => {
      const j = FEATURES.findIndex((feature) => feature.name === name);
      return areaUnderCurve(
        heldOut.map(({ customer, churned }) => ({
          predicted: predicted(customer.values[j] ?? standardisation[j]!.mean),
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
      trainingCustomers: training.length,
      trainingChurners,
      heldOutCustomers: heldOut.length,
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

/**
 * The held-out split: FNV-1a (32-bit) of the customer id modulo 5. A hash rather than a random draw, so the
 * split is the same on every run and database, and a customer never moves between the two sets as data grows.
 */
export function isHeldOut(externalId: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < externalId.length; i++) {
    hash ^= externalId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % HOLD_OUT_MODULUS === 0;
}

function versionOf(intercept: number, features: readonly FittedFeature[]): string {
  const digest = createHash('sha256').update(JSON.stringify({ intercept, features })).digest('hex');
  return `lr-${digest.slice(0, 12)}`;
}
