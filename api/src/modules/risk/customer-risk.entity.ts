import { Entity, Index, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Customer } from '../customers/customer.entity.js';
import { RiskDriver } from './dto/risk-driver.type.js';

/** Scores from this value up count as at risk (revenueAtRisk, the alerts' risk rule). */
export const AT_RISK_SCORE = 70;

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
    description: `Risk score 0-100: the churn probability in percent, rounded. ${AT_RISK_SCORE} or more counts as at risk.`,
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
