import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CalibrationBin, RiskFeature, type FittedFeature } from './dto/risk-model.types.js';
import { FEATURES } from './risk-features.js';

@ObjectType({
  description:
    'The churn-risk model that computes the scores: a logistic regression with an L2 penalty, fitted on customers ' +
    'whose outcome is known (features as of snapshotAt, churn in the outcomeDays after), with its quality on ' +
    'customers held out of the fit.',
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
      'The instant the training features were taken as of: outcomeDays before the end of the data, so that the ' +
      'outcome of every training customer is known. Only facts before it reach the features.',
  })
  @Property({ type: 'datetime' })
  snapshotAt!: Date;

  @Field(() => Int, {
    description: 'The outcome predicted: churn within this many days. A score is that probability.',
  })
  @Property({ type: 'integer' })
  outcomeDays!: number;

  @Field(() => Float, {
    description: 'The L2 penalty λ on the standardised weights (the intercept is not penalised).',
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

  @Field(() => Int, { description: 'Customers the model was fitted on (those not held out).' })
  @Property({ type: 'integer' })
  trainingCustomers!: number;

  @Field(() => Int, { description: 'Of them, customers who churned within outcomeDays.' })
  @Property({ type: 'integer' })
  trainingChurners!: number;

  @Field(() => Int, {
    description:
      'Customers held out of the fit to measure its quality: those whose customer id hashes (FNV-1a, 32 bit) to 0 ' +
      'modulo 5, about a fifth, the same on every run.',
  })
  @Property({ type: 'integer' })
  heldOutCustomers!: number;

  @Field(() => Int, { description: 'Of them, customers who churned within outcomeDays.' })
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

  /** CalibrationBin[] as JSON. */
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
      '(deciles), lowest first, each with its mean prediction beside the share that churned.',
  })
  get calibration(): CalibrationBin[] {
    return JSON.parse(this.calibrationJson) as CalibrationBin[];
  }
}
