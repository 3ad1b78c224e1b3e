import { Field, Float, Int, ObjectType } from 'type-graphql';

/** One coefficient of a fitted model, on the standardised feature (value − mean) / scale. */
export interface FittedFeature {
  name: string;
  mean: number;
  scale: number;
  weight: number;
}

@ObjectType({ description: 'One input of the churn-risk model with its fitted weight.' })
export class RiskFeature implements FittedFeature {
  @Field(() => String, { description: 'Name, as drivers refer to it.' })
  name!: string;

  @Field(() => String, { description: 'What it measures, for the customer as of the scoring instant.' })
  description!: string;

  @Field(() => Float, {
    description:
      'Weight in log-odds per standard deviation of the feature: positive raises the risk. Comparable across ' +
      'features because each is standardised.',
  })
  weight!: number;

  @Field(() => Float, { description: 'Mean over the training customers; an unknown value is taken as this.' })
  mean!: number;

  @Field(() => Float, { description: 'Standard deviation over the training customers (1 when constant).' })
  scale!: number;
}

@ObjectType({
  description:
    'One decile of held-out examples by predicted churn probability, with the observed rate and its 95% interval: ' +
    'at a few hundred examples per decile, sampling noise alone can move the observed rate by more than 2 points.',
})
export class CalibrationBin {
  @Field(() => Int, {
    description:
      'Held-out examples in the decile (a customer once per training snapshot they were active at).',
  })
  customers!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Distinct held-out customers among them: the independent draws the interval counts. Null for models ' +
      'trained before it was kept.',
  })
  distinctCustomers?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Examples in the decile whose customer churned within outcomeDays. Null for older models.',
  })
  churners?: number | null;

  @Field(() => Float, { description: 'Average predicted probability of churn in the decile, 0-1.' })
  avgPredicted!: number;

  @Field(() => Float, {
    deprecationReason: 'Use avgPredicted.',
    description: 'Average predicted probability of churn in the decile, 0-1 (the old name of avgPredicted).',
  })
  get meanPredicted(): number {
    return this.avgPredicted;
  }

  @Field(() => Float, {
    description:
      'Fraction 0-1 of them that churned within outcomeDays: a probability like avgPredicted, so the two compare directly.',
  })
  observedFraction!: number;

  @Field(() => Float, {
    deprecationReason: 'Use observedFraction.',
    description: 'Fraction 0-1 of them that churned within outcomeDays (the old name of observedFraction).',
  })
  get observedRate(): number {
    return this.observedFraction;
  }

  @Field(() => Float, {
    nullable: true,
    description:
      'Lower end of the 95% interval of observedFraction (Wilson score interval over distinctCustomers: each customer ' +
      'counted once, as their examples are not independent). A calibrated decile has avgPredicted inside the ' +
      'interval (19 deciles in 20, by chance alone). Null for older models.',
  })
  observedLower?: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the 95% interval of observedFraction.' })
  observedUpper?: number | null;
}

/** A CalibrationBin as stored in risk_models.calibration (JSON; the keys of the first models, kept). */
export interface StoredCalibrationBin {
  customers: number;
  distinctCustomers?: number | null;
  churners?: number | null;
  meanPredicted: number;
  observedRate: number;
  observedLower?: number | null;
  observedUpper?: number | null;
}

/** The CalibrationBin served for a stored one. */
export function calibrationBin({
  meanPredicted,
  observedRate,
  ...rest
}: StoredCalibrationBin): CalibrationBin {
  return Object.assign(new CalibrationBin(), rest, {
    avgPredicted: meanPredicted,
    observedFraction: observedRate,
  });
}
