import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { selectedFieldNames } from '../../graphql/selected-fields.js';
import { Dimension } from './dimension.js';
import { MetricFilter } from './dto/metric-filter.input.js';
import { MetricRow } from './dto/metric-row.type.js';
import { MEASURE_NAMES, MEASURES } from './measures.js';
import { MetricsService } from './metrics.service.js';
import { TimeGrain } from './time-grain.js';

@Resolver(() => MetricRow)
export class MetricsResolver {
  @Query(() => [MetricRow], {
    description:
      'Any measure by any applicable dimensions and time grain: one row per combination of dimension values ' +
      '(and period) that has data, ordered by period, then by the dimensions in the order given (enums in ' +
      'their declared order, text by code point, nulls last). Only the selected measure fields are computed. ' +
      'Asking a measure for a dimension or filter it cannot be split by is a BAD_USER_INPUT error naming both.',
  })
  metrics(
    @Arg('dimensions', () => [Dimension], {
      defaultValue: [],
      description: 'Dimensions to group by, in the order rows are sorted by; none gives one row per period.',
    })
    dimensions: Dimension[],
    @Arg('grain', () => TimeGrain, {
      nullable: true,
      description: 'Split into UTC time buckets of this length; omitted: one period, the whole window.',
    })
    grain: TimeGrain | null,
    @Arg('filter', () => MetricFilter, {
      nullable: true,
      description: 'Window and segment the measures are computed over; everything when omitted.',
    })
    filter: MetricFilter | null,
    @Info() info: GraphQLResolveInfo,
    @Ctx() { em }: GraphQLContext,
  ): Promise<MetricRow[]> {
    const selected = selectedFieldNames(info);
    return new MetricsService(em).metrics({
      measures: MEASURE_NAMES.filter((measure) => {
        const { formerly } = MEASURES[measure];
        return selected.has(measure) || (formerly !== undefined && selected.has(formerly));
      }),
      dimensions: [...new Set(dimensions)],
      grain: grain ?? null,
      filter: filter ?? {},
    });
  }
}
