import { generateCustomers } from '@cx-pulse/seeds';
import { dialectOf } from '../src/database/dialect.js';
import type { Orm } from '../src/database/orm.js';
import { RECORD_KINDS } from '../src/modules/ingest/record-kind.js';
import {
  SEED_CHUNK_CUSTOMERS,
  seedDatabase,
  type SeedOptions,
  type SeedSummary,
} from '../src/seed/seed.service.js';
import type { ImportRate } from './report.js';

/** Records per customer in a sample of the generator's output for the same months, seed and end. */
export interface SeederMix {
  sampleCustomers: number;
  surveys: number;
  contacts: number;
  sessions: number;
}

/**
 * How many contacts, surveys and sessions the generator gives a customer with these options, from its
 * first customers (a customer's rows depend only on its index, and the mix is stable from a few
 * thousand on), so `--contacts N` can pick the customer count that yields about N contacts.
 */
export function measureSeederMix(options: Omit<SeedOptions, 'customers'>): SeederMix {
  const sample = SEED_CHUNK_CUSTOMERS;
  const batch = generateCustomers(options, 0, sample);
  return {
    sampleCustomers: sample,
    surveys: batch.surveys.length / sample,
    contacts: batch.contacts.length / sample,
    sessions: batch.sessions.length / sample,
  };
}

/**
 * Seeds with a progress line on stderr about every tenth of the customers, as big seeds take minutes
 * (from options.firstCustomer on: a slice of new customers added to a seeded database).
 */
export function seedWithProgress(orm: Orm, options: SeedOptions): Promise<SeedSummary> {
  const step = Math.max(SEED_CHUNK_CUSTOMERS, Math.ceil(options.customers / 10));
  let next = step;
  const started = performance.now();
  return seedDatabase(orm, options, ({ customersDone, customersTotal, rows }) => {
    if (customersDone < next && customersDone < customersTotal) return;
    next += step;
    const rate = Math.round(rows / ((performance.now() - started) / 1000));
    process.stderr.write(
      `  seeded ${customersDone.toLocaleString('en')}/${customersTotal.toLocaleString('en')} customers, ` +
        `${rows.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s\n`,
    );
  });
}

const TABLES = ['customers', 'survey_responses', 'contacts', 'self_service_sessions'] as const;

export async function countRows(orm: Orm): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await orm.em
      .getConnection()
      .execute<{ n: number | string }[]>(`select count(*) as n from ${table}`);
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * Seeding refreshes the planner statistics; on PostgreSQL, autovacuum would also vacuum the freshly
 * loaded tables within minutes (setting the visibility map that index-only scans rely on, and freeing the
 * rows that the imports' updates left dead). Doing it after each load measures that steady state rather than
 * whether autovacuum happened to run yet, or runs at all: the project's CI server has it off, and there a
 * reused database gathered the dead rows of every earlier run.
 */
export async function settleAfterImport(orm: Orm): Promise<void> {
  if (dialectOf(orm.em) === 'postgresql') await orm.em.getConnection().execute('vacuum');
}

/** Rows per second of each kind in a seed (each kind's rows over the time spent importing it). */
export function importRates(summary: SeedSummary): ImportRate[] {
  return RECORD_KINDS.map((kind) => {
    const seconds = summary.durationMsByKind[kind] / 1000;
    const rows = summary.rowsByKind[kind];
    return { kind, rows, seconds, rowsPerSecond: seconds > 0 ? rows / seconds : 0 };
  });
}
