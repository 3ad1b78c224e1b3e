import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { REPO_ROOT } from '../src/config.js';
import type { Dialect } from '../src/database/dialect.js';
import type { Orm } from '../src/database/orm.js';
import { ApiKeyService } from '../src/modules/auth/api-key.service.js';
import { Role } from '../src/modules/auth/role.js';
import { trainRiskModelIfMissing } from '../src/modules/risk/risk.command.js';
import type { SeedOptions } from '../src/seed/seed.service.js';
import { measurePass, type PassPlan } from './api-pass.js';
import type { BenchDatabase } from './bench-database.js';
import { loadDashboardMix, type OperationCall } from './dashboard-mix.js';
import { countRows, importRates, seedWithProgress, settleAfterImport } from './dataset.js';
import { readOperation, request } from './graphql-client.js';
import {
  compareMetrics,
  fromApiRow,
  rawMetricsSql,
  runRawMetrics,
  type MetricValues,
} from './raw-metrics.js';
import type { BenchReport, ImportRate } from './report.js';
import { measure, type LatencySummary } from './timing.js';

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
  /** Only the live run (the dashboard mix while contacts stream in): no probes, raw floor or load runs. */
  liveOnly: boolean;
  startedAt: Date;
}

/** The share of the stored customers imported afresh (new ids, with their records) to time imports at scale. */
const SLICE_SHARE = 0.01;
const QUERY_MONTHS = 12;
const METRICS_LABEL = `MetricsByChannelGeneration, ${QUERY_MONTHS} months`;
const DAY_MS = 86_400_000;

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
  const imports = await importData(orm, database, seed);
  const dataset = await countRows(orm);

  const { token } = await new ApiKeyService(orm.em.fork()).create('benchmark', Role.EXECUTIVE);
  const lastDay = new Date(seed.until.getTime() - DAY_MS).toISOString().slice(0, 10);
  const dashboardMix = await loadDashboardMix();
  const mix = dashboardMix.dashboardMix(lastDay);
  const ingestKey = await new ApiKeyService(orm.em.fork()).create('benchmark-live', Role.INGEST);
  const from = monthsBefore(seed.until, QUERY_MONTHS);
  const metricsCall = {
    operation: 'MetricsByChannelGeneration',
    variables: { filter: { from, to: seed.until }, grain: 'MONTH' },
  };
  const probes: Record<string, OperationCall> = {
    Overview: callOf(mix, 'Overview'),
    [METRICS_LABEL]: metricsCall,
    'ChurnRisk, first page': callOf(mix, 'ChurnRisk'),
  };

  const em = orm.em.fork();
  const sql = rawMetricsSql(options.dialect);
  const raw = () => runRawMetrics(em, options.dialect, sql, from, seed.until);
  let rawFloor: LatencySummary | null = null;
  if (!options.liveOnly) {
    console.log(`timing ${options.rawRuns} runs of the raw SQL floor…`);
    rawFloor = (await measure({ raw }, { warmup: Math.min(1, options.warmup), runs: options.rawRuns })).raw;
  }

  const plan: PassPlan = {
    databaseUrl: database.config.url,
    token,
    probes,
    floorProbe: METRICS_LABEL,
    rawFloor,
    mix,
    live: {
      ingestToken: ingestKey.token,
      customers: dataset.customers ?? 1,
      pages: dashboardMix.dashboardPageLoads(lastDay),
    },
    ...options,
  };
  let verification: BenchReport['verification'] = null;
  const cold = options.liveOnly
    ? null
    : await measurePass('off', plan, async (graphqlUrl) => {
        verification = await verifyMetrics(graphqlUrl, token, metricsCall, await raw());
      });
  const warm = await measurePass('on', plan);

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
      liveOnly: options.liveOnly,
    },
    dataset,
    imports,
    verification,
    rawFloor,
    latency: [...(cold?.latency ?? []), ...warm.latency],
    load: [...(cold?.load ?? []), ...warm.load],
    liveIngest: warm.ingest,
    peakRssMb: { off: cold?.peakRssMb ?? null, on: warm.peakRssMb },
  };
}

/**
 * Seeds a fresh database (timing each kind), trains the churn-risk model if there is none, then imports
 * a slice of new customers with their records into the full database, timing each kind again.
 */
async function importData(
  orm: Orm,
  database: BenchDatabase,
  seed: SeedOptions,
): Promise<BenchReport['imports']> {
  let seedRates: ImportRate[] | null = null;
  if (!database.reused) {
    console.log(
      `seeding ${seed.customers.toLocaleString('en')} customers, ${seed.months} months up to ` +
        `${seed.until.toISOString().slice(0, 10)} into ${database.location}…`,
    );
    seedRates = importRates(await seedWithProgress(orm, seed));
    await settleAfterImport(orm);
  }
  await trainRiskModelIfMissing(orm);
  // Seeded customers are numbered from 0 without gaps: the slice's ids follow the highest.
  const stored = (await countRows(orm)).customers ?? 0;
  const customers = Math.max(1, Math.round(stored * SLICE_SHARE));
  console.log(`importing ${customers.toLocaleString('en')} new customers with their records…`);
  const slice = await seedWithProgress(orm, { ...seed, firstCustomer: stored, customers });
  await settleAfterImport(orm);
  return { seed: seedRates, slice: { customers, byKind: importRates(slice) } };
}

/**
 * Whether the metrics query over HTTP returns the same groups and numbers as the raw SQL; a difference
 * fails the run (exit code 1) after it is measured.
 */
async function verifyMetrics(
  graphqlUrl: string,
  token: string,
  metricsCall: OperationCall,
  rawRows: MetricValues[],
): Promise<BenchReport['verification']> {
  const { metrics } = await request<{ metrics: MetricValues[] }>(
    graphqlUrl,
    token,
    readOperation(metricsCall.operation),
    metricsCall.variables,
  );
  const mismatches = compareMetrics(metrics.map(fromApiRow), rawRows);
  if (mismatches.length > 0) {
    process.exitCode = 1;
    console.error(`the metrics query and the raw SQL disagree:\n  ${mismatches.slice(0, 10).join('\n  ')}`);
  }
  return { metricRows: metrics.length, mismatches };
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
