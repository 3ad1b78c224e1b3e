import exec from 'k6/execution';
import http from 'k6/http';
import { dashboardOperationNames, dashboardPageLoads } from './lib/dashboard-mix.js';
import { apiTarget, checkAnswer, graphqlRequest, readOperations, thresholds } from './lib/graphql.js';
import { summaryHandler } from './lib/summary.js';

/*
 * Executives opening the dashboard: page loads arrive at a constant rate (CX_RATE per second, default 5,
 * for CX_DURATION, default 1m) however slowly the API answers, each page sending its operations at
 * once as the dashboard's server-side load does. Pages are taken in turn: overview, channels, risk,
 * segments, self-service, alerts, a customer. Key role: executive.
 */

const documents = readOperations(dashboardOperationNames(), (path) => open(path));
const target = apiTarget();
/** The last day of the window: today on a live system; the data's last day for a fixed seed. */
const pages = dashboardPageLoads(__ENV.CX_LAST_DAY || new Date().toISOString().slice(0, 10));

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    executives: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.CX_RATE || 5),
      timeUnit: '1s',
      duration: __ENV.CX_DURATION || '1m',
      preAllocatedVUs: Number(__ENV.CX_VUS || 50),
      maxVUs: Number(__ENV.CX_MAX_VUS || 200),
    },
  },
  thresholds: thresholds(500),
};

export default function () {
  const page = /** @type {import('./lib/dashboard-mix.js').PageLoad} */ (
    pages[exec.scenario.iterationInTest % pages.length]
  );
  const { calls } = page;
  const responses = http.batch(calls.map((call) => graphqlRequest(target, documents, call)));
  calls.forEach((call, index) => checkAnswer(responses[index], call.operation));
}

export const handleSummary = summaryHandler('dashboard-mix');
