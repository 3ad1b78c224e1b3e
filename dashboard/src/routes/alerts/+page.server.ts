import { fail, type RequestEvent } from '@sveltejs/kit';
import { metricFilter, parseFilters } from '$lib/filters';
import {
  AcknowledgeAlertDocument,
  AddAlertNoteDocument,
  AlertPerformanceDocument,
  AssignAlertDocument,
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

/**
 * The filter bar's window, tier and generation apply to alerts (the window by when the event happened);
 * ?customer= narrows to one customer (the customer page's "Work on alerts").
 */
export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const filters = parseFilters(params);
  const window = metricFilter(filters);
  const rule = params.get('rule');
  const overdue = params.get('overdue');
  const customer = params.get('customer') || null;
  const [alerts, performance] = await Promise.all([
    section(
      runOperation(event, OpenAlertsDocument, {
        first: PAGE_SIZE,
        after: params.get('after'),
        rules: isRule(rule) ? [rule] : null,
        overdue: overdue === 'yes' ? true : overdue === 'no' ? false : null,
        tiers: window.tiers,
        generations: window.generations,
        triggeredFrom: window.from,
        triggeredTo: window.to,
        customerId: customer,
      }),
    ),
    section(runOperation(event, AlertPerformanceDocument, { window: { from: window.from, to: window.to } })),
  ]);
  // The same filters one page on.
  const next = new URLSearchParams(params);
  next.set('after', alerts.data?.alerts.pageInfo.endCursor ?? '');
  return {
    filters,
    alerts,
    performance,
    rule: isRule(rule) ? rule : '',
    overdue: overdue ?? '',
    customer,
    nextPage: `?${next}`,
  };
};

/** What the form sent under `name`, trimmed; null when blank. */
function text(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A form action running one change of an alert; the API refuses what the role or the loop does not allow. */
function change(run: (event: RequestEvent, id: string, form: FormData) => Promise<unknown>) {
  return async (event: RequestEvent) => {
    const form = await event.request.formData();
    const id = text(form, 'id');
    if (!id) return fail(400, { id: null, message: 'Which alert? The form had no id.' });
    try {
      await run(event, id, form);
    } catch (cause) {
      if (cause instanceof ApiQueryError) return fail(400, { id, message: cause.message });
      throw cause;
    }
    return { id, message: null };
  };
}

/** The variables every step of the loop takes: which alert, and an optional note. */
interface StepVariables {
  id: string;
  note: string | null;
}

const step = <TResult>(document: TypedDocumentString<TResult, StepVariables>) =>
  change((event, id, form) => runOperation(event, document, { id, note: text(form, 'note') }));

export const actions: Actions = {
  acknowledge: step(AcknowledgeAlertDocument),
  contact: step(RecordCustomerContactDocument),
  resolve: step(ResolveAlertDocument),
  assign: change((event, id, form) =>
    runOperation(event, AssignAlertDocument, { id, owner: text(form, 'owner') ?? '' }),
  ),
  note: change((event, id, form) =>
    runOperation(event, AddAlertNoteDocument, { id, text: text(form, 'text') ?? '' }),
  ),
};
