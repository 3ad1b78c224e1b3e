import { error } from '@sveltejs/kit';
import { CustomerCareDocument, CustomerHistoryDocument } from '$lib/graphql/generated/graphql';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** The newest events shown; the API lists them oldest first. */
const TIMELINE_LENGTH = 200;

export const load: PageServerLoad = async (event) => {
  const id = event.params.id;
  const [{ customer }, care] = await Promise.all([
    runOperation(event, CustomerHistoryDocument, { id, last: TIMELINE_LENGTH }),
    // Risk, alerts and routing are their own section: the history still shows when they fail.
    section(runOperation(event, CustomerCareDocument, { id })),
  ]);
  if (!customer) error(404, `No customer with id ${id}.`);
  return { customer, care, timelineLength: TIMELINE_LENGTH };
};
