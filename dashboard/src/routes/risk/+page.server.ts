import { metricFilter, parseFilters, withoutChannel } from '$lib/filters';
import { ChurnedCustomersDocument, RiskBySegmentDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const filter = metricFilter(filters);
  const [risk, churned] = await Promise.all([
    section(runOperation(event, RiskBySegmentDocument, { filter: withoutChannel(filter) })),
    section(
      runOperation(event, ChurnedCustomersDocument, {
        filter: {
          churned: true,
          generations: filter.generations,
          regions: filter.regions,
          tiers: filter.tiers,
        },
        first: 25,
      }),
    ),
  ]);
  return { filters, risk, churned };
};
