import { error } from '@sveltejs/kit';
import { CustomerHistoryDocument } from '$lib/graphql/generated/graphql';
import { runOperation } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** The newest events shown; the API lists them oldest first. */
const TIMELINE_LENGTH = 200;

export const load: PageServerLoad = async (event) => {
  const { customer } = await runOperation(event, CustomerHistoryDocument, {
    id: event.params.id,
    last: TIMELINE_LENGTH,
  });
  if (!customer) error(404, `No customer with id ${event.params.id}.`);
  return { customer, timelineLength: TIMELINE_LENGTH };
};
