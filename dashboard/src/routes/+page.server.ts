import { metricFilter, parseFilters, trendGrain, withoutChannel } from '$lib/filters';
import {
  AlertCountsDocument,
  ChannelMeasuresDocument,
  DeflectionFunnelDocument,
  NpsCsatTrendDocument,
  OverviewDocument,
  RiskBySegmentDocument,
  WomReachTrendDocument,
} from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const filter = metricFilter(filters);
  const grain = trendGrain(filters);
  const [overview, trend, reach, channels, funnel, risk, alerts] = await Promise.all([
    section(runOperation(event, OverviewDocument, { filter, compare: filters.compare })),
    section(runOperation(event, NpsCsatTrendDocument, { filter, grain })),
    section(runOperation(event, WomReachTrendDocument, { filter: withoutChannel(filter), grain })),
    section(runOperation(event, ChannelMeasuresDocument, { filter })),
    section(runOperation(event, DeflectionFunnelDocument, { filter: withoutChannel(filter) })),
    section(
      runOperation(event, RiskBySegmentDocument, {
        filter: withoutChannel(filter),
        historyFrom: `${filters.from}T00:00:00Z`,
        historyTo: filter.to ?? new Date().toISOString(),
      }),
    ),
    section(runOperation(event, AlertCountsDocument, {})),
  ]);
  return { filters, grain, overview, trend, reach, channels, funnel, risk, alerts };
};
