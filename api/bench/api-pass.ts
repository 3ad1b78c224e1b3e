import { startApiProcess } from './api-process.js';
import type { OperationCall } from './dashboard-mix.js';
import { readOperation, request } from './graphql-client.js';
import { runLoad, type LoadRequest } from './load.js';
import type { CacheMode, LatencyLine, LoadLine } from './report.js';
import { LIVE_BATCH_ROWS, LIVE_BATCHES_PER_SECOND, streamContacts, type IngestStreamResult } from './live.js';
import { openPagesAtRate, type PageLoad } from './page-loads.js';
import { measure, type LatencySummary } from './timing.js';

/** What one pass sends: latency probes one at a time, then load from many connections. */
export interface PassPlan {
  databaseUrl: string;
  token: string;
  /** Timed one request at a time, by label. */
  probes: Record<string, OperationCall>;
  /** The probe compared with the raw SQL floor. */
  floorProbe: string;
  /** Null when only the live run is measured. */
  rawFloor: LatencySummary | null;
  /** The dashboard's operations, sent round-robin under load. */
  mix: OperationCall[];
  runs: number;
  warmup: number;
  clients: number;
  durationSeconds: number;
  /** Only the one unmeasured round of the mix and the live run: no probes and no load runs. */
  liveOnly: boolean;
  /** The live run of the warm pass: an ingest key and the customers the streamed contacts belong to. */
  live?: { ingestToken: string; customers: number; pages: PageLoad[] };
}

export interface PassResult {
  latency: LatencyLine[];
  load: LoadLine[];
  /** The ingest stream of the live run (warm pass only). */
  ingest: IngestStreamResult | null;
  peakRssMb: number | null;
}

/** The live run's dashboard load: 20 page loads a second, as loadtest/k6/live.js offers by default. */
export const LIVE_PAGE_LOADS_PER_SECOND = 20;

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
    const probes = Object.fromEntries(
      Object.entries(plan.liveOnly ? {} : plan.probes).map(([label, call]) => [label, send(call)]),
    );
    if (!plan.liveOnly)
      console.log(
        `cache ${cache}: timing ${plan.warmup} warm-up and ${plan.runs} measured runs of each query…`,
      );
    const latency = Object.entries(await measure(probes, plan)).map(([operation, summary]): LatencyLine => ({
      operation,
      cache,
      latency: summary,
      floorRatio: operation === plan.floorProbe && plan.rawFloor ? plan.rawFloor.p95 / summary.p95 : null,
    }));

    const run = (what: string, requests: LoadRequest[]) => {
      console.log(`cache ${cache}: ${plan.clients} clients for ${plan.durationSeconds} s, ${what}…`);
      return runLoad(api.graphqlUrl, plan.token, requests, {
        clients: plan.clients,
        seconds: plan.durationSeconds,
      });
    };
    const ceiling = plan.liveOnly ? null : await run('{ __typename }', [CEILING]);
    // One unmeasured round of the mix first, one request at a time: the load run measures serving the
    // dashboard, not the first computation of each answer (the probes above time those), which would
    // otherwise fill a short run with a few seconds of misses.
    console.log(`cache ${cache}: one unmeasured round of the dashboard mix…`);
    for (const call of plan.mix) await send(call)();
    const dashboard =
      ceiling &&
      (await run(
        'dashboard mix',
        plan.mix.map((call) => ({ query: readOperation(call.operation), variables: call.variables })),
      ));
    const live = cache === 'on' && plan.live ? await runLive(api.graphqlUrl, plan, plan.live) : null;
    for (const sample of [
      ...(ceiling?.errorSamples ?? []),
      ...(dashboard?.errorSamples ?? []),
      ...(live ? [...live.dashboard.errorSamples, ...live.ingest.errorSamples] : []),
    ])
      console.error(`error: ${sample}`);
    const peak = api.peakRssBytes();
    return {
      latency,
      ingest: live?.ingest ?? null,
      load: [
        ...(ceiling && dashboard
          ? [
              { label: '{ __typename } (ceiling)', cache, result: ceiling, ratioToCeiling: null },
              {
                label: `dashboard mix (${plan.mix.length} operations)`,
                cache,
                result: dashboard,
                ratioToCeiling: dashboard.requestsPerSecond / ceiling.requestsPerSecond,
              },
            ]
          : []),
        ...(live
          ? [
              {
                label:
                  `dashboard mix at ${LIVE_PAGE_LOADS_PER_SECOND} page loads/s while ` +
                  `${(LIVE_BATCHES_PER_SECOND * LIVE_BATCH_ROWS).toLocaleString('en')} contacts/s stream in`,
                cache,
                result: live.dashboard,
                ratioToCeiling: null,
              },
            ]
          : []),
      ],
      peakRssMb: peak === null ? null : peak / 2 ** 20,
    };
  } finally {
    await api.stop();
  }
}

/**
 * The dashboard mix at LIVE_PAGE_LOADS_PER_SECOND and the ingest stream at once, for the same time: what
 * executives see while a contact-center system pushes contacts.
 */
async function runLive(graphqlUrl: string, plan: PassPlan, live: NonNullable<PassPlan['live']>) {
  console.log(
    `live: ${LIVE_PAGE_LOADS_PER_SECOND} dashboard page loads/s and ${LIVE_BATCHES_PER_SECOND} × ${LIVE_BATCH_ROWS} ` +
      `contacts/s for ${plan.durationSeconds} s…`,
  );
  const [dashboard, ingest] = await Promise.all([
    openPagesAtRate(graphqlUrl, plan.token, live.pages, {
      pagesPerSecond: LIVE_PAGE_LOADS_PER_SECOND,
      seconds: plan.durationSeconds,
    }),
    streamContacts(graphqlUrl, live.ingestToken, {
      customers: live.customers,
      seconds: plan.durationSeconds,
    }),
  ]);
  return { dashboard, ingest };
}
