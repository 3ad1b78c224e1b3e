import { setTimeout as sleep } from 'node:timers/promises';
import type { OperationCall } from './dashboard-mix.js';
import { readOperation } from './graphql-client.js';
import { ErrorTally } from './error-tally.js';
import type { LoadResult } from './load.js';
import { summarize } from './timing.js';

/** One dashboard page: the operations it sends on load. */
export interface PageLoad {
  page: string;
  calls: OperationCall[];
}

/**
 * Opens dashboard pages at a constant arrival rate, as k6's constant-arrival-rate executor starts the
 * executives of loadtest/k6/live.js: page load i starts at i / pagesPerSecond seconds whether or not the
 * earlier ones were answered (open loop), cycling through `pages`, and sends its page's operations at
 * once, as the dashboard does. Latency is taken per request, as k6's http_req_duration, and also by how the
 * result cache answered (X-CX-Cache), which tells whether the tail waited for recomputations.
 *
 * Autocannon's offered rate cannot stand in here: it gives each connection a budget per second and
 * refills every budget on the same timer tick, so a whole second's requests leave together and the
 * latency it measures is the queue of that burst, not the page loads'.
 */
export async function openPagesAtRate(
  url: string,
  token: string,
  pages: PageLoad[],
  { pagesPerSecond, seconds }: { pagesPerSecond: number; seconds: number },
): Promise<LoadResult> {
  const bodies = pages.map(({ calls }) =>
    calls.map(({ operation, variables }) => JSON.stringify({ query: readOperation(operation), variables })),
  );
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const latencies: number[] = [];
  const byCacheOutcome: Record<string, number[]> = {};
  const errors = new ErrorTally();
  let inFlight = 0;
  let maxInFlight = 0;
  const send = async (body: string) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const sentAt = performance.now();
    try {
      const response = await fetch(url, { method: 'POST', headers, body });
      const text = await response.text();
      const latency = performance.now() - sentAt;
      latencies.push(latency);
      (byCacheOutcome[response.headers.get('x-cx-cache') ?? 'none'] ??= []).push(latency);
      errors.noteAnswer(response.status, text);
    } catch (error) {
      errors.note(String(error));
    } finally {
      inFlight--;
    }
  };

  const pageLoads = Math.round(seconds * pagesPerSecond);
  const sent: Promise<void>[] = [];
  const started = performance.now();
  for (let load = 0; load < pageLoads; load++) {
    await sleep(Math.max(0, started + (load * 1000) / pagesPerSecond - performance.now()));
    for (const body of bodies[load % bodies.length] ?? []) sent.push(send(body));
  }
  await Promise.all(sent);
  const elapsed = (performance.now() - started) / 1000;
  return {
    clients: null,
    maxInFlight,
    seconds: elapsed,
    requests: sent.length,
    requestsPerSecond: latencies.length / elapsed,
    latency: summarize(latencies.length ? latencies : [0]),
    byCacheOutcome: Object.fromEntries(
      Object.entries(byCacheOutcome).map(([outcome, samples]) => [outcome, summarize(samples)]),
    ),
    errors: errors.count,
    errorSamples: errors.samples,
  };
}
