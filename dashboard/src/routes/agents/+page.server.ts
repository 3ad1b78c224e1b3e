import { metricFilter, parseFilters } from '$lib/filters';
import { AgentScorecardsDocument, SuperAgentsDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/**
 * Team and agent scorecards of the window and the super-agent ranking on the contacts after self-service, with
 * the filter bar's segment. The small-sample rule is the catalogue's, the one every page greys by.
 */
export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const filter = metricFilter(filters);
  const { display } = await event.parent();
  const minSample = display?.minimumSample ?? 30;
  const [scorecards, ranking] = await Promise.all([
    section(runOperation(event, AgentScorecardsDocument, { filter, minSample })),
    section(runOperation(event, SuperAgentsDocument, { filter, minSample })),
  ]);
  return { filters, minSample, scorecards, ranking };
};
