import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import {
  CalibrationBin,
  calibrationBin,
  RiskFeature,
  type FittedFeature,
  type StoredCalibrationBin,
} from './dto/risk-model.types.js';
import { FEATURES } from './risk-features.js';

@ObjectType({
  description:
    'The churn-risk model that computes the scores: a logistic regression with an L2 penalty, fitted on customers ' +
    'whose outcome is known (features as of each training snapshot, churn in the outcomeDays after), with its ' +
    'quality measured on customers held out of the fit (5-fold cross-validation: every example is predicted by a ' +
    'model fitted without its customer): AUC with a 95% interval, two baselines, top-decile lift, Brier score and ' +
    'calibration by decile.',
})
@Entity({ tableName: 'risk_models' })
export class RiskModel {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, {
    description: 'A hash of the coefficients: training twice on the same data gives the same version.',
  })
  @Property({ type: 'text' })
  version!: string;

  @Field(() => DateTimeScalar, { description: 'When the model was fitted (UTC).' })
  @Property({ type: 'datetime' })
  trainedAt!: Date;

  @Field(() => DateTimeScalar, {
    description:
      'The latest training snapshot: outcomeDays before the end of the data, so that the outcome of every training ' +
      'customer is known; earlier snapshots are 30 days apart (see snapshots). Only facts before a snapshot reach ' +
      'its features.',
  })
  @Property({ type: 'datetime' })
  snapshotAt!: Date;

  @Field(() => Int, {
    description:
      'Training snapshots: the latest outcomeDays before the end of the data, and earlier ones every 30 days (up ' +
      'to 4) where the data reaches 180 days before them. Each active customer is one example per snapshot.',
  })
  @Property({ type: 'integer', default: 1 })
  snapshots: number = 1;

  @Field(() => Int, {
    description: 'The outcome predicted: churn within this many days. A score is that probability.',
  })
  @Property({ type: 'integer' })
  outcomeDays!: number;

  @Field(() => Float, {
    description:
      'The L2 penalty λ on the standardised weights (the intercept is not penalised): 1, or 500 / training churners ' +
      'when fewer than 500 churned, so that a small data set cannot fit its noise.',
  })
  @Property({ type: 'double' })
  penalty!: number;

  @Field(() => Float, {
    description: 'Log-odds of churn of a customer with every feature at the training average.',
  })
  @Property({ type: 'double' })
  intercept!: number;

  /** FittedFeature[] as JSON. */
  @Property({ type: 'text', fieldName: 'features' })
  featuresJson!: string;

  @Field(() => Int, {
    description:
      'Examples the model was fitted on: every customer whose outcome is known, once per snapshot they were active at.',
  })
  @Property({ type: 'integer' })
  trainingCustomers!: number;

  @Field(() => Int, {
    description: 'Of them, examples whose customer churned within outcomeDays of the snapshot.',
  })
  @Property({ type: 'integer' })
  trainingChurners!: number;

  @Field(() => Int, {
    description:
      'Examples the quality figures are measured on, each held out of the fit that predicts it: the customers are ' +
      'split into 5 folds by a hash of their customer id (FNV-1a, 32 bit, modulo 5; the same on every run), and ' +
      'each fold is predicted by a model fitted on the other four. Every example since cross-validation; models ' +
      'trained before it held out one fifth.',
  })
  @Property({ type: 'integer' })
  heldOutCustomers!: number;

  @Field(() => Int, {
    description: 'Of them, examples whose customer churned within outcomeDays of the snapshot.',
  })
  @Property({ type: 'integer' })
  heldOutChurners!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Area under the ROC curve on the held-out customers, 0.5 (no better than chance) to 1 (perfect ranking): the ' +
      'probability that a churner scores above a non-churner. Null when the held-out customers have one outcome only.',
  })
  @Property({ type: 'double', nullable: true })
  auc: number | null = null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Lower end of the 95% interval of auc (Hanley and McNeil, 1982, counting distinct held-out customers, not ' +
      'examples). Null without an AUC.',
  })
  @Property({ type: 'double', nullable: true })
  aucLower: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the 95% interval of auc.' })
  @Property({ type: 'double', nullable: true })
  aucUpper: number | null = null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Baseline: the AUC on the same held-out examples of ranking by the latest NPS alone (lower NPS, higher ' +
      'risk; without an NPS in 180 days, the training average). What the model adds is auc minus this.',
  })
  @Property({ type: 'double', nullable: true })
  npsBaselineAuc: number | null = null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Baseline: the AUC on the same held-out examples of ranking by the number of contacts in the 30 days before.',
  })
  @Property({ type: 'double', nullable: true })
  contactsBaselineAuc: number | null = null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Lift: the fraction 0-1 of the held-out churners found among the highest-scored tenth of the held-out ' +
      'examples (the old name of topDecileFraction).',
    deprecationReason: 'Use topDecileFraction.',
  })
  @Property({ type: 'double', nullable: true })
  topDecileShare: number | null = null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Lift: the fraction 0-1 of the held-out churners found among the highest-scored tenth of the held-out ' +
      'examples (0.1 is chance). Null without churners.',
  })
  get topDecileFraction(): number | null {
    return this.topDecileShare;
  }

  @Field(() => Float, {
    nullable: true,
    description:
      'Brier score on the held-out examples: the mean of (predicted probability − outcome)², 0 best; predicting ' +
      'the churn rate p for everyone scores p(1 − p).',
  })
  @Property({ type: 'double', nullable: true })
  brierScore: number | null = null;

  /** StoredCalibrationBin[] as JSON. */
  @Property({ type: 'text', fieldName: 'calibration' })
  calibrationJson!: string;

  @Field(() => [RiskFeature], { description: 'The inputs with their fitted weights, in model order.' })
  get features(): RiskFeature[] {
    const fitted = JSON.parse(this.featuresJson) as FittedFeature[];
    return fitted.map((feature) => ({
      ...feature,
      description: FEATURES.find(({ name }) => name === feature.name)?.description ?? '',
    }));
  }

  @Field(() => [CalibrationBin], {
    description:
      'Calibration on the held-out customers: sorted by predicted probability and cut into ten equal groups ' +
      "(deciles), lowest first, each with its mean prediction beside the share that churned and that share's " +
      '95% interval.',
  })
  get calibration(): CalibrationBin[] {
    return (JSON.parse(this.calibrationJson) as StoredCalibrationBin[]).map(calibrationBin);
  }

  @Field(() => Float, {
    nullable: true,
    description:
      "The largest gap between a decile's mean prediction and its observed rate, 0-1 (0.02 is 2 points). Read " +
      'it with calibrationMisses: at a few hundred examples per decile, a perfectly calibrated model often shows ' +
      'a gap above 2 points by chance. Null without held-out examples.',
  })
  get calibrationMaxGap(): number | null {
    const gaps = this.calibration.map((bin) => Math.abs(bin.avgPredicted - bin.observedFraction));
    return gaps.length ? Math.max(...gaps) : null;
  }

  @Field(() => Int, {
    nullable: true,
    description:
      'Deciles whose mean prediction lies outside the 95% interval of their observed rate: about 1 in 20 by chance ' +
      'alone; more says the scores are off there. Null for models trained before the intervals were kept.',
  })
  get calibrationMisses(): number | null {
    const bins = this.calibration;
    if (bins.some((bin) => bin.observedLower == null || bin.observedUpper == null)) return null;
    return bins.filter(
      (bin) => bin.avgPredicted < bin.observedLower! || bin.avgPredicted > bin.observedUpper!,
    ).length;
  }
}
