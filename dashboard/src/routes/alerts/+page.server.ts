import { fail, type RequestEvent } from '@sveltejs/kit';
import {
  AcknowledgeAlertDocument,
  OpenAlertsDocument,
  RecordCustomerContactDocument,
  ResolveAlertDocument,
  type AlertRule,
  type TypedDocumentString,
} from '$lib/graphql/generated/graphql';
import { ALERT_RULE_LABELS } from '$lib/labels';
import { ApiQueryError, runOperation, section } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

/** Alerts per page; the API lists the soonest due first. */
const PAGE_SIZE = 50;

const isRule = (value: string | null): value is AlertRule => value !== null && value in ALERT_RULE_LABELS;

export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const rule = params.get('rule');
  const overdue = params.get('overdue');
  const alerts = await section(
    runOperation(event, OpenAlertsDocument, {
      first: PAGE_SIZE,
      after: params.get('after'),
      rules: isRule(rule) ? [rule] : null,
      overdue: overdue === 'yes' ? true : overdue === 'no' ? false : null,
    }),
  );
  // The same filters one page on.
  const next = new URLSearchParams(params);
  next.set('after', alerts.data?.alerts.pageInfo.endCursor ?? '');
  return { alerts, rule: isRule(rule) ? rule : '', overdue: overdue ?? '', nextPage: `?${next}` };
};

/** The variables every step of the loop takes: which alert, and an optional note. */
interface StepVariables {
  id: string;
  note: string | null;
}

/** A form action running one step of the loop; the API refuses a step out of order and says why. */
function step<TResult>(document: TypedDocumentString<TResult, StepVariables>) {
  return async (event: RequestEvent) => {
    const form = await event.request.formData();
    const id = form.get('id');
    const note = form.get('note');
    if (typeof id !== 'string' || !id)
      return fail(400, { id: null, message: 'Which alert? The form had no id.' });
    try {
      await runOperation(event, document, {
        id,
        note: typeof note === 'string' && note.trim() ? note.trim() : null,
      });
    } catch (cause) {
      if (cause instanceof ApiQueryError) return fail(400, { id, message: cause.message });
      throw cause;
    }
    return { id, message: null };
  };
}

export const actions: Actions = {
  acknowledge: step(AcknowledgeAlertDocument),
  contact: step(RecordCustomerContactDocument),
  resolve: step(ResolveAlertDocument),
};
