import exec from 'k6/execution';
import http from 'k6/http';
import { Trend } from 'k6/metrics';
import { dashboardOperationNames, dashboardPageLoads } from './lib/dashboard-mix.js';
import { apiTarget, checkAnswer, graphqlRequest, readOperations, sendOperation } from './lib/graphql.js';
import { sendContactBatch } from './lib/ingest.js';
import { INGEST_OPERATIONS } from './lib/operations.js';
import { summaryHandler } from './lib/summary.js';

/*
 * Live operation: executives open dashboard pages (CX_PAGE_RATE page loads per second, default 20) while
 * a contact-center system streams contacts in (CX_INGEST_RATE batches per second, default 4, of
 * CX_BATCH contacts, default 500, with apply: BACKGROUND), both for CX_DURATION (default 1m), each with
 * its own thresholds: dashboard p95 ≤ CX_DASHBOARD_P95_MS (100), ingest acknowledgement p95 ≤
 * CX_INGEST_P95_MS (1000), no errors, and the freshness lag (ingestBacklog.lagSeconds, read after each
 * batch) at most CX_MAX_LAG_S (5) seconds. Keys: CX_API_KEY an executive's, CX_INGEST_KEY an ingest
 * key's; customers C0000001 to CX_CUSTOMERS (default 20000, the demo) must exist.
 */

const documents = readOperations(dashboardOperationNames().concat(INGEST_OPERATIONS), (path) => open(path));
const executive = apiTarget();
const ingestKey = __ENV.CX_INGEST_KEY;
if (!ingestKey) throw new Error('set CX_INGEST_KEY: pnpm cx keys create --role ingest --name k6-live');
const ingester = {
  baseUrl: executive.baseUrl,
  headers: Object.assign({}, executive.headers, { authorization: `Bearer ${ingestKey}` }),
};
const pages = dashboardPageLoads(__ENV.CX_LAST_DAY || new Date().toISOString().slice(0, 10));
const BATCH = Number(__ENV.CX_BATCH || 500);
const CUSTOMERS = Number(__ENV.CX_CUSTOMERS || 20000);
const DURATION = __ENV.CX_DURATION || '1m';

/** Seconds between an acknowledged batch and its rows in metrics, as the API reports it. */
const freshnessLag = new Trend('cx_freshness_lag_seconds');

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    executives: {
      executor: 'constant-arrival-rate',
      exec: 'executives',
      rate: Number(__ENV.CX_PAGE_RATE || 20),
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: Number(__ENV.CX_VUS || 50),
      maxVUs: Number(__ENV.CX_MAX_VUS || 200),
    },
    ingest: {
      executor: 'constant-arrival-rate',
      exec: 'ingest',
      rate: Number(__ENV.CX_INGEST_RATE || 4),
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: 10,
      maxVUs: 40,
    },
  },
  thresholds: {
    'http_req_duration{scenario:executives}': [`p(95)<${__ENV.CX_DASHBOARD_P95_MS || 100}`],
    'http_req_duration{scenario:ingest}': [`p(95)<${__ENV.CX_INGEST_P95_MS || 1000}`],
    'cx_errors{scenario:executives}': ['rate==0'],
    'cx_errors{scenario:ingest}': ['rate==0'],
    cx_freshness_lag_seconds: [`max<=${__ENV.CX_MAX_LAG_S || 5}`],
    checks: ['rate>0.99'],
  },
};

/** Names this run's contacts apart from every other run's. */
export function setup() {
  return { run: Date.now().toString(36) };
}

/** One page load of the dashboard, its operations at once. */
export function executives() {
  const page = pages[exec.scenario.iterationInTest % pages.length];
  const calls = page ? page.calls : [];
  const responses = http.batch(calls.map((call) => graphqlRequest(executive, documents, call)));
  calls.forEach((call, index) => checkAnswer(responses[index], call.operation));
}

/**
 * One batch of contacts, then the backlog.
 * @param {{ run: string }} data
 */
export function ingest(data) {
  sendContactBatch(ingester, documents, {
    run: data.run,
    size: BATCH,
    customers: CUSTOMERS,
    apply: 'BACKGROUND',
  });
  const backlog = sendOperation(ingester, documents, { operation: 'IngestBacklog', variables: {} });
  if (backlog) freshnessLag.add(backlog.ingestBacklog.lagSeconds);
}

export const handleSummary = summaryHandler('live');
