import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Comparison, DEFAULT_WINDOW_DAYS } from './comparison.js';
import { MetricFilter } from './dto/metric-filter.input.js';
import { Overview } from './dto/overview.type.js';
import { OverviewService } from './overview.service.js';

@Resolver(() => Overview)
export class OverviewResolver {
  @Query(() => Overview, {
    description:
      'The headline KPIs of a window against a comparison window, with the change, and for NPS and CSAT ' +
      'whether it is statistically significant. Segment filters that a KPI cannot apply (e.g. channels for ' +
      'deflectionRate) are ignored for that KPI rather than refused.',
  })
  overview(
    @Arg('filter', () => MetricFilter, {
      nullable: true,
      description: `Window and segment. Without from and to: the last ${DEFAULT_WINDOW_DAYS} days up to the end of today (UTC); with only from: from it to the end of today; with only to: the ${DEFAULT_WINDOW_DAYS} days before it.`,
    })
    filter: MetricFilter | null,
    @Arg('compare', () => Comparison, {
      defaultValue: Comparison.PREVIOUS_PERIOD,
      description: 'Which window to compare with.',
    })
    compare: Comparison,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Overview> {
    return new OverviewService(em).overview(filter ?? {}, compare);
  }
}
