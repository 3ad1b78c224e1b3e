import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { CliError } from '../src/cli/cli-error.js';
import { wholeNumber } from '../src/cli/options.js';
import { initOrm } from '../src/app/orm.js';
import { trainRiskModelIfMissing } from '../src/modules/risk/risk.command.js';
import { seedDatabase, type SeedOptions } from '../src/seed/seed.service.js';
import { createPostgresDatabase, createSqliteDatabase, type BenchDatabase } from './bench-database.js';
import { writeDataFiles, type DataFiles } from './data-files.js';
import { measureSeederMix } from './dataset.js';

/*
 * pnpm bench:import: times `cx import contacts <file>` of a large generated file, as a user runs it (a
 * child process, the bulk path by default), into a scratch database that already holds a small demo
 * (so a risk model exists and rollups, risk scores and alerts are all maintained) and the file's
 * customers. Prints rows per second and the import process's peak resident memory. See
 * docs/benchmarks.md.
 */

interface RawOptions {
  database: 'sqlite' | 'postgres';
  postgresUrl: string;
  contacts: string;
  files?: string;
  bulk: boolean;
}

const API_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The demo the file is imported beside: enough customers and history to train the risk model. */
const BASE: SeedOptions = { customers: 2_000, months: 12, seed: 1, until: new Date('2026-11-01') };

const program = new Command('bench:import')
  .description(
    'Import a generated file of about N contacts (after its customers) into a scratch database with ' +
      '`cx import`, and print rows per second and the peak resident memory of the import.',
  )
  .addOption(new Option('--database <kind>').choices(['sqlite', 'postgres']).default('sqlite'))
  .option(
    '--postgres-url <url>',
    'server on which a scratch database cx_import_<timestamp> is created and dropped',
    'postgres://postgres@127.0.0.1:5432/postgres',
  )
  .option('--contacts <n>', 'contacts in the file', '1000000')
  .option(
    '--files <dir>',
    'keep the generated files in this folder and reuse them when they are there (generating 1M contacts takes minutes)',
  )
  .option('--no-bulk', 'import batch by batch instead (cx import --no-bulk), for comparison')
  .showHelpAfterError();

try {
  await run(program.parse().opts<RawOptions>());
} catch (error) {
  process.exitCode = 1;
  console.error(error instanceof CliError ? `error: ${error.message}` : error);
}

async function run(raw: RawOptions): Promise<void> {
  const contacts = wholeNumber('--contacts', raw.contacts, 1_000_000, 1);
  const mix = measureSeederMix(BASE);
  const customers = Math.max(1, Math.round(contacts / mix.contacts));
  const dir = raw.files ?? mkdtempSync(join(tmpdir(), 'cx-import-files-'));
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
  const database =
    raw.database === 'sqlite'
      ? createSqliteDatabase()
      : await createPostgresDatabase(raw.postgresUrl, `cx_import_${stamp}`);
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' ');
  console.log(`machine: ${cpus().length} cores, load average at the start ${load()}`);
  try {
    const files = await dataFiles(dir, { ...BASE, customers, firstCustomer: BASE.customers });
    console.log(`database: ${database.location}`);
    const orm = await initOrm(database.config);
    try {
      const seeded = await seedDatabase(orm, BASE);
      console.log(`seeded the base demo: ${seeded.rows.toLocaleString('en')} rows`);
      await trainRiskModelIfMissing(orm);
    } finally {
      await orm.close(true);
    }
    const rows = [
      await timedImport(database, 'customers', files.customers, raw.bulk),
      await timedImport(database, 'contacts', files.contacts, raw.bulk),
    ];
    console.log(`\nload average at the end ${load()}\n`);
    console.log(
      `| import (${raw.bulk ? 'bulk' : 'batch by batch'}, ${raw.database}) | rows | seconds | rows/s | CPU s | CPU µs/row | peak RSS |`,
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      console.log(
        `| ${row.kind} | ${row.rows.toLocaleString('en')} | ${row.seconds.toFixed(1)} | ` +
          `${Math.round(row.rows / row.seconds).toLocaleString('en')} | ${row.cpuSeconds.toFixed(1)} | ` +
          `${Math.round((row.cpuSeconds * 1e6) / row.rows)} | ${Math.round(row.peakKib / 1024)} MB |`,
      );
    }
  } finally {
    await database.drop();
    if (!raw.files) rmSync(dir, { recursive: true, force: true });
  }
}

/** The files for these options, generated unless `dir` holds them already (from an earlier --files run). */
async function dataFiles(dir: string, options: SeedOptions): Promise<DataFiles> {
  const marker = join(dir, `${options.customers}-customers-from-${options.firstCustomer}.done`);
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  if (!existsSync(marker)) {
    console.log(`generating the files for ${options.customers.toLocaleString('en')} customers in ${dir}…`);
    const files = await writeDataFiles(dir, options);
    mkdirSync(marker);
    console.log(
      `generated ${files.contacts.rows.toLocaleString('en')} contacts in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    return files;
  }
  const path = (kind: string) => ({ path: join(dir, `${kind}.csv`), rows: Number.NaN });
  console.log(`reusing the files in ${dir}`);
  return {
    customers: path('customers'),
    contacts: path('contacts'),
    surveys: path('surveys'),
    selfservice: path('selfservice'),
  };
}

interface TimedImport {
  kind: string;
  rows: number;
  seconds: number;
  peakKib: number;
  /** CPU time of the import process, all its threads (the database server's is not counted). */
  cpuSeconds: number;
}

/** Runs `cx import <kind> <file>` (compiled, as `pnpm cx` runs it) against the database, timed from start to exit. */
async function timedImport(
  database: BenchDatabase,
  kind: string,
  file: { path: string },
  bulk: boolean,
): Promise<TimedImport> {
  const args = ['--import', './bench/peak-rss.js', 'scripts/cx.js', 'import', kind, file.path];
  args.push(bulk ? '--bulk' : '--no-bulk');
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: API_ROOT,
    env: { ...process.env, CX_DATABASE_URL: database.config.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(stdout);
  // CX_IMPORT_PHASES=1 (inherited): the import's own table of CPU by phase, on its stderr.
  if (process.env.CX_IMPORT_PHASES) process.stdout.write(stderr.replace(/^(peak-rss-kib|cpu-us) .*$/gm, ''));
  if (code !== 0) throw new Error(`cx import ${kind} failed (${code}):\n${stderr}`);
  const rows = Number(/read (\d+) /.exec(stdout)?.[1]);
  const peakKib = Number(/peak-rss-kib (\d+)/.exec(stderr)?.[1]);
  const cpuSeconds = Number(/cpu-us (\d+)/.exec(stderr)?.[1]) / 1e6;
  return { kind, rows, seconds, peakKib, cpuSeconds };
}
