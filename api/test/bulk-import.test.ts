import { generateCustomers } from '@cx-pulse/seeds';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { selectRows, type Dialect } from '../src/database/dialect.js';
import type { Orm } from '../src/app/orm.js';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import type { ImportFollowUp } from '../src/modules/ingest/import-follow-ups.js';
import { IMPORT_FOLLOW_UPS } from '../src/modules/ingest/import-follow-ups.js';
import type { NumberedRow, RawRow, RecordKind } from '../src/modules/ingest/record-kind.js';
import { BATCH_ROWS } from '../src/modules/ingest/validate-batches.js';
import { EXPECTED } from '../src/modules/ingest/row-problem.js';
import { DERIVED_ROLLUPS } from '../src/modules/metrics/rollups/derived-rollups.js';
import { ROLLUP_TABLES } from '../src/modules/metrics/rollups/rollup-tables.js';
import { trainRiskModelIfMissing } from '../src/modules/risk/risk.command.js';
import { seedDatabase, type SeedOptions } from '../src/seed/seed.service.js';
import { runCli } from './support/cli.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

const options: SeedOptions = { customers: 400, months: 12, seed: 3, until: new Date('2026-10-01') };

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/ingest/${name}`, import.meta.url));

/** Everything an import writes or keeps in step: facts, derived data and the log, by content. */
const TABLES = [
  'customers',
  'contacts',
  'survey_responses',
  'self_service_sessions',
  'customer_risk',
  'alerts',
  'rollup_state',
  ...ROLLUP_TABLES.map(({ table }) => table),
  ...DERIVED_ROLLUPS.map(({ table }) => table),
];

/** Columns that differ between two equal loads (ids handed out, times of writing) are left out. */
const VOLATILE = /^(id|created_at|updated_at|scored_at|built_at|raised_at|opened_at|.*_at_ms)$/;

/** When this run started: times from then on are the loads' own (a risk jump's), not the data's. */
const RUN_STARTED = Date.now();

function comparable(value: unknown): string | null {
  if (value === null) return null;
  const number = Number(value instanceof Date ? value.getTime() : (pgTimestamp(value) ?? value));
  if (Number.isFinite(number)) return number >= RUN_STARTED ? 'during the run' : String(number);
  // A risk jump's trigger key names the customer and when the load scored it.
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/@\d{4}-\d\d-\d\dT[\d:.]+Z$/, '@during the run');
}

/** A PostgreSQL timestamptz as raw SQL returns it (`2026-12-07 04:38:34.681-03`), in epoch milliseconds. */
function pgTimestamp(value: unknown): number | undefined {
  const match = typeof value === 'string' && /^(\d{4}-\d\d-\d\d) ([\d:.]+)([+-]\d\d)$/.exec(value);
  return match ? Date.parse(`${match[1]}T${match[2]}${match[3]}:00`) : undefined;
}

async function snapshot(orm: Orm, dialect: Dialect): Promise<Record<string, string[]>> {
  const knex = orm.em.getConnection().getKnex();
  const tables: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await selectRows(dialect, knex.raw(`select * from "${table}"`));
    tables[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.entries(row)
            .filter(([column]) => !VOLATILE.test(column))
            .map(([column, value]) => [column, comparable(value)]),
        ),
      )
      .sort();
  }
  const [runs] = await selectRows(dialect, knex.raw('select count(*) as n from import_runs'));
  tables.import_runs = [String(runs!.n)];
  return tables;
}

/** Compared table by table, so that a difference names its table. */
function expectSameTables(actual: Record<string, string[]>, expected: Record<string, string[]>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const table of Object.keys(expected)) expect(actual[table], table).toEqual(expected[table]);
}

function numbered(rows: RawRow[]): NumberedRow[] {
  return rows.map((values, index) => ({ row: index + 2, values }));
}

describe.each(DIALECTS)('bulk loads on %s', (dialect) => {
  const databases: MigratedDatabase[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((database) => database.drop()));
  });
  const freshDatabase = async () => {
    const database = await createMigratedDatabase(dialect);
    databases.push(database);
    return database.orm;
  };
  const load = (orm: Orm, kind: RecordKind, rows: RawRow[], more = {}, followUps = IMPORT_FOLLOW_UPS) =>
    new IngestService(orm.em.fork(), followUps).importRows(kind, numbered(rows), {
      bulk: true,
      bulkSegmentRows: 100,
      ...more,
    });

  it('seeds, and then imports changed files, exactly as the batch-by-batch path: rows, counts, rollups, risk, alerts', async () => {
    const [batched, bulk] = [await freshDatabase(), await freshDatabase()];
    await seedDatabase(batched, { ...options, bulk: false });
    await seedDatabase(bulk, { ...options, bulk: true });
    expectSameTables(await snapshot(bulk, dialect), await snapshot(batched, dialect));
    // With a model, the loads below rescore the customers they touch (and may raise risk alerts).
    for (const orm of [batched, bulk]) await trainRiskModelIfMissing(orm);

    // A second load, of two batches and so two segments: new customers' contacts, a contact moved to
    // another customer and one changed, a repeated id whose last row wins, rows identical to the stored.
    const more = generateCustomers(options, 0, 1000);
    const contacts: RawRow[] = more.contacts.slice(0, BATCH_ROWS + 300).map((row) => ({ ...row }));
    contacts[0] = { ...contacts[0]!, customer_id: 'C0000007' };
    contacts[1] = { ...contacts[1]!, wait_seconds: 4321 };
    contacts.push({ ...contacts[2]!, handle_seconds: 99 });
    await new IngestService(batched.em.fork()).importRows('customers', numbered(more.customers));
    await load(bulk, 'customers', more.customers);
    const byBatches = await new IngestService(batched.em.fork()).importRows('contacts', numbered(contacts));
    const byBulk = await load(bulk, 'contacts', contacts);
    expect(byBulk.problemCount).toBe(0);
    expect(byBulk).toMatchObject({
      inserted: byBatches.inserted,
      updated: byBatches.updated,
      unchanged: byBatches.unchanged,
      committed: true,
    });
    const after = await snapshot(bulk, dialect);
    expectSameTables(after, await snapshot(batched, dialect));
    expect(after.customer_risk!.length).toBeGreaterThan(100);
  });

  it('keeps the last row of an id repeated in a later batch of the same segment, as the batch-by-batch path', async () => {
    const [batched, bulk] = [await freshDatabase(), await freshDatabase()];
    for (const orm of [batched, bulk]) await seedDatabase(orm, { ...options, bulk: false });
    // The seeded customers' contacts again under new ids, so that the file has two batches; one of them
    // comes back in the second batch with another value.
    const stored = generateCustomers(options, 0, options.customers).contacts;
    const contacts: RawRow[] = [
      ...stored,
      ...stored.map((row) => ({ ...row, contact_id: `${row.contact_id}-b` })),
    ];
    expect(contacts.length).toBeGreaterThan(BATCH_ROWS + 10);
    contacts[BATCH_ROWS + 5] = { ...contacts[stored.length + 2]!, handle_seconds: 77 };

    const byBatches = await new IngestService(batched.em.fork()).importRows('contacts', numbered(contacts));
    const byBulk = await load(bulk, 'contacts', contacts, { bulkSegmentRows: contacts.length });
    // Batch by batch the repeated id is counted in each batch, in one segment once (the last row).
    expect(byBulk).toMatchObject({ inserted: byBatches.inserted, updated: 0, committed: true });
    expectSameTables(await snapshot(bulk, dialect), await snapshot(batched, dialect));
  });

  it('refuses a file whose late rows are invalid after earlier segments were written, naming row, column and expected, and leaves the database unchanged', async () => {
    const orm = await freshDatabase();
    await seedDatabase(orm, options);
    const before = await snapshot(orm, dialect);
    // More than one batch of BATCH_ROWS: the first is staged and written before the problems are met.
    const rows: RawRow[] = generateCustomers(options, 400, 1000).contacts.map((row) => ({
      ...row,
      customer_id: 'C0000001',
    }));
    expect(rows.length).toBeGreaterThan(BATCH_ROWS + 150);
    rows[BATCH_ROWS + 140] = { ...rows[BATCH_ROWS + 140]!, customer_id: 'C9999999' };
    rows[BATCH_ROWS + 150] = { ...rows[BATCH_ROWS + 150]!, wait_seconds: '-3' };

    const summary = await load(orm, 'contacts', rows);

    expect(summary).toMatchObject({ committed: false, problemCount: 2, inserted: 0, updated: 0 });
    expect(summary.problems.map(({ message }) => message)).toEqual([
      `row ${BATCH_ROWS + 142}, column customer_id: got "C9999999", expected ${EXPECTED.existingCustomer}`,
      `row ${BATCH_ROWS + 152}, column wait_seconds: got "-3", expected ${EXPECTED.count}`,
    ]);
    expect(await snapshot(orm, dialect)).toEqual(before);
  });

  it('leaves the database unchanged when a follow-up fails after every row was written', async () => {
    const orm = await freshDatabase();
    await seedDatabase(orm, options);
    const before = await snapshot(orm, dialect);
    const failing: ImportFollowUp = () => Promise.reject(new Error('the disk is full'));
    const rows = generateCustomers(options, 400, 80).customers;

    await expect(load(orm, 'customers', rows, {}, [...IMPORT_FOLLOW_UPS, failing])).rejects.toThrow(
      'the disk is full',
    );

    expect(await snapshot(orm, dialect)).toEqual(before);
    // The connection is usable again, and the staging table was rolled back with the rest.
    expect(await load(orm, 'customers', rows)).toMatchObject({ inserted: 80, committed: true });
  });

  it('cx import --bulk reports the same problems and counts as without it, leaving nothing of a refused file', async () => {
    const orm = await freshDatabase();
    const database = databases.at(-1)!;
    const cx = (...args: string[]) => runCli(['import', ...args], { CX_DATABASE_URL: database.config.url });
    expect((await cx('customers', fixture('customers.csv'), '--bulk')).stdout).toContain(
      'inserted 3, updated 0, unchanged 0',
    );
    const refused = await cx('surveys', fixture('surveys-invalid.csv'), '--bulk');
    const batched = await cx('surveys', fixture('surveys-invalid.csv'), '--no-bulk');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'row 4, column customer_id: got "C404", expected the id of an existing customer',
    );
    expect(refused.stderr).toBe(batched.stderr);
    const [surveys] = await selectRows(
      dialect,
      orm.em.getConnection().getKnex().raw('select count(*) as n from survey_responses'),
    );
    expect(Number(surveys!.n)).toBe(0);
  }, 180_000);
});
