import { metricFilter, parseFilters } from '$lib/filters';
import { RecoveryEffectivenessDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const recovery = await section(
    runOperation(event, RecoveryEffectivenessDocument, { filter: metricFilter(filters) }),
  );
  return { filters, recovery };
};
