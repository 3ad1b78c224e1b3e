import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { userInputError } from '../../graphql/user-input-error.js';
import { Generation } from '../customers/generation.js';
import { ChannelSatisfactionService } from './channel-satisfaction.service.js';
import { DeflectionFunnelService } from './deflection-funnel.service.js';
import { ChannelSatisfaction } from './dto/channel-satisfaction.type.js';
import { DeflectionFunnel } from './dto/deflection-funnel.type.js';
import { MetricFilter } from './dto/metric-filter.input.js';
import { SegmentPreferences } from './dto/segment-preferences.type.js';
import { SegmentPreferencesService } from './segment-preferences.service.js';
import { TimeGrain } from './time-grain.js';

const FILTER_DESCRIPTION = 'Window and segment; everything when omitted.';

/** The ready-made views of the dashboard pages, each built from the metrics layer. */
@Resolver()
export class ViewsResolver {
  @Query(() => [ChannelSatisfaction], {
    description:
      'Per channel (every Channel, in enum order, or those of filter.channels): NPS, CSAT and CES of the ' +
      'responses about it, its contact volume, and their trend per period.',
  })
  channelSatisfaction(
    @Arg('filter', () => MetricFilter, { nullable: true, description: FILTER_DESCRIPTION })
    filter: MetricFilter | null,
    @Arg('grain', () => TimeGrain, {
      defaultValue: TimeGrain.MONTH,
      description: 'Period length of the trend.',
    })
    grain: TimeGrain,
    @Ctx() { em }: GraphQLContext,
  ): Promise<ChannelSatisfaction[]> {
    return new ChannelSatisfactionService(em).byChannel(filter ?? {}, grain);
  }

  @Query(() => [SegmentPreferences], {
    description:
      'Generations side by side, in the order given: channel mix, satisfaction per channel, self-service ' +
      'adoption and live-agent preference, churn. Segment filters that a measure cannot apply (e.g. channels ' +
      'for self-service sessions) are ignored for it; churnRate needs filter.from.',
  })
  segmentPreferences(
    @Arg('filter', () => MetricFilter, {
      nullable: true,
      description: `${FILTER_DESCRIPTION} filter.generations is not used: pass the generations argument.`,
    })
    filter: MetricFilter | null,
    @Arg('generations', () => [Generation], {
      defaultValue: [Generation.BOOMER, Generation.MILLENNIAL],
      description: 'The generations to compare, 1 to 5 of them, in the order to show them.',
    })
    generations: Generation[],
    @Ctx() { em }: GraphQLContext,
  ): Promise<SegmentPreferences[]> {
    const distinct = [...new Set(generations)];
    if (distinct.length === 0) throw userInputError('generations', [], 'at least one generation');
    return new SegmentPreferencesService(em).compare(filter ?? {}, distinct);
  }

  @Query(() => [DeflectionFunnel], {
    description:
      'The self-service funnel: first all entry points together (entry null), then each entry point with ' +
      'sessions, in enum order. Accepts the filters of self-service measures (entries, generations, regions, tiers).',
  })
  deflectionFunnel(
    @Arg('filter', () => MetricFilter, { nullable: true, description: FILTER_DESCRIPTION })
    filter: MetricFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<DeflectionFunnel[]> {
    return new DeflectionFunnelService(em).funnel(filter ?? {});
  }
}
