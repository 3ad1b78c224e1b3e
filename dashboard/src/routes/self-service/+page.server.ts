import { metricFilter, parseFilters, withoutChannel } from '$lib/filters';
import { DeflectionFunnelDocument, LiveAgentPreferencesDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** Customers routed to a live agent per page. */
const PREFERENCES_PAGE = 25;

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const [funnel, preferences] = await Promise.all([
    section(runOperation(event, DeflectionFunnelDocument, { filter: withoutChannel(metricFilter(filters)) })),
    section(
      runOperation(event, LiveAgentPreferencesDocument, {
        first: PREFERENCES_PAGE,
        after: event.url.searchParams.get('preferencesAfter'),
      }),
    ),
  ]);
  const next = new URLSearchParams(event.url.searchParams);
  next.set('preferencesAfter', preferences.data?.liveAgentPreferences.pageInfo.endCursor ?? '');
  return { filters, funnel, preferences, nextPreferences: `?${next}` };
};
