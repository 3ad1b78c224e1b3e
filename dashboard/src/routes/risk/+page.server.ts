import { metricFilter, parseFilters, withoutChannel } from '$lib/filters';
import { ChurnRiskDocument, RiskBySegmentDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** Customers per page of the ranking. */
const PAGE_SIZE = 25;

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const filter = metricFilter(filters);
  const segment = { generations: filter.generations, regions: filter.regions, tiers: filter.tiers };
  const [risk, ranking] = await Promise.all([
    section(
      runOperation(event, RiskBySegmentDocument, {
        filter: withoutChannel(filter),
        segment,
        historyFrom: `${filters.from}T00:00:00Z`,
        historyTo: filter.to ?? new Date().toISOString(),
      }),
    ),
    // Scores are a snapshot of now: the ranking and revenue at risk take the segment, not the window.
    section(
      runOperation(event, ChurnRiskDocument, {
        filter: segment,
        segment,
        // Every scored customer, highest first: the 70+ threshold is shown in the score column.
        minScore: 0,
        first: PAGE_SIZE,
        after: event.url.searchParams.get('after'),
      }),
    ),
  ]);
  return { filters, risk, ranking };
};
