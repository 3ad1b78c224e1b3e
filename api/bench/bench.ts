import 'reflect-metadata';
import { UNTIL_YEARS } from '@cx-pulse/seeds';
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { CliError } from '../src/cli/cli-error.js';
import { utcDay, wholeNumber } from '../src/cli/options.js';
import { REPO_ROOT } from '../src/config.js';
import { initOrm } from '../src/app/orm.js';
import { DEFAULT_DEMO } from '../src/seed/seed.service.js';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  isPostgresUrl,
  reuseDatabase,
  type BenchDatabase,
} from './bench-database.js';
import { benchmark, type BenchOptions } from './benchmark.js';
import { measureSeederMix } from './dataset.js';
import { formatReport, writeReport } from './report.js';

/*
 * pnpm bench: seeds a database at a chosen scale (or reuses a seeded one), then prints one markdown table
 * of import rates, query latencies against the raw SQL floor, and the API's throughput under load, and
 * writes the same as JSON. See docs/benchmarks.md.
 */

interface RawOptions {
  database: 'sqlite' | 'postgres';
  postgresUrl: string;
  customers?: string;
  contacts?: string;
  months?: string;
  until: string;
  runs?: string;
  warmup?: string;
  rawRuns?: string;
  clients?: string;
  duration?: string;
  out?: string;
  keep?: boolean;
  liveOnly?: boolean;
  reuse?: string;
}

interface RunOptions extends BenchOptions {
  reuse: string | undefined;
  postgresUrl: string;
  keep: boolean;
  out: string | undefined;
  /** startedAt as YYYYMMDD_HHMMSS (UTC), naming the scratch database and the results file. */
  stamp: string;
}

/** A fixed end of history (the first of a month, so the 12-month query covers 12 whole months). */
const DEFAULT_UNTIL = '2026-11-01';
/** Where the command was started (pnpm runs it in api/): relative paths given on the command line. */
const CALLER_DIR = process.env.INIT_CWD ?? process.cwd();

const program = new Command('bench')
  .description(
    'Seed a database at a chosen scale (or reuse one), then measure import rates, the latency of the ' +
      'overview, a 12-month × channel × generation metrics query and a churn-risk page over HTTP against ' +
      'the raw SQL floor, and the throughput of the dashboard mix beside { __typename }.',
  )
  .addOption(
    new Option('--database <kind>', 'database to seed and measure')
      .choices(['sqlite', 'postgres'])
      .default('sqlite'),
  )
  .option(
    '--postgres-url <url>',
    'server on which a scratch database cx_bench_<timestamp> is created and dropped',
    'postgres://postgres@127.0.0.1:5432/postgres',
  )
  .addOption(
    new Option(
      '--customers <n>',
      `customers to seed (default ${DEFAULT_DEMO.customers}, the demo)`,
    ).conflicts('contacts'),
  )
  .option('--contacts <n>', 'seed about this many contacts instead (the customer count is derived)')
  .option('--months <m>', `months of seeded history (default ${DEFAULT_DEMO.months})`)
  .option('--until <date>', 'end of the seeded history, exclusive, YYYY-MM-DD (UTC)', DEFAULT_UNTIL)
  .option('--runs <n>', 'measured runs of each query (default 30)')
  .option('--warmup <n>', 'unmeasured runs of each query first (default 5)')
  .option('--raw-runs <n>', 'measured runs of the raw SQL floor (default 5)')
  .option('--clients <n>', 'concurrent connections of each load run (default 50)')
  .option('--duration <s>', 'seconds of each load run (default 20)')
  .option('--live-only', 'measure only the live run: no raw SQL floor, probes, cold pass or load runs')
  .option('--out <file>', 'JSON results (default loadtest/results/<database>-<contacts>-<timestamp>.json)')
  .option('--keep', 'keep the scratch database afterwards and print where it is')
  .addOption(
    new Option(
      '--reuse <database>',
      'measure an already seeded database (a SQLite file or a postgres:// URL) instead of seeding one; ' +
        'it is migrated first and gains 1% new customers, the import that is timed; --database follows it',
    ).conflicts(['customers', 'contacts', 'keep']),
  )
  .showHelpAfterError();

/**
 * Set while a scratch database exists that is not to be kept: Ctrl-C removes it before exiting. A
 * SQLite seed never yields to the event loop (better-sqlite3 is synchronous), so there the signal is
 * handled once seeding is done; killing the process instead would leave the file behind.
 */
let dropOnSignal: (() => Promise<void>) | undefined;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    // Dropping needs neither the server nor the ORM closed: the file goes, or PostgreSQL ends the sessions.
    void (dropOnSignal?.() ?? Promise.resolve())
      .catch((error: unknown) => console.error(`could not remove the database: ${String(error)}`))
      .finally(() => process.exit(130));
  });
}

try {
  await run(parseOptions(program.parse().opts<RawOptions>()));
} catch (error) {
  process.exitCode = 1;
  // After Ctrl-C the drop ends the connection under the running query: that failure is expected.
  if (!interrupted) console.error(error instanceof CliError ? `error: ${error.message}` : error);
}

async function run(options: RunOptions): Promise<void> {
  const database = await openDatabase(options);
  if (!database.reused && !options.keep) dropOnSignal = () => database.drop();
  try {
    // Migrates: a reused database may predate tables the API now needs.
    const orm = await initOrm(database.config);
    try {
      const report = await benchmark(orm, database, options);
      const db = options.dialect === 'sqlite' ? 'sqlite' : 'postgres';
      const out =
        options.out ??
        resolve(REPO_ROOT, 'loadtest', 'results', `${db}-${report.dataset.contacts}-${options.stamp}.json`);
      writeReport(report, out);
      console.log(`\n${formatReport(report)}\n\nwritten to ${out}`);
    } finally {
      await orm.close(true);
    }
  } finally {
    if (options.keep) console.log(`kept ${database.location}`);
    else await database.drop();
  }
}

function openDatabase(options: RunOptions): Promise<BenchDatabase> | BenchDatabase {
  if (options.reuse !== undefined) return reuseDatabase(options.reuse);
  return options.dialect === 'sqlite'
    ? createSqliteDatabase()
    : createPostgresDatabase(options.postgresUrl, `cx_bench_${options.stamp}`);
}

function parseOptions(raw: RawOptions): RunOptions {
  const startedAt = new Date();
  const until = utcDay('--until', raw.until, UNTIL_YEARS);
  const months = wholeNumber('--months', raw.months, DEFAULT_DEMO.months, 1, 120);
  let customers = wholeNumber('--customers', raw.customers, DEFAULT_DEMO.customers, 1);
  if (raw.contacts !== undefined) {
    const target = wholeNumber('--contacts', raw.contacts, 0, 1);
    const mix = measureSeederMix({ months, seed: DEFAULT_DEMO.seed, until });
    customers = Math.max(1, Math.round(target / mix.contacts));
    console.log(
      `seeder mix (first ${mix.sampleCustomers.toLocaleString('en')} customers): ` +
        `${mix.contacts.toFixed(2)} contacts, ${mix.surveys.toFixed(2)} survey responses, ` +
        `${mix.sessions.toFixed(2)} self-service sessions per customer; ` +
        `${target.toLocaleString('en')} contacts ≈ ${customers.toLocaleString('en')} customers`,
    );
  }
  // A SQLite path is relative to where the command was started; the dialect follows what is reused.
  const reuse =
    raw.reuse === undefined || isPostgresUrl(raw.reuse) ? raw.reuse : resolve(CALLER_DIR, raw.reuse);
  const database = reuse === undefined ? raw.database : isPostgresUrl(reuse) ? 'postgres' : 'sqlite';
  return {
    dialect: database === 'sqlite' ? 'sqlite' : 'postgresql',
    postgresUrl: raw.postgresUrl,
    seed: { customers, months, seed: DEFAULT_DEMO.seed, until },
    runs: wholeNumber('--runs', raw.runs, 30, 1),
    warmup: wholeNumber('--warmup', raw.warmup, 5, 0),
    rawRuns: wholeNumber('--raw-runs', raw.rawRuns, 5, 1),
    clients: wholeNumber('--clients', raw.clients, 50, 1),
    durationSeconds: wholeNumber('--duration', raw.duration, 20, 1),
    liveOnly: raw.liveOnly === true,
    out: raw.out === undefined ? undefined : resolve(CALLER_DIR, raw.out),
    keep: raw.keep === true,
    reuse,
    startedAt,
    stamp: startedAt.toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15),
  };
}
