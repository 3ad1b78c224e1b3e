import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { REPO_ROOT } from '../src/config.js';
import type { Dialect } from '../src/database/dialect.js';
import type { Orm } from '../src/database/orm.js';
import { ApiKeyService } from '../src/modules/auth/api-key.service.js';
import { Role } from '../src/modules/auth/role.js';
import { trainRiskModelIfMissing } from '../src/modules/risk/risk.command.js';
import type { SeedOptions } from '../src/seed/seed.service.js';
import { startApiProcess } from './api-process.js';
import type { BenchDatabase } from './bench-database.js';
import { loadDashboardMix, type OperationCall } from './dashboard-mix.js';
import { countRows, importRates, seedWithProgress, settleAfterImport } from './dataset.js';
import { readOperation, request } from './graphql-client.js';
import { runLoad, type LoadRequest } from './load.js';
import {
  compareMetrics,
  fromApiRow,
  rawMetricsSql,
  runRawMetrics,
  type MetricValues,
} from './raw-metrics.js';
import type { BenchReport, CacheMode, ImportRate, LatencyLine, LoadLine } from './report.js';
import { measure } from './timing.js';

export interface BenchOptions {
  dialect: Dialect;
  /** The data set to seed into a fresh database; with --reuse, its months, seed and end still shape the slice. */
  seed: SeedOptions;
  runs: number;
  warmup: number;
  /** Measured runs of the raw SQL floor (at 10M contacts one takes seconds). */
  rawRuns: number;
  clients: number;
  durationSeconds: number;
  startedAt: Date;
}

/** The share of the stored customers imported afresh (new ids, with their records) to time imports at scale. */
const SLICE_SHARE = 0.01;
const QUERY_MONTHS = 12;
const METRICS_LABEL = `MetricsByChannelGeneration, ${QUERY_MONTHS} months`;
const DAY_MS = 86_400_000;
/** The ceiling: the cheapest request the GraphQL server answers, through the same HTTP, auth and plugins. */
const CEILING: LoadRequest = { query: '{ __typename }', variables: {} };

/**
 * Seeds the database (unless it is reused), imports a slice of new customers through the normal import
 * path, then runs the API as a child process twice, with the result cache off (cold) and as configured
 * (warm): times the overview, the 12-month × channel × generation metrics query and a churn-risk page
 * over HTTP, then loads it with `{ __typename }` (the ceiling) and with the dashboard's mix. The raw SQL
 * floor is timed on this process's connection while no API runs.
 */
export async function benchmark(
  orm: Orm,
  database: BenchDatabase,
  options: BenchOptions,
): Promise<BenchReport> {
  const loadAverageStart = loadavg();
  const { seed } = options;
  const until = seed.until.toISOString().slice(0, 10);
  let seedRates: ImportRate[] | null = null;
  if (!database.reused) {
    console.log(
      `seeding ${seed.customers.toLocaleString('en')} customers, ${seed.months} months up to ${until} ` +
        `into ${database.location}…`,
    );
    seedRates = importRates(await seedWithProgress(orm, seed));
    await settleAfterImport(orm);
  }
  await trainRiskModelIfMissing(orm);
  const stored = (await countRows(orm)).customers ?? 0;
  const sliceCustomers = Math.max(1, Math.round(stored * SLICE_SHARE));
  console.log(`importing ${sliceCustomers.toLocaleString('en')} new customers with their records…`);
  const slice = await seedWithProgress(orm, { ...seed, firstCustomer: stored, customers: sliceCustomers });
  const dataset = await countRows(orm);

  const { token } = await new ApiKeyService(orm.em.fork()).create('benchmark', Role.EXECUTIVE);
  const lastDay = new Date(seed.until.getTime() - DAY_MS).toISOString().slice(0, 10);
  const mix = (await loadDashboardMix()).dashboardMix(lastDay);
  const from = monthsBefore(seed.until, QUERY_MONTHS);
  const metricsCall = {
    operation: 'MetricsByChannelGeneration',
    variables: { filter: { from, to: seed.until }, grain: 'MONTH' },
  };
  const probeCalls: Record<string, OperationCall> = {
    Overview: callOf(mix, 'Overview'),
    [METRICS_LABEL]: metricsCall,
    'ChurnRisk, first page': callOf(mix, 'ChurnRisk'),
  };

  console.log(`timing ${options.rawRuns} runs of the raw SQL floor…`);
  const em = orm.em.fork();
  const sql = rawMetricsSql(options.dialect);
  const raw = () => runRawMetrics(em, options.dialect, sql, from, seed.until);
  const rawFloor = (await measure({ raw }, { warmup: Math.min(1, options.warmup), runs: options.rawRuns }))
    .raw;
  const rawRows = await raw();

  const latency: LatencyLine[] = [];
  const load: LoadLine[] = [];
  const peakRssMb: Record<CacheMode, number | null> = { off: null, on: null };
  let verification = { metricRows: 0, mismatches: [] as string[] };
  for (const cache of ['off', 'on'] as const) {
    const api = await startApiProcess(database.config.url, cache === 'off' ? { CX_RESULT_CACHE: 'off' } : {});
    try {
      const send = (call: OperationCall) => () =>
        request(api.graphqlUrl, token, readOperation(call.operation), call.variables);
      if (cache === 'off') {
        const apiRows = await request<{ metrics: MetricValues[] }>(
          api.graphqlUrl,
          token,
          readOperation(metricsCall.operation),
          metricsCall.variables,
        );
        const mismatches = compareMetrics(apiRows.metrics.map(fromApiRow), rawRows);
        verification = { metricRows: apiRows.metrics.length, mismatches };
        if (mismatches.length > 0) {
          process.exitCode = 1;
          console.error(
            `the metrics query and the raw SQL disagree:\n  ${mismatches.slice(0, 10).join('\n  ')}`,
          );
        }
      }
      console.log(
        `cache ${cache}: timing ${options.warmup} warm-up and ${options.runs} measured runs of each query…`,
      );
      const probes = Object.fromEntries(
        Object.entries(probeCalls).map(([label, call]) => [label, send(call)]),
      );
      for (const [operation, summary] of Object.entries(await measure(probes, options))) {
        const floorRatio = operation === METRICS_LABEL ? rawFloor.p95 / summary.p95 : null;
        latency.push({ operation, cache, latency: summary, floorRatio });
      }
      const run = (requests: LoadRequest[]) =>
        runLoad(api.graphqlUrl, token, requests, {
          clients: options.clients,
          seconds: options.durationSeconds,
        });
      console.log(
        `cache ${cache}: ${options.clients} clients for ${options.durationSeconds} s, { __typename }…`,
      );
      const ceiling = await run([CEILING]);
      load.push({ label: '{ __typename } (ceiling)', cache, result: ceiling, ratioToCeiling: null });
      console.log(
        `cache ${cache}: ${options.clients} clients for ${options.durationSeconds} s, dashboard mix…`,
      );
      const dashboard = await run(
        mix.map((call) => ({ query: readOperation(call.operation), variables: call.variables })),
      );
      load.push({
        label: `dashboard mix (${mix.length} operations)`,
        cache,
        result: dashboard,
        ratioToCeiling: dashboard.requestsPerSecond / ceiling.requestsPerSecond,
      });
      for (const sample of [...ceiling.errorSamples, ...dashboard.errorSamples])
        console.error(`error: ${sample}`);
      const peak = api.peakRssBytes();
      peakRssMb[cache] = peak === null ? null : peak / 2 ** 20;
    } finally {
      await api.stop();
    }
  }

  return {
    startedAt: options.startedAt.toISOString(),
    commit: currentCommit(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      node: process.version,
      loadAverageStart,
      loadAverageEnd: loadavg(),
    },
    database: { dialect: options.dialect, location: database.location, reused: database.reused },
    options: {
      months: seed.months,
      until,
      runs: options.runs,
      warmup: options.warmup,
      rawRuns: options.rawRuns,
      clients: options.clients,
      durationSeconds: options.durationSeconds,
    },
    dataset,
    imports: { seed: seedRates, slice: { customers: sliceCustomers, byKind: importRates(slice) } },
    verification,
    rawFloor,
    latency,
    load,
    peakRssMb,
  };
}

function callOf(mix: OperationCall[], operation: string): OperationCall {
  const call = mix.find((candidate) => candidate.operation === operation);
  if (!call) throw new Error(`the dashboard mix has no ${operation}`);
  return call;
}

function monthsBefore(day: Date, months: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - months, day.getUTCDate()));
}

/** The commit measured, marked when the working tree has changes. */
function currentCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}
