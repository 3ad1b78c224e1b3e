import { metricFilter, parseFilters, trendGrain } from '$lib/filters';
import { VoiceOfCustomerDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const grain = trendGrain(filters);
  const voice = await section(
    runOperation(event, VoiceOfCustomerDocument, { filter: metricFilter(filters), grain, top: 20 }),
  );
  return { filters, grain, voice };
};
