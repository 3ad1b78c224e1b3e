import { startApiProcess } from './api-process.js';
import type { OperationCall } from './dashboard-mix.js';
import { readOperation, request } from './graphql-client.js';
import { runLoad, type LoadRequest } from './load.js';
import type { CacheMode, LatencyLine, LoadLine } from './report.js';
import { measure, type LatencySummary } from './timing.js';

/** What one pass sends: latency probes one at a time, then load from many connections. */
export interface PassPlan {
  databaseUrl: string;
  token: string;
  /** Timed one request at a time, by label. */
  probes: Record<string, OperationCall>;
  /** The probe compared with the raw SQL floor. */
  floorProbe: string;
  rawFloor: LatencySummary;
  /** The dashboard's operations, sent round-robin under load. */
  mix: OperationCall[];
  runs: number;
  warmup: number;
  clients: number;
  durationSeconds: number;
}

export interface PassResult {
  latency: LatencyLine[];
  load: LoadLine[];
  peakRssMb: number | null;
}

/** The cheapest request the GraphQL server answers, through the same HTTP, auth and plugins: the ceiling. */
const CEILING: LoadRequest = { query: '{ __typename }', variables: {} };

/**
 * Starts the API as a child process with the result cache `cache` (off: CX_RESULT_CACHE=off; on: as
 * configured), runs `beforeTiming` against it (a check of its answers), times the probes, then loads it
 * with `{ __typename }` and (after one unmeasured round of it) with the dashboard mix, and stops it.
 */
export async function measurePass(
  cache: CacheMode,
  plan: PassPlan,
  beforeTiming: (graphqlUrl: string) => Promise<void> = () => Promise.resolve(),
): Promise<PassResult> {
  const api = await startApiProcess(plan.databaseUrl, cache === 'off' ? { CX_RESULT_CACHE: 'off' } : {});
  try {
    await beforeTiming(api.graphqlUrl);
    const send = (call: OperationCall) => () =>
      request(api.graphqlUrl, plan.token, readOperation(call.operation), call.variables);
    console.log(
      `cache ${cache}: timing ${plan.warmup} warm-up and ${plan.runs} measured runs of each query…`,
    );
    const probes = Object.fromEntries(
      Object.entries(plan.probes).map(([label, call]) => [label, send(call)]),
    );
    const latency = Object.entries(await measure(probes, plan)).map(([operation, summary]): LatencyLine => ({
      operation,
      cache,
      latency: summary,
      floorRatio: operation === plan.floorProbe ? plan.rawFloor.p95 / summary.p95 : null,
    }));

    const run = (what: string, requests: LoadRequest[]) => {
      console.log(`cache ${cache}: ${plan.clients} clients for ${plan.durationSeconds} s, ${what}…`);
      return runLoad(api.graphqlUrl, plan.token, requests, {
        clients: plan.clients,
        seconds: plan.durationSeconds,
      });
    };
    const ceiling = await run('{ __typename }', [CEILING]);
    // One unmeasured round of the mix first, one request at a time: the load run measures serving the
    // dashboard, not the first computation of each answer (the probes above time those), which would
    // otherwise fill a short run with a few seconds of misses.
    console.log(`cache ${cache}: one unmeasured round of the dashboard mix…`);
    for (const call of plan.mix) await send(call)();
    const dashboard = await run(
      'dashboard mix',
      plan.mix.map((call) => ({ query: readOperation(call.operation), variables: call.variables })),
    );
    for (const sample of [...ceiling.errorSamples, ...dashboard.errorSamples])
      console.error(`error: ${sample}`);
    const peak = api.peakRssBytes();
    return {
      latency,
      load: [
        { label: '{ __typename } (ceiling)', cache, result: ceiling, ratioToCeiling: null },
        {
          label: `dashboard mix (${plan.mix.length} operations)`,
          cache,
          result: dashboard,
          ratioToCeiling: dashboard.requestsPerSecond / ceiling.requestsPerSecond,
        },
      ],
      peakRssMb: peak === null ? null : peak / 2 ** 20,
    };
  } finally {
    await api.stop();
  }
}
