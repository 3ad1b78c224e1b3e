import { Entity, Index, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Customer } from '../customers/customer.entity.js';
import { RiskDriver } from './dto/risk-driver.type.js';

@ObjectType({
  description:
    "A customer's churn-risk score from the latest refresh: the model's probability that the customer leaves " +
    'within the outcome window (see riskModel), × 100, with the drivers that explain it.',
})
@Entity({ tableName: 'customer_risk' })
@Index({ properties: ['score', 'id'] })
export class CustomerRisk {
  /** Internal; the order of first scoring, and the tie-break of paging. */
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** One row per active customer. */
  @OneToOne(() => Customer, { owner: true, unique: true, deleteRule: 'cascade' })
  customer!: Customer;

  @Field(() => Int, {
    description:
      'Risk score 0-100: the probability of churning within 90 days in percent, rounded. At or above the ' +
      'high-risk threshold (the risk-jump alert rule threshold, default 70) counts as high risk.',
  })
  @Property({ type: 'integer' })
  score!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The score before the latest refresh; null when this refresh scored the customer first.',
  })
  @Property({ type: 'integer', nullable: true })
  previousScore: number | null = null;

  /** The drivers as JSON text (RiskDriver[]), written with the score in the same statement. */
  @Property({ type: 'text', fieldName: 'drivers' })
  driversJson!: string;

  @Field(() => DateTimeScalar, { description: 'When the score was computed (UTC).' })
  @Property({ type: 'datetime' })
  scoredAt!: Date;

  @Field(() => String, { description: 'Version of the model that computed it (riskModel.version).' })
  @Property({ type: 'text' })
  modelVersion!: string;

  @Field(() => [RiskDriver], {
    description:
      'What moves this score most, largest effect first (at most 5): each feature in words and numbers with ' +
      'its effect in score points.',
  })
  get drivers(): RiskDriver[] {
    return JSON.parse(this.driversJson) as RiskDriver[];
  }
}
