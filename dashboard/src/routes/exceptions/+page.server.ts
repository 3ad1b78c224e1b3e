import { fail } from '@sveltejs/kit';
import { EXCEPTION_PAGE_SIZES, REVIEW_STATUS_LABELS } from '$lib/agents';
import { metricFilter, parseFilters } from '$lib/filters';
import {
  ExceptionReviewDocument,
  ReviewExceptionDocument,
  type ReviewStatus,
} from '$lib/graphql/generated/graphql';
import { ApiQueryError, runOperation, section } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

/** Exceptions per page unless the reader picks another size (?size=); the API lists the most recent first. */
const DEFAULT_PAGE_SIZE = 25;

const isStatus = (value: string | null): value is ReviewStatus =>
  value !== null && value in REVIEW_STATUS_LABELS;

/**
 * The exception report of the window and one page of its exceptions; ?status= narrows the list to one review
 * status, ?after= is the cursor of the page before.
 */
export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const filters = parseFilters(params);
  const { from, to } = metricFilter(filters);
  const status = params.get('status');
  const after = params.get('after') || null;
  const size = EXCEPTION_PAGE_SIZES.find((n) => `${n}` === params.get('size')) ?? DEFAULT_PAGE_SIZE;
  const review = await section(
    runOperation(event, ExceptionReviewDocument, {
      window: { from, to },
      filter: { from, to, statuses: isStatus(status) ? [status] : null },
      first: size,
      after,
    }),
  );
  // The same filters one page on, and back to the first page.
  const next = new URLSearchParams(params);
  next.set('after', review.data?.exceptions.pageInfo.endCursor ?? '');
  const first = new URLSearchParams(params);
  first.delete('after');
  return {
    filters,
    review,
    status: isStatus(status) ? status : '',
    paged: after !== null,
    pageSize: size,
    nextPage: `?${next}`,
    firstPage: `?${first}`,
  };
};

/** What the form sent under `name`, trimmed; null when blank. */
function text(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

export const actions: Actions = {
  /** A supervisor's verdict; the API refuses what the role may not do, a blank note and a second review. */
  review: async (event) => {
    const form = await event.request.formData();
    const contactId = text(form, 'contactId');
    const status = text(form, 'status');
    if (!contactId)
      return fail(400, { contactId: null, message: 'Which exception? The form had no contact id.' });
    if (status !== 'UPHELD' && status !== 'CORRECTED')
      return fail(400, { contactId, message: 'Choose Upheld or Corrected.' });
    try {
      await runOperation(event, ReviewExceptionDocument, {
        contactId,
        status,
        note: text(form, 'note') ?? '',
      });
    } catch (cause) {
      if (cause instanceof ApiQueryError) return fail(400, { contactId, message: cause.message });
      throw cause;
    }
    return { contactId, message: null };
  },
};
