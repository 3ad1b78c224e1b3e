import { DashboardContextDocument, FilterOptionsDocument } from '$lib/graphql/generated/graphql';
import { runOperation } from '$lib/server/api';
import { sessionToken } from '$lib/server/session';
import type { LayoutServerLoad } from './$types';

/*
 * Runs once per full page load (it reads no URL parameter, so client-side navigation and filter changes
 * do not repeat it): the regions the filter offers, whether someone is signed in, who it is and which
 * actions their role may take, and how the API says to present each measure.
 */
export const load: LayoutServerLoad = async (event) => {
  const signedIn = sessionToken(event.cookies) !== undefined;
  // The login page needs no filter options (and must not ask the API before there is a session).
  // Untracked: moving between other pages does not repeat this load.
  if (event.untrack(() => event.route.id) === '/login') {
    return { regions: [], signedIn, viewer: null, display: null };
  }
  const [options, context] = await Promise.all([
    runOperation(event, FilterOptionsDocument, {}),
    runOperation(event, DashboardContextDocument, {}),
  ]);
  const regions = options.metrics.flatMap((row) => (row.region ? [row.region] : []));
  return { regions, signedIn, viewer: context.viewer, display: context.measureCatalogue };
};
