import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { PageArgs } from '../../../graphql/connection.js';
import { Generation } from '../../customers/generation.js';
import { Tier } from '../../customers/tier.js';

export enum RiskOrder {
  SCORE_DESC = 'score_desc',
  SCORE_ASC = 'score_asc',
}

registerEnumType(RiskOrder, {
  name: 'RiskOrder',
  description:
    'Order of the churnRisk list; customers with the same score follow the order they were first scored in.',
  valuesConfig: {
    SCORE_DESC: { description: 'Highest risk first: whom to call back today.' },
    SCORE_ASC: { description: 'Lowest risk first.' },
  },
});

@InputType({
  description: 'Which scored customers to list. Unset fields do not filter; an empty list matches none.',
})
export class RiskFilter {
  @Field(() => [Generation], { nullable: true, description: 'Only customers of these generations.' })
  generations?: Generation[] | null;

  @Field(() => [String], { nullable: true, description: 'Only customers in these regions, exact match.' })
  regions?: string[] | null;

  @Field(() => [Tier], { nullable: true, description: 'Only customers of these tiers.' })
  tiers?: Tier[] | null;
}

@ArgsType()
export class ChurnRiskArgs extends PageArgs {
  @Field(() => RiskFilter, {
    nullable: true,
    description: 'Which customers; every scored customer when omitted.',
  })
  filter?: RiskFilter | null;

  @Field(() => Int, {
    defaultValue: 0,
    description:
      'Only scores at or above this, 0-100 (the high-risk threshold, default 70: the customers counted beside ' +
      'revenueAtRisk).',
  })
  minScore!: number;

  @Field(() => RiskOrder, { defaultValue: RiskOrder.SCORE_DESC, description: 'Order of the list.' })
  orderBy!: RiskOrder;
}
