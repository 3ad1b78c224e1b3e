import { error, fail, type RequestEvent } from '@sveltejs/kit';
import {
  ClearLiveAgentPreferenceDocument,
  CustomerCareDocument,
  CustomerHistoryDocument,
  MarkLiveAgentPreferenceDocument,
} from '$lib/graphql/generated/graphql';
import { ApiQueryError, runOperation, section } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

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

/** Runs a routing change; the API's refusal (role, blank reason) comes back as the form's message. */
async function routingChange(event: RequestEvent, run: () => Promise<unknown>) {
  try {
    await run();
  } catch (cause) {
    if (cause instanceof ApiQueryError) return fail(400, { routingMessage: cause.message });
    throw cause;
  }
  return { routingMessage: null };
}

export const actions: Actions = {
  preferLiveAgent: async (event) => {
    const reason = (await event.request.formData()).get('reason');
    return routingChange(event, () =>
      runOperation(event, MarkLiveAgentPreferenceDocument, {
        customerId: event.params.id,
        reason: typeof reason === 'string' ? reason : '',
      }),
    );
  },
  clearLiveAgent: (event) =>
    routingChange(event, () =>
      runOperation(event, ClearLiveAgentPreferenceDocument, { customerId: event.params.id }),
    ),
};
