import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { DAY_MS } from '../../core/time.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import { fitLogistic, linearPredictor, sigmoid } from './logistic-regression.js';
import { areaUnderCurve, calibrationBins, type Outcome } from './model-quality.js';
import { customerChunks, customerFeatures, FEATURES, type CustomerFeatures } from './risk-features.js';
import type { FittedFeature } from './dto/risk-model.types.js';
import { RiskModel } from './risk-model.entity.js';
import { standardise } from './risk-scoring.js';
import { dataEnd } from './risk-store.js';

/** The outcome a score predicts: churn within this many days of the instant its features are taken at. */
export const OUTCOME_DAYS = 90;
/** L2 penalty on standardised features: light, against unstable weights on rare signals. */
export const L2_PENALTY = 1;
/** Customers whose id hashes to 0 modulo this are held out: a fifth, the same ones on every run. */
const HOLD_OUT_MODULUS = 5;
/** Fewest churners (and non-churners) among the training customers for a fit worth storing. */
export const MIN_OUTCOMES = 10;

/** Raised when the data cannot support a model; the message says why. */
export class RiskTrainingError extends Error {
  override name = 'RiskTrainingError';
}

/**
 * Fits the churn-risk model on customers whose outcome is known. The features of every customer active
 * OUTCOME_DAYS before the end of the data are taken as of that instant (the snapshot) from the facts
 * before it; the outcome is whether they churned in the OUTCOME_DAYS after it. Nothing after the
 * snapshot reaches the features, so the fit cannot learn from the churn it predicts, and the model
 * answers the question scoring asks of today's features: will this customer leave in the next 90 days?
 */
export class RiskTrainingService {
  constructor(private readonly em: EntityManager) {}

  async train(trainedAt = new Date()): Promise<RiskModel> {
    const builder = new SqlBuilder(this.em);
    const end = await dataEnd(builder);
    if (!end) throw new RiskTrainingError('no data to train the churn-risk model on');
    const snapshotAt = new Date(end.getTime() - OUTCOME_DAYS * DAY_MS);
    const customers: CustomerFeatures[] = [];
    for (const scope of await customerChunks(builder)) {
      customers.push(...(await customerFeatures(builder, snapshotAt, scope)));
    }
    const churned = (customer: CustomerFeatures) =>
      customer.churnedAt !== null && customer.churnedAt < end ? 1 : 0;
    const training = customers.filter((customer) => !isHeldOut(customer.externalId));
    const heldOut = customers.filter((customer) => isHeldOut(customer.externalId));
    const trainingChurners = training.filter((customer) => churned(customer) === 1).length;
    if (Math.min(trainingChurners, training.length - trainingChurners) < MIN_OUTCOMES) {
      throw new RiskTrainingError(
        `too few known outcomes to train the churn-risk model: ${trainingChurners} of ${training.length} training ` +
          `customers churned within ${OUTCOME_DAYS} days of ${snapshotAt.toISOString()}; at least ${MIN_OUTCOMES} ` +
          'churners and non-churners are needed',
      );
    }
    const standardisation = standardisationOf(training);
    const fit = fitLogistic(
      training.map((customer) => standardise(customer.values, standardisation)),
      training.map(churned),
      L2_PENALTY,
    );
    const features: FittedFeature[] = standardisation.map((feature, j) => ({
      ...feature,
      weight: fit.weights[j]!,
    }));
    const outcomes: Outcome[] = heldOut.map((customer) => ({
      predicted: sigmoid(linearPredictor(fit, standardise(customer.values, features))),
      churned: churned(customer),
    }));
    const model = Object.assign(new RiskModel(), {
      version: versionOf(fit.intercept, features),
      trainedAt,
      snapshotAt,
      outcomeDays: OUTCOME_DAYS,
      penalty: L2_PENALTY,
      intercept: fit.intercept,
      featuresJson: JSON.stringify(features),
      trainingCustomers: training.length,
      trainingChurners,
      heldOutCustomers: heldOut.length,
      heldOutChurners: outcomes.filter((outcome) => outcome.churned === 1).length,
      auc: areaUnderCurve(outcomes),
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
