import { Arg, Args, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { connectionType, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Contact } from '../contacts/contact.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { CustomerRisk } from './customer-risk.entity.js';
import { ChurnRiskArgs, RiskFilter } from './dto/churn-risk.args.js';
import { RiskModel } from './risk-model.entity.js';
import { RiskSnapshot } from './risk-snapshot.entity.js';
import { NextStep, RiskEvent } from './dto/risk-actions.types.js';
import type { RiskActions } from './risk-actions.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { RiskService } from './risk.service.js';

const ChurnRiskConnection = connectionType(CustomerRisk, 'scored customers');

/** The churn-risk model and its scores. Related rows come through the request's loaders (no N+1). */
@Resolver(() => CustomerRisk)
export class RiskResolver {
  @Query(() => RiskModel, {
    nullable: true,
    description:
      'The churn-risk model behind the scores, with its held-out quality (AUC with its 95% interval, two baselines, ' +
      'top-decile lift, Brier score, calibration by decile); null before the first ' +
      'training (`pnpm cx risk train`, or automatically after the demo seed).',
  })
  riskModel(@Ctx() { em }: GraphQLContext): Promise<RiskModel | null> {
    return new RiskService(em).currentModel();
  }

  @Query(() => [RiskSnapshot], {
    description:
      'The history of churn risk: one snapshot per day of data in [from, to), oldest first, each with revenue at ' +
      'risk (the expected loss) and the customers at or above the high-risk threshold. Written by every refresh ' +
      '(the last of a day wins); the first training also fills in the 12 weeks before it, every 14 days. With a ' +
      'filter, the sums of its segments (generation × region × tier, kept with every snapshot); days snapshotted ' +
      'before segments were kept are left out.',
  })
  riskHistory(
    @Arg('from', () => DateTimeScalar, { description: 'Start, inclusive.' }) from: Date,
    @Arg('to', () => DateTimeScalar, { description: 'End, exclusive.' }) to: Date,
    @Arg('filter', () => RiskFilter, {
      nullable: true,
      description: 'Which customers; the whole base when omitted.',
    })
    filter: RiskFilter | null | undefined,
    @Ctx() { em }: GraphQLContext,
  ): Promise<RiskSnapshot[]> {
    return new RiskService(em).history(from, to, filter);
  }

  @Query(() => ChurnRiskConnection, {
    description:
      'Active customers by churn-risk score, highest first by default, each with the drivers of the score, the ' +
      "customer's lifetime value and last contact. Scores refresh after every import.",
  })
  churnRisk(
    @Args(() => ChurnRiskArgs) args: ChurnRiskArgs,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<CustomerRisk>> {
    return new RiskService(em).churnRisk(args);
  }

  @FieldResolver(() => Customer, { description: 'The customer scored.' })
  customer(@Root() risk: CustomerRisk, @Ctx() { loaders }: GraphQLContext): Promise<Customer> {
    return loaders.customerById.load(risk.customer.id);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "The customer's lifetime value in the currency of the import: what leaving would cost.",
  })
  async lifetimeValue(
    @Root() risk: CustomerRisk,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<number | null> {
    return (await loaders.customerById.load(risk.customer.id)).lifetimeValue;
  }

  @FieldResolver(() => [RiskEvent], {
    description:
      'Why now: the newest bad experiences of the 90 days before the score (at most 3), newest first: low scores, ' +
      'complaints, contacts left unresolved or after a long wait, self-service abandoned or escalated.',
  })
  async whyNow(@Root() risk: CustomerRisk, @Ctx() { loaders }: GraphQLContext): Promise<RiskEvent[]> {
    return (await this.actions(risk, loaders)).whyNow;
  }

  @FieldResolver(() => NextStep, {
    description:
      'A suggested next step grounded in the data: route to a live agent when the customer prefers one; call back ' +
      "(with an apology where the customer's generation kept more complainers with apologies than with perks " +
      'alone) when a complaint or contact is open; close the loop on a recent low score; otherwise check in.',
  })
  async nextStep(@Root() risk: CustomerRisk, @Ctx() { loaders }: GraphQLContext): Promise<NextStep> {
    return (await this.actions(risk, loaders)).nextStep;
  }

  private async actions(risk: CustomerRisk, loaders: GraphQLContext['loaders']): Promise<RiskActions> {
    const customer = await loaders.customerById.load(risk.customer.id);
    return loaders.riskActions.load({
      customerId: customer.id,
      scoredAt: risk.scoredAt,
      generation: customer.generation,
    });
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description: "The customer's most recent contact; null without one.",
  })
  async lastContact(@Root() risk: CustomerRisk, @Ctx() { loaders }: GraphQLContext): Promise<Contact | null> {
    const [contact] = await loaders.contactsByCustomer.load({ customerId: risk.customer.id, last: 1 });
    return contact ?? null;
  }
}

/** The risk score on the customer 360 view. */
@Resolver(() => Customer)
export class CustomerRiskResolver {
  @FieldResolver(() => CustomerRisk, {
    nullable: true,
    description:
      "The customer's latest churn-risk score with its drivers; null for churned or not yet scored customers.",
  })
  async risk(@Root() customer: Customer, @Ctx() { loaders }: GraphQLContext): Promise<CustomerRisk | null> {
    return loaders.riskByCustomer.load(customer.id);
  }
}
