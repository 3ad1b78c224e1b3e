import { metricFilter, parseFilters, withoutChannel } from '$lib/filters';
import { DeflectionFunnelDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const funnel = await section(
    runOperation(event, DeflectionFunnelDocument, {
      filter: withoutChannel(metricFilter(filters)),
    }),
  );
  return { filters, funnel };
};
