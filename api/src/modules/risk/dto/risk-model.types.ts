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

@ObjectType({ description: 'One decile of held-out customers by predicted churn probability.' })
export class CalibrationBin {
  @Field(() => Int, { description: 'Held-out customers in the decile.' })
  customers!: number;

  @Field(() => Float, { description: 'Mean predicted probability of churn in the decile, 0-1.' })
  meanPredicted!: number;

  @Field(() => Float, { description: 'Share of them that churned within outcomeDays, 0-1.' })
  observedRate!: number;
}
