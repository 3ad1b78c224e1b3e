import { MAX_MONTHS, MAX_SEED, UNTIL_YEARS } from '@cx-pulse/seeds';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { utcDay, wholeNumber } from '../cli/options.js';
import { withOrm } from '../cli/with-orm.js';
import { analyzeTablesWithoutStatistics } from '../database/dialect.js';
import { RECORD_KINDS } from '../modules/ingest/record-kind.js';
import { trainRiskModelIfMissing } from '../modules/risk/risk.command.js';
import { DEFAULT_DEMO, seedDatabase, type SeedOptions, type SeedSummary } from './seed.service.js';

interface RawSeedOptions {
  customers?: string;
  months?: string;
  seed?: string;
  until?: string;
}

/**
 * `pnpm cx seed`: fills the configured database with deterministic demo data. The same arguments
 * (`--until` included; it defaults to today, UTC) give the same rows on SQLite and on PostgreSQL, and
 * running it again with them changes nothing.
 */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description(
      'Generate calibrated demo data and import it. The same arguments, --until included, give the same ' +
        'rows on SQLite and PostgreSQL; re-running them changes nothing.',
    )
    .option('--customers <n>', `customers to generate (default ${DEFAULT_DEMO.customers})`)
    .option('--months <m>', `months of history, 1-${MAX_MONTHS} (default ${DEFAULT_DEMO.months})`)
    .option('--seed <s>', `random seed, 0-${MAX_SEED} (default ${DEFAULT_DEMO.seed})`)
    .option('--until <date>', 'end of the history, exclusive, as YYYY-MM-DD in UTC (default today)')
    .action(async (raw: RawSeedOptions) => {
      const options = parseSeedOptions(raw, new Date());
      const until = options.until.toISOString().slice(0, 10);
      console.log(
        `Seeding ${options.customers.toLocaleString('en')} customers, ${options.months} month${options.months === 1 ? '' : 's'} up to ${until} ` +
          `(seed ${options.seed})…`,
      );
      await withOrm(async (orm) => {
        const summary = await withProgressBar(options.customers, (onProgress) =>
          seedDatabase(orm, options, onProgress),
        );
        console.log(formatSummary(summary));
        await trainRiskModelIfMissing(orm);
        // The model's snapshots and score rollup are new tables to the planner (docs/operations.md).
        await analyzeTablesWithoutStatistics(orm.em);
      });
    });
}

/** Validates the command-line values; an invalid one stops the command with one line naming it. */
function parseSeedOptions(raw: RawSeedOptions, today: Date): SeedOptions {
  return {
    customers: wholeNumber('--customers', raw.customers, DEFAULT_DEMO.customers, 1, Number.MAX_SAFE_INTEGER),
    months: wholeNumber('--months', raw.months, DEFAULT_DEMO.months, 1, MAX_MONTHS),
    seed: wholeNumber('--seed', raw.seed, DEFAULT_DEMO.seed, 0, MAX_SEED),
    until: raw.until === undefined ? startOfUtcDay(today) : utcDay('--until', raw.until, UNTIL_YEARS),
  };
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Shows a progress bar on stderr when it is a terminal, so piped output and logs stay clean. */
async function withProgressBar<T>(
  customers: number,
  work: (onProgress: (progress: { customersDone: number; rows: number }) => void) => Promise<T>,
): Promise<T> {
  if (!process.stderr.isTTY) return work(() => {});
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        'seed [{bar}] {percentage}% | {value}/{total} customers | {rows} rows | {rate} rows/s | {duration_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(customers, 0, { rows: 0, rate: 0 });
  try {
    return await work(({ customersDone, rows }) => {
      const rate = Math.round(rows / ((performance.now() - started) / 1000));
      bar.update(customersDone, { rows: rows.toLocaleString('en'), rate: rate.toLocaleString('en') });
    });
  } finally {
    bar.stop();
  }
}

function formatSummary(summary: SeedSummary): string {
  const count = (value: number) => value.toLocaleString('en').padStart(12);
  return [
    `Seeded ${summary.rows.toLocaleString('en')} rows in ${(summary.durationMs / 1000).toFixed(1)} s ` +
      `(${Math.round(summary.rowsPerSecond).toLocaleString('en')} rows/s):`,
    ...RECORD_KINDS.map((kind) => `  ${kind.padEnd(12)}${count(summary.rowsByKind[kind])}`),
    `  inserted ${summary.inserted.toLocaleString('en')}, updated ${summary.updated.toLocaleString('en')}, ` +
      `unchanged ${summary.unchanged.toLocaleString('en')}`,
  ].join('\n');
}
