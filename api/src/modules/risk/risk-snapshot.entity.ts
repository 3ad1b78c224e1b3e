import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType({
  description:
    'Churn risk of the whole customer base, or of the segments riskHistory was filtered to, on one day (UTC): what ' +
    'the scores said after the last refresh of that day, so that revenue at risk and the at-risk count have a history.',
})
@Entity({ tableName: 'risk_snapshots' })
export class RiskSnapshot {
  @Field(() => DateTimeScalar, { description: 'The day (00:00 UTC) the snapshot stands for.' })
  @PrimaryKey({ type: 'datetime' })
  day!: Date;

  @Field(() => DateTimeScalar, {
    description: 'The instant the scores were computed as of: the end of the data at that refresh.',
  })
  @Property({ type: 'datetime' })
  asOf!: Date;

  @Field(() => Int, { description: 'Active customers scored.' })
  @Property({ type: 'integer' })
  scoredCustomers!: number;

  @Field(() => Float, {
    description:
      'Revenue at risk: the expected loss, Σ over scored active customers of score / 100 × lifetime_value (the ' +
      'probability of churning within 90 days times what the customer is worth).',
  })
  @Property({ type: 'double' })
  expectedLoss!: number;

  @Field(() => Int, { description: 'Scored active customers at or above the high-risk threshold.' })
  @Property({ type: 'integer' })
  atRiskCustomers!: number;

  @Field(() => Float, { description: 'Their lifetime value, summed.' })
  @Property({ type: 'double' })
  atRiskValue!: number;

  @Field(() => Int, {
    description: 'The high-risk threshold at that refresh (the risk-jump alert rule threshold, default 70).',
  })
  @Property({ type: 'integer' })
  threshold!: number;
}
