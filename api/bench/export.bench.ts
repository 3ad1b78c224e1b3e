import 'reflect-metadata';
import { Command, Option } from 'commander';
import { wholeNumber } from '../src/cli/options.js';
import { loadConfig } from '../src/config.js';
import { initOrm, type Orm } from '../src/app/orm.js';
import { DEFAULT_DEMO } from '../src/seed/seed.service.js';
import { createServer } from '../src/server/server.js';
import { createPostgresDatabase, createSqliteDatabase } from './bench-database.js';
import { countRows, measureSeederMix, seedWithProgress, settleAfterImport } from './dataset.js';

/*
 * pnpm bench:export: seeds about --contacts contacts into a scratch database, serves the API in-process
 * and downloads /export/contacts.csv and .ndjson over HTTP, reading the body as it streams without
 * keeping it. Prints rows per second and the process's resident memory before and at its peak during
 * each download, for a tenth of the rows (limit) and for all of them: flat memory means the peak does
 * not grow with the row count.
 */

interface RawOptions {
  database: 'sqlite' | 'postgres';
  postgresUrl: string;
  contacts?: string;
}

const options = new Command('bench:export')
  .addOption(new Option('--database <kind>', 'database').choices(['sqlite', 'postgres']).default('sqlite'))
  .option(
    '--postgres-url <url>',
    'server for the scratch database',
    'postgres://postgres@127.0.0.1:5432/postgres',
  )
  .option('--contacts <n>', 'about this many contacts (default 1,000,000)')
  .parse()
  .opts<RawOptions>();

const until = new Date('2026-11-01T00:00:00Z');
const target = wholeNumber('--contacts', options.contacts, 1_000_000, 1);
const mix = measureSeederMix({ months: DEFAULT_DEMO.months, seed: DEFAULT_DEMO.seed, until });
const customers = Math.max(1, Math.round(target / mix.contacts));
const database =
  options.database === 'sqlite'
    ? createSqliteDatabase()
    : await createPostgresDatabase(options.postgresUrl, `cx_bench_export_${Date.now()}`);
try {
  const orm = await initOrm(database.config);
  try {
    await seedWithProgress(orm, { customers, months: DEFAULT_DEMO.months, seed: DEFAULT_DEMO.seed, until });
    await settleAfterImport(orm);
    const { contacts } = await countRows(orm);
    console.log(`${options.database}: ${contacts!.toLocaleString('en')} contacts`);
    await measureExports(orm, contacts!);
  } finally {
    await orm.close(true);
  }
} finally {
  await database.drop();
}

async function measureExports(orm: Orm, contacts: number): Promise<void> {
  const app = await createServer(orm, loadConfig({}, { database: database.config }), { logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    for (const format of ['csv', 'ndjson']) {
      for (const limit of [Math.ceil(contacts / 10), contacts]) {
        const result = await download(`${url}/export/contacts.${format}?limit=${limit}`);
        console.log(
          `contacts.${format} limit=${limit.toLocaleString('en')}: ${result.lines.toLocaleString('en')} lines, ` +
            `${(result.bytes / 1e6).toFixed(0)} MB in ${result.seconds.toFixed(1)} s = ` +
            `${Math.round(result.lines / result.seconds).toLocaleString('en')} rows/s; RSS before ` +
            `${mb(result.rssBefore)} MB, peak ${mb(result.rssPeak)} MB`,
        );
      }
    }
  } finally {
    await app.close();
  }
}

async function download(url: string) {
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  try {
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    }
  } finally {
    clearInterval(sampler);
  }
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  return { bytes, lines, seconds: (performance.now() - started) / 1000, rssBefore, rssPeak };
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}
