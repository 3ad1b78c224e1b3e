import type { GeneratedBatch } from '@cx-pulse/seeds';
import type { Orm } from '../database/orm.js';
import { analyzeTable, analyzeTablesWithoutStatistics, dialectOf } from '../database/dialect.js';
import { refreshRollupStatistics } from '../modules/metrics/rollups/rollup-maintenance.js';
import { importDemoAgents, reviewDemoExceptions } from './demo-agents.js';
import { generatedChunks } from './generate-in-worker.js';
import { IngestService } from '../modules/ingest/ingest.service.js';
import { RECORD_SPECS } from '../modules/ingest/record-specs.js';
import {
  RECORD_KINDS,
  type ImportSummary,
  type NumberedRow,
  type RawRow,
  type RecordKind,
} from '../modules/ingest/record-kind.js';

/** What a demo data set depends on: the same options give the same rows on SQLite and PostgreSQL. */
export interface SeedOptions {
  customers: number;
  /** Months of history, ending at `until`. */
  months: number;
  seed: number;
  /** End of the history (exclusive, UTC day): nothing happens on or after 00:00 UTC of this day. */
  until: Date;
  /**
   * Index of the first customer generated (default 0, C0000001): a later index adds customers with new
   * ids to a seeded data set, as the benchmark does to time imports into a database of a given size.
   */
  firstCustomer?: number;
  /**
   * Load through the bulk path (staging tables, set-based upserts, follow-ups once per chunk of
   * BULK_SEED_CHUNK_CUSTOMERS customers): the default. false imports batch by batch, chunk by chunk
   * of SEED_CHUNK_CUSTOMERS, as a file import without --bulk does.
   */
  bulk?: boolean;
}

/** The demo `pnpm start` seeds into an empty database (up to today). */
export const DEFAULT_DEMO = { customers: 20_000, months: 12, seed: 1 } as const;

/** Customers generated and imported together: keeps memory flat however many customers are seeded. */
export const SEED_CHUNK_CUSTOMERS = 2_000;

/**
 * Customers generated and bulk-loaded together: each chunk is one import per kind, whose follow-ups
 * (rollups, risk, alerts) run once; memory stays flat (about 50 MB of generated rows per chunk).
 */
export const BULK_SEED_CHUNK_CUSTOMERS = 5_000;

export interface SeedProgress {
  customersDone: number;
  customersTotal: number;
  /** Rows of all kinds imported so far. */
  rows: number;
}

export interface SeedSummary {
  rowsByKind: Record<RecordKind, number>;
  /** Time spent importing each kind (validation, writing and follow-ups), for rows per second by kind. */
  durationMsByKind: Record<RecordKind, number>;
  /** Rows of all kinds. */
  rows: number;
  inserted: number;
  updated: number;
  /** Rows that were already stored with identical values (re-seeding the same options). */
  unchanged: number;
  durationMs: number;
  rowsPerSecond: number;
}

/** The generated lists in import order: customers first, so the records that reference them find them. */
function byKind(batch: GeneratedBatch): [RecordKind, RawRow[]][] {
  return [
    ['customers', batch.customers],
    // Contacts before the surveys about them (contact_id).
    ['contacts', batch.contacts],
    ['surveys', batch.surveys],
    ['selfservice', batch.sessions],
  ];
}

/**
 * Generates the demo data chunk by chunk and writes it through the same import path as user files
 * (validation, upsert by external id), so seeding twice changes nothing. The next chunk is generated on a
 * worker thread while this one is written (generate-in-worker.ts). A rejected row is a generator bug: it
 * stops the seed with the importer's first problems.
 */
export async function seedDatabase(
  orm: Orm,
  options: SeedOptions,
  onProgress?: (progress: SeedProgress) => void,
): Promise<SeedSummary> {
  const started = performance.now();
  const perKind = () =>
    Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as Record<RecordKind, number>;
  const rowsByKind = perKind();
  const durationMsByKind = perKind();
  const totals = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };
  const first = options.firstCustomer ?? 0;
  const end = first + options.customers;
  // The agent layer (demo-agents.ts): agents before the contacts that name them, reviews after them. The
  // agents belong to the whole data set: a later range of customers (firstCustomer) finds them there.
  if (first === 0) await seedAgents();
  async function seedAgents() {
    const agentsStarted = performance.now();
    const agents = await importDemoAgents(orm, options);
    assertAccepted(agents);
    durationMsByKind.agents += performance.now() - agentsStarted;
    rowsByKind.agents += agents.rowsRead;
    totals.rows += agents.rowsRead;
    totals.inserted += agents.inserted;
    totals.updated += agents.updated;
    totals.unchanged += agents.unchanged;
  }
  const bulk = options.bulk ?? true;
  const chunk = bulk ? BULK_SEED_CHUNK_CUSTOMERS : SEED_CHUNK_CUSTOMERS;
  for await (const { from, count, batch } of generatedChunks(options, first, end, chunk)) {
    for (const [kind, rows] of byKind(batch)) {
      const importStarted = performance.now();
      // Row numbers count each kind across chunks, so a problem names the row's place in the whole data set.
      const firstRow = rowsByKind[kind] + 1;
      const numbered: NumberedRow[] = rows.map((values, offset) => ({ row: firstRow + offset, values }));
      const summary = await new IngestService(orm.em.fork()).importRows(kind, numbered, {
        source: 'seed',
        bulk,
      });
      assertAccepted(summary);
      durationMsByKind[kind] += performance.now() - importStarted;
      rowsByKind[kind] += summary.rowsRead;
      totals.rows += summary.rowsRead;
      totals.inserted += summary.inserted;
      totals.updated += summary.updated;
      totals.unchanged += summary.unchanged;
    }
    onProgress?.({
      customersDone: from - first + count,
      customersTotal: options.customers,
      rows: totals.rows,
    });
  }
  await reviewDemoExceptions(orm, options.until);
  // Chunks stop growing the tables by a tenth after the first few, so imports stop re-analyzing them.
  for (const kind of RECORD_KINDS) await analyzeTable(orm.em, RECORD_SPECS[kind].table);
  // The rollups grew with every chunk from the empty tables the schema built: their statistics too.
  await refreshRollupStatistics(orm.em.getKnex(), dialectOf(orm.em));
  // And the tables no import grew by a tenth (alerts, exception reviews…), never analyzed until now.
  await analyzeTablesWithoutStatistics(orm.em);
  const durationMs = performance.now() - started;
  return {
    rowsByKind,
    durationMsByKind,
    ...totals,
    durationMs,
    rowsPerSecond: totals.rows / (durationMs / 1000),
  };
}

const PROBLEMS_SHOWN = 5;

function assertAccepted(summary: ImportSummary): void {
  if (summary.problemCount === 0 && summary.committed) return;
  const shown = summary.problems.slice(0, PROBLEMS_SHOWN).map((problem) => problem.message);
  const more = summary.problemCount - shown.length;
  throw new Error(
    `the generated ${summary.kind} were rejected (a bug in the generator): ${shown.join('; ')}` +
      (more > 0 ? `; and ${more} more` : ''),
  );
}
