import 'reflect-metadata';
import { UNTIL_YEARS } from '@cx-pulse/seeds';
import { Command, Option } from 'commander';
import { CliError } from '../src/cli/cli-error.js';
import { utcDay, wholeNumber } from '../src/cli/options.js';
import { initOrm } from '../src/database/orm.js';
import { DEFAULT_DEMO } from '../src/seed/seed.service.js';
import { createPostgresDatabase, createSqliteDatabase } from './bench-database.js';
import { benchmark, type BenchOptions } from './benchmark.js';
import { measureSeederMix } from './dataset.js';

interface RawOptions {
  database: 'sqlite' | 'postgres';
  postgresUrl: string;
  customers?: string;
  contacts?: string;
  months?: string;
  until: string;
  runs?: string;
  warmup?: string;
  keep?: boolean;
}

/** A fixed end of history (the first of a month, so the 12-month query covers 12 whole months). */
const DEFAULT_UNTIL = '2026-11-01';

const program = new Command('bench:metrics')
  .description(
    'Seed a fresh database, serve the API in-process and time the overview and a 12-month × channel × ' +
      'generation metrics query over HTTP against the same aggregate as hand-written SQL.',
  )
  .addOption(
    new Option('--database <kind>', 'database to measure').choices(['sqlite', 'postgres']).default('sqlite'),
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
  .option('--keep', 'keep the database afterwards and print where it is')
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

async function run(options: BenchOptions): Promise<void> {
  const database =
    options.dialect === 'sqlite'
      ? createSqliteDatabase()
      : await createPostgresDatabase(options.postgresUrl, `cx_bench_${options.stamp}`);
  if (!options.keep) dropOnSignal = () => database.drop();
  try {
    const orm = await initOrm(database.config);
    try {
      await benchmark(orm, database, options);
    } finally {
      await orm.close(true);
    }
  } finally {
    if (options.keep) console.log(`kept ${database.location}`);
    else await database.drop();
  }
}

function parseOptions(raw: RawOptions): BenchOptions {
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
  return {
    dialect: raw.database === 'sqlite' ? 'sqlite' : 'postgresql',
    postgresUrl: raw.postgresUrl,
    seed: { customers, months, seed: DEFAULT_DEMO.seed, until },
    runs: wholeNumber('--runs', raw.runs, 30, 1),
    warmup: wholeNumber('--warmup', raw.warmup, 5, 0),
    keep: raw.keep === true,
    startedAt,
    stamp: startedAt.toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15),
  };
}
