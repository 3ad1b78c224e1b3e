import { comparisonDays, metricFilter, parseFilters, trendGrain } from '$lib/filters';
import { ChannelMeasuresDocument, ChannelSatisfactionDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const filter = metricFilter(filters);
  const grain = trendGrain(filters);
  // The same measures over the comparison window: each channel's change.
  const comparison = comparisonDays(filters);
  const [measures, previous, trends] = await Promise.all([
    section(runOperation(event, ChannelMeasuresDocument, { filter })),
    section(
      runOperation(event, ChannelMeasuresDocument, { filter: metricFilter({ ...filters, ...comparison }) }),
    ),
    section(runOperation(event, ChannelSatisfactionDocument, { filter, grain })),
  ]);
  return { filters, grain, measures, previous, comparison, trends };
};
