import { setTimeout as sleep } from 'node:timers/promises';
import { loadContactBatch } from './contact-rows.js';
import { readOperation, request } from './graphql-client.js';
import { ErrorTally } from './error-tally.js';
import { summarize, type LatencySummary } from './timing.js';

/** The live target: 4 batches of 500 contacts a second, as a contact-center system pushes them. */
export const LIVE_BATCHES_PER_SECOND = 4;
export const LIVE_BATCH_ROWS = 500;
/** Longest wait, after the stream, for the worker to apply what was acknowledged. */
const DRAIN_TIMEOUT_MS = 60_000;
const BACKLOG_POLL_MS = 250;

/** What the ingest half of the live run measured. */
export interface IngestStreamResult {
  batches: number;
  rowsPerSecond: number;
  /** Time to acknowledgement of each batch (apply: BACKGROUND). */
  latency: LatencySummary;
  errors: number;
  errorSamples: string[];
  /** Highest freshness lag seen while streaming (ingestBacklog.lagSeconds). */
  maxLagSeconds: number;
  /** From the last acknowledgement until nothing waited: the last batch's time to visibility. */
  drainSeconds: number;
}

/**
 * Streams contacts into the API for `seconds` at LIVE_BATCHES_PER_SECOND × LIVE_BATCH_ROWS with apply:
 * BACKGROUND (open loop: a slow answer does not slow the offer), watching the backlog, then waits until
 * the worker has applied everything.
 */
export async function streamContacts(
  graphqlUrl: string,
  token: string,
  { customers, seconds }: { customers: number; seconds: number },
): Promise<IngestStreamResult> {
  const contactBatch = await loadContactBatch();
  const document = readOperation('IngestContacts');
  const run = Date.now().toString(36);
  const latencies: number[] = [];
  const errors = new ErrorTally();
  let maxLag = 0;
  const lag = async () =>
    (
      await request<{ ingestBacklog: { lagSeconds: number; pendingBatches: number } }>(
        graphqlUrl,
        token,
        '{ ingestBacklog { lagSeconds pendingBatches } }',
        {},
      )
    ).ingestBacklog;
  let streaming = true;
  const watcher = (async () => {
    while (streaming) {
      maxLag = Math.max(maxLag, (await lag()).lagSeconds);
      await sleep(BACKLOG_POLL_MS);
    }
  })();
  const sent: Promise<void>[] = [];
  const total = Math.round(seconds * LIVE_BATCHES_PER_SECOND);
  const started = performance.now();
  for (let batch = 0; batch < total; batch++) {
    await sleep(Math.max(0, started + (batch * 1000) / LIVE_BATCHES_PER_SECOND - performance.now()));
    const rows = contactBatch({ run, batch, size: LIVE_BATCH_ROWS, customers, now: Date.now() });
    const sentAt = performance.now();
    sent.push(
      request<{ ingestContacts: { problemCount: number; queued: number } }>(graphqlUrl, token, document, {
        rows,
        apply: 'BACKGROUND',
      }).then(
        ({ ingestContacts }) => {
          latencies.push(performance.now() - sentAt);
          if (ingestContacts.problemCount || ingestContacts.queued !== LIVE_BATCH_ROWS) {
            errors.note(JSON.stringify(ingestContacts));
          }
        },
        (error: unknown) => {
          errors.note(String(error));
        },
      ),
    );
  }
  await Promise.all(sent);
  const streamed = (performance.now() - started) / 1000;
  const acknowledged = performance.now();
  streaming = false;
  await watcher;
  while ((await lag()).pendingBatches > 0 && performance.now() - acknowledged < DRAIN_TIMEOUT_MS) {
    await sleep(100);
  }
  return {
    batches: total,
    rowsPerSecond: (total * LIVE_BATCH_ROWS) / streamed,
    latency: summarize(latencies.length ? latencies : [0]),
    errors: errors.count,
    errorSamples: errors.samples,
    maxLagSeconds: maxLag,
    drainSeconds: (performance.now() - acknowledged) / 1000,
  };
}
