import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One reason behind a risk score, e.g. "3 contacts in 30 days: +18".' })
export class RiskDriver {
  @Field(() => String, { description: 'Name of the model feature (riskModel.features.name).' })
  feature!: string;

  @Field(() => String, {
    description: "The feature's value for this customer in words, e.g. '3 contacts in 30 days'.",
  })
  label!: string;

  @Field(() => Float, { description: "The feature's value for this customer, in its unit." })
  value!: number;

  @Field(() => Int, {
    description:
      'Effect in score points: how much higher the score is than if this feature were at the average of the ' +
      'training customers, all else equal (negative: it lowers the risk).',
  })
  points!: number;
}
