import { apiTarget, readOperations, thresholds } from './lib/graphql.js';
import { sendContactBatch } from './lib/ingest.js';
import { INGEST_OPERATIONS } from './lib/operations.js';
import { summaryHandler } from './lib/summary.js';

/*
 * A contact-center system streaming contacts in: batches of CX_BATCH contacts (default 500, at most
 * 5,000) arrive at CX_RATE batches per second (default 1) for CX_DURATION (default 1m) through the
 * IngestContacts mutation, each for customers C0000001 to CX_CUSTOMERS (default 20000, the demo; they
 * must exist). Contact ids are new on every run (K6-<run>-<batch>-<row>), so each batch inserts.
 * CX_APPLY chooses when they are written: BACKGROUND (default, as a streaming system should send them)
 * or NOW.
 * Key role: ingest (or admin).
 */

const BATCH = Number(__ENV.CX_BATCH || 500);
const CUSTOMERS = Number(__ENV.CX_CUSTOMERS || 20000);
/** BACKGROUND (default): acknowledged once stored, applied by the ingest worker; NOW: applied before the answer. */
const APPLY = __ENV.CX_APPLY || 'BACKGROUND';

const documents = readOperations(INGEST_OPERATIONS, (path) => open(path));
const target = apiTarget();

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    ingest: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.CX_RATE || 1),
      timeUnit: '1s',
      duration: __ENV.CX_DURATION || '1m',
      preAllocatedVUs: Number(__ENV.CX_VUS || 5),
      maxVUs: Number(__ENV.CX_MAX_VUS || 20),
    },
  },
  thresholds: thresholds(5000),
};

/** Names this run's contacts apart from every other run's. */
export function setup() {
  return { run: Date.now().toString(36) };
}

/** @param {{ run: string }} data */
export default function (data) {
  sendContactBatch(target, documents, { run: data.run, size: BATCH, customers: CUSTOMERS, apply: APPLY });
}

export const handleSummary = summaryHandler('ingest-stream');
