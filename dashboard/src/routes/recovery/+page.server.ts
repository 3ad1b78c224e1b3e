import { metricFilter, parseFilters, trendGrain } from '$lib/filters';
import { RecoveryEffectivenessDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  // The trend's grain follows the window length, as every other trend's (the API's default is the same rule).
  const grain = trendGrain(filters);
  const recovery = await section(
    runOperation(event, RecoveryEffectivenessDocument, { filter: metricFilter(filters), grain }),
  );
  return { filters, grain, recovery };
};
