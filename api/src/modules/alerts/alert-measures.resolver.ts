import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { TimeGrain } from '../metrics/time-grain.js';
import { AlertMeasuresService } from './alert-measures.service.js';
import { AlertDimension, AlertMeasureRow, AlertWindow } from './dto/alert-measures.type.js';

@Resolver()
export class AlertMeasuresResolver {
  @Query(() => [AlertMeasureRow], {
    description:
      'Whether the loop closes in time: time to acknowledge and to resolve (mean and median hours) and the share ' +
      'resolved within SLA, for alerts opened in the window, by period, rule and tier as asked. One row per group ' +
      'with alerts, ordered by period, then rule and tier (by their names in lower case).',
  })
  alertMeasures(
    @Arg('dimensions', () => [AlertDimension], {
      defaultValue: [],
      description: 'Split by these; all alerts in one group when empty.',
    })
    dimensions: AlertDimension[],
    @Arg('grain', () => TimeGrain, {
      nullable: true,
      description: 'Split by the period alerts were opened in.',
    })
    grain: TimeGrain | null,
    @Arg('filter', () => AlertWindow, { nullable: true, description: 'Which alerts; all when omitted.' })
    filter: AlertWindow | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<AlertMeasureRow[]> {
    return new AlertMeasuresService(em).measures(dimensions, grain ?? null, filter ?? {});
  }
}
