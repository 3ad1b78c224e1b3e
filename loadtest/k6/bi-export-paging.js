import { check } from 'k6';
import http from 'k6/http';
import { apiTarget, errors, readOperations, sendOperation, thresholds } from './lib/graphql.js';
import { BI_OPERATIONS } from './lib/operations.js';
import { summaryHandler } from './lib/summary.js';

/*
 * BI tools pulling contacts page by page, as an incremental sync does: CX_VUS (default 2) users for
 * CX_DURATION (default 2m) page through GET /export/contacts.ndjson with X-Next-Cursor, and as many through
 * the GraphQL ContactsPage connection with endCursor, CX_PAGE_SIZE rows a page (default 1000), starting
 * over after CX_MAX_PAGES pages (default 50) or at the end. Key role: bi (or analyst, admin).
 */

const PAGE_SIZE = Number(__ENV.CX_PAGE_SIZE || 1000);
const MAX_PAGES = Number(__ENV.CX_MAX_PAGES || 50);

const documents = readOperations(BI_OPERATIONS, (path) => open(path));
const target = apiTarget();
const vus = Number(__ENV.CX_VUS || 2);
const duration = __ENV.CX_DURATION || '2m';

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    ndjson: { executor: 'constant-vus', vus, duration, exec: 'ndjsonPaging' },
    graphql: { executor: 'constant-vus', vus, duration, exec: 'graphqlPaging' },
  },
  thresholds: thresholds(2000),
};

/** One sync through /export/contacts.ndjson: a page per request, resumed from the last row's cursor. */
export function ndjsonPaging() {
  let cursor = '';
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = `limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = http.get(`${target.baseUrl}/export/contacts.ndjson?${query}`, {
      headers: target.headers,
      tags: { name: 'export contacts.ndjson' },
    });
    const rows = String(response.body || '')
      .split('\n')
      .filter((line) => line !== '').length;
    const ok = check(
      response,
      {
        'status is 200': (r) => r.status === 200,
        'rows are NDJSON': () => rows === 0 || String(response.body).startsWith('{'),
      },
      { name: 'export contacts.ndjson' },
    );
    errors.add(!ok, { name: 'export contacts.ndjson' });
    cursor = response.headers['X-Next-Cursor'] || '';
    if (!ok || rows < PAGE_SIZE || !cursor) return;
  }
}

/** One sync through the ContactsPage connection: endCursor passed back as after while hasNextPage. */
export function graphqlPaging() {
  /** @type {string | null} */
  let after = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = sendOperation(target, documents, {
      operation: 'ContactsPage',
      variables: { first: PAGE_SIZE, after },
    });
    if (!data || !data.contacts.pageInfo.hasNextPage) return;
    after = data.contacts.pageInfo.endCursor;
  }
}

export const handleSummary = summaryHandler('bi-export-paging');
