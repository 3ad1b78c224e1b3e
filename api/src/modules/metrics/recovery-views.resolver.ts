import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { userInputError } from '../../graphql/user-input-error.js';
import { MetricFilter } from './dto/metric-filter.input.js';
import { RecoveryEffectiveness, RecoveryTrend } from './dto/recovery-effectiveness.type.js';
import { RecurringCauses } from './dto/recurring-causes.type.js';
import { RecoveryEffectivenessService } from './recovery-effectiveness.service.js';
import { RecurringCausesService } from './recurring-causes.service.js';
import { TimeGrain } from './time-grain.js';

const MAX_TERMS = 100;

/** The views of what goes wrong repeatedly and how complaints are recovered. */
@Resolver(() => RecoveryEffectiveness)
export class RecoveryViewsResolver {
  @Query(() => RecoveryEffectiveness, {
    description:
      'Which recovery works: the contacts with recovery recorded (started in the window), by apology vs perks only ' +
      'vs neither and by policy exception, with the satisfaction and churn that followed and the recompense cost. ' +
      'Accepts the filters of contact measures (channels, reasons, generations, regions, tiers).',
  })
  recoveryEffectiveness(
    @Arg('filter', () => MetricFilter, {
      nullable: true,
      description: 'Window and segment; everything when omitted.',
    })
    filter: MetricFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<RecoveryEffectiveness> {
    return new RecoveryEffectivenessService(em).effectiveness(filter ?? {});
  }

  @FieldResolver(() => RecoveryTrend, {
    description:
      'The same groups per period, by the start of each contact: periods cut to the window, the partial ones ' +
      'marked. Computed only when asked for.',
  })
  trend(
    @Root() effectiveness: RecoveryEffectiveness,
    @Arg('grain', () => TimeGrain, {
      nullable: true,
      description:
        'Period length; by default it follows the window: DAY up to 31 days, WEEK up to 184 days, MONTH beyond ' +
        'or without filter.from.',
    })
    grain: TimeGrain | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<RecoveryTrend> {
    return new RecoveryEffectivenessService(em).trend(effectiveness.filter, grain ?? null);
  }

  @Query(() => RecurringCauses, {
    description:
      'Recurring causes: contact reasons by volume with repeat-contact and first-contact-resolution rates and their ' +
      'trend, and the most frequent words and phrases in detractor comments. Filters: those of contact measures for ' +
      'the reasons; window, channels, generations, regions and tiers for the comments (reasons do not apply to them).',
  })
  recurringCauses(
    @Arg('filter', () => MetricFilter, {
      nullable: true,
      description: 'Window and segment; everything when omitted.',
    })
    filter: MetricFilter | null,
    @Arg('grain', () => TimeGrain, {
      defaultValue: TimeGrain.MONTH,
      description: 'Period length of the reason trend.',
    })
    grain: TimeGrain,
    @Arg('top', () => Int, {
      defaultValue: 20,
      description: `How many words and phrases to return, 1 to ${MAX_TERMS}.`,
    })
    top: number,
    @Ctx() { em, textMinCustomers }: GraphQLContext,
  ): Promise<RecurringCauses> {
    if (!Number.isInteger(top) || top < 1 || top > MAX_TERMS) {
      throw userInputError('top', top, `a number of terms from 1 to ${MAX_TERMS}`);
    }
    return new RecurringCausesService(em).causes(filter ?? {}, grain, {
      top,
      minCustomers: textMinCustomers,
    });
  }
}
