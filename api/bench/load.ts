import autocannon from 'autocannon';
import { ErrorTally } from './error-tally.js';
import { summarize, type LatencySummary } from './timing.js';

/** One GraphQL request of a load run. */
export interface LoadRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface LoadResult {
  /** Connections, each sending its next request when the last is answered; null for page loads arriving at a constant rate (page-loads.ts). */
  clients: number | null;
  /** Most requests waiting for their answers at once, for page loads arriving at a constant rate. */
  maxInFlight?: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  /**
   * For page loads arriving at a constant rate: latency by the result cache's answer (X-CX-Cache: hit,
   * stale, coalesced or miss; none when the operation is not cached).
   */
  byCacheOutcome?: Record<string, LatencySummary>;
  /** Non-2xx answers, 2xx answers whose JSON has `errors` or is not JSON, and connection errors and timeouts. */
  errors: number;
  /** The first few error answers, to say what went wrong. */
  errorSamples: string[];
}

/**
 * Sends `requests` over and over from `clients` connections for `seconds`, as fast as they are answered,
 * each connection cycling through the list, with the API key as a bearer token. Latency percentiles are taken over every
 * response (not autocannon's per-second histogram, which has no p95).
 */
export async function runLoad(
  url: string,
  token: string,
  requests: LoadRequest[],
  { clients, seconds }: { clients: number; seconds: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const answerErrors = new ErrorTally();
  const options: autocannon.Options = {
    url,
    connections: clients,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: requests.map(({ query, variables }) => ({
      body: JSON.stringify({ query, variables }),
      onResponse: (status: number, body: string) => {
        answerErrors.noteAnswer(status, body);
      },
    })),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const done = (error: unknown, result: autocannon.Result) =>
      error
        ? reject(error instanceof Error ? error : new Error('the load run failed', { cause: error }))
        : resolve(result);
    autocannon(options, done).on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
  const completed = latencies.length;
  return {
    clients,
    seconds: result.duration,
    requests: completed,
    requestsPerSecond: completed / result.duration,
    latency: summarize(latencies.length ? latencies : [0]),
    // Non-2xx answers are counted by onResponse; connection errors (timeouts included) by autocannon.
    errors: answerErrors.count + result.errors,
    errorSamples: answerErrors.samples,
  };
}
