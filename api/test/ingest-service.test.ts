import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { BATCH_ROWS } from '../src/modules/ingest/validate-batches.js';
import { openRecordFile, readerFor } from '../src/modules/ingest/readers/read-file.js';
import type { NumberedRow, RawRow, RecordKind } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { EXPECTED } from '../src/modules/ingest/row-problem.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/ingest/${name}`, import.meta.url));

function numbered(rows: RawRow[], first = 2): NumberedRow[] {
  return rows.map((values, index) => ({ row: first + index, values }));
}

function customer(index: number, changes: RawRow = {}): RawRow {
  return { customer_id: `C${index}`, birth_year: 1950 + (index % 60), signup_date: '2025-01-01', ...changes };
}

describe.each(DIALECTS)('IngestService on %s', (dialect) => {
  let database: MigratedDatabase;
  beforeEach(async () => {
    database = await createMigratedDatabase(dialect);
  });
  afterEach(async () => {
    await database.drop();
  });

  const service = () => new IngestService(database.orm.em.fork());
  const knex = () => database.orm.em.getConnection().getKnex();
  const importFile = (kind: RecordKind, name: string, options = {}) => {
    const path = fixture(name);
    return service().importRows(
      kind,
      openRecordFile(path, RECORD_SPECS[kind], readerFor(path)!).rows,
      options,
    );
  };
  /** Stored rows as comparable values: timestamps as ISO strings, booleans as booleans. */
  const stored = async (table: string, columns: string[]) => {
    const rows: Record<string, unknown>[] = await knex()(table).select(columns).orderBy('external_id');
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          /_at$|_date$/.test(column) && value !== null
            ? new Date(dialect === 'sqlite' ? Number(value) : (value as string | Date)).toISOString()
            : value,
        ]),
      ),
    );
  };

  it('stores every kind from CSV and NDJSON, converting timestamps with offsets to UTC', async () => {
    expect(await importFile('customers', 'customers.csv')).toMatchObject({
      rowsRead: 3,
      inserted: 3,
      committed: true,
    });
    expect(await importFile('surveys', 'surveys.csv')).toMatchObject({
      rowsRead: 3,
      inserted: 3,
      problemCount: 0,
    });
    expect(await importFile('contacts', 'contacts.csv')).toMatchObject({ inserted: 2, problemCount: 0 });
    expect(await importFile('selfservice', 'selfservice.ndjson')).toMatchObject({
      inserted: 2,
      problemCount: 0,
    });

    expect(
      await stored('customers', [
        'external_id',
        'name',
        'email',
        'generation',
        'region',
        'tier',
        'lifetime_value',
        'signup_date',
        'churned_at',
      ]),
    ).toEqual([
      {
        external_id: 'C1',
        name: 'Ada Byron',
        email: 'ada@example.com',
        generation: 'boomer',
        region: 'north',
        tier: 'vip',
        lifetime_value: 1250.5,
        signup_date: '2024-01-15T00:00:00.000Z',
        churned_at: null,
      },
      {
        external_id: 'C2',
        name: 'Grace, Hopper',
        email: null,
        generation: 'millennial',
        region: 'south',
        tier: 'standard',
        lifetime_value: 80,
        signup_date: '2025-06-01T08:00:00.000Z',
        churned_at: '2026-02-01T05:00:00.000Z',
      },
      {
        external_id: 'C3',
        name: null,
        email: null,
        generation: 'gen_z',
        region: '{west}, \\ "far"',
        tier: null,
        lifetime_value: null,
        signup_date: '2026-02-28T22:30:00.000Z',
        churned_at: null,
      },
    ]);
    // 01:30 at +03:00 on March 1st is still February 28th in UTC.
    expect(await stored('survey_responses', ['external_id', 'score', 'comment', 'responded_at'])).toEqual([
      { external_id: 'R1', score: 10, comment: 'Fast, friendly', responded_at: '2026-02-28T22:30:00.000Z' },
      {
        external_id: 'R2',
        score: 2,
        comment: 'Waited "forever"\non hold',
        responded_at: '2026-02-28T23:59:59.000Z',
      },
      { external_id: 'R3', score: 7, comment: null, responded_at: '2026-03-01T00:00:00.000Z' },
    ]);
    const [contact] = await knex()('contacts as k')
      .join('customers as c', 'c.id', 'k.customer_id')
      .where('k.external_id', 'K1')
      .select(
        'c.external_id as customer',
        'k.resolved',
        'k.first_contact_resolution',
        'k.recompense_value',
        'k.self_service_session_id',
      );
    expect(contact).toEqual({
      customer: 'C1',
      resolved: dialect === 'sqlite' ? 1 : true,
      first_contact_resolution: dialect === 'sqlite' ? 0 : false,
      recompense_value: 15,
      self_service_session_id: 'S1',
    });
  });

  it('stores the same rows from CSV and from NDJSON: the second import changes nothing', async () => {
    await importFile('customers', 'customers.csv');
    const before = await stored('customers', [
      'external_id',
      'name',
      'email',
      'birth_year',
      'generation',
      'region',
      'tier',
      'lifetime_value',
      'signup_date',
      'churned_at',
      'updated_at',
    ]);
    expect(await importFile('customers', 'customers.ndjson')).toMatchObject({
      rowsRead: 3,
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await stored('customers', Object.keys(before[0]!))).toEqual(before);
  });

  it('re-imports idempotently, and counts and stamps a changed row as updated', async () => {
    const rows = numbered([customer(1), customer(2), customer(3)]);
    expect(await service().importRows('customers', rows)).toMatchObject({
      inserted: 3,
      updated: 0,
      unchanged: 0,
    });
    const before = await stored('customers', ['external_id', 'created_at', 'updated_at']);
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(await service().importRows('customers', rows)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await stored('customers', ['external_id', 'created_at', 'updated_at'])).toEqual(before);

    const changed = numbered([customer(1), customer(2, { region: 'west' }), customer(3), customer(4)]);
    expect(await service().importRows('customers', changed)).toMatchObject({
      inserted: 1,
      updated: 1,
      unchanged: 2,
    });
    const after = await stored('customers', ['external_id', 'region', 'created_at', 'updated_at']);
    expect(after[0]).toEqual({ ...before[0], region: null });
    expect(after[1]).toMatchObject({ region: 'west', created_at: before[1]!.created_at });
    expect(after[1]!.updated_at).not.toBe(before[1]!.updated_at);
  });

  it('keeps the last of rows repeating an id in one batch', async () => {
    const rows = numbered([customer(1, { region: 'north' }), customer(1, { region: 'south' })]);
    expect(await service().importRows('customers', rows)).toMatchObject({
      rowsRead: 2,
      inserted: 1,
      updated: 0,
    });
    expect(await stored('customers', ['external_id', 'region'])).toEqual([
      { external_id: 'C1', region: 'south' },
    ]);
  });

  it('writes nothing when a row after several full batches is invalid, and still counts every problem', async () => {
    const valid = Array.from({ length: 2 * BATCH_ROWS + 10 }, (_, index) => customer(index));
    const invalid = Array.from({ length: 60 }, (_, index) =>
      customer(90_000 + index, { birth_year: 'unknown' }),
    );
    const summary = await service().importRows('customers', numbered([...valid, ...invalid]));
    expect(summary).toMatchObject({
      rowsRead: valid.length + 60,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      problemCount: 60,
      committed: false,
    });
    expect(summary.problems).toHaveLength(50);
    expect(summary.problems[0]!.message).toBe(
      `row ${valid.length + 2}, column birth_year: got "unknown", expected ${EXPECTED.year(new Date().getUTCFullYear())}`,
    );
    expect(await knex()('customers').count({ n: '*' })).toEqual([{ n: dialect === 'sqlite' ? 0 : '0' }]);
  });

  it('reports a reference to a customer that does not exist, alongside the row’s other problems', async () => {
    await service().importRows('customers', numbered([customer(1)]));
    const summary = await service().importRows(
      'surveys',
      numbered([
        { response_id: 'R1', customer_id: 'C1', type: 'nps', score: 9, responded_at: '2026-03-01' },
        { response_id: 'R2', customer_id: 'C404', type: 'ces', score: 8, responded_at: '2026-03-01' },
      ]),
    );
    expect(summary.problems.map((problem) => problem.message)).toEqual([
      `row 3, column score: got "8", expected ${EXPECTED.score('ces' as never)}`,
      'row 3, column customer_id: got "C404", expected the id of an existing customer',
    ]);
    expect(await knex()('survey_responses').count({ n: '*' })).toEqual([
      { n: dialect === 'sqlite' ? 0 : '0' },
    ]);
  });

  it('stores soft references to sessions and contacts as given, without requiring them', async () => {
    await importFile('customers', 'customers.csv');
    expect(await importFile('selfservice', 'selfservice.ndjson')).toMatchObject({
      inserted: 2,
      problemCount: 0,
    });
    expect(await stored('self_service_sessions', ['external_id', 'escalated_contact_id'])).toEqual([
      { external_id: 'S1', escalated_contact_id: 'K1' },
      { external_id: 'S2', escalated_contact_id: null },
    ]);
  });

  it('validates everything in a dry run, customers included, and writes nothing', async () => {
    const dryRun = await importFile('customers', 'customers.csv', { dryRun: true });
    expect(dryRun).toMatchObject({
      rowsRead: 3,
      inserted: 3,
      problemCount: 0,
      dryRun: true,
      committed: false,
    });
    const surveys = await importFile('surveys', 'surveys.csv', { dryRun: true });
    expect(surveys.problemCount).toBe(3);
    expect(surveys.problems.every((problem) => problem.column === 'customer_id')).toBe(true);
    expect(await knex()('customers').count({ n: '*' })).toEqual([{ n: dialect === 'sqlite' ? 0 : '0' }]);
  });

  it('reports progress after each batch', async () => {
    const progress: number[] = [];
    const rows = numbered(Array.from({ length: BATCH_ROWS + 1 }, (_, index) => customer(index)));
    await service().importRows('customers', rows, { onProgress: (read) => progress.push(read) });
    expect(progress).toEqual([BATCH_ROWS, BATCH_ROWS + 1]);
  });

  it('refreshes the planner statistics of a table an import grew by a tenth, not after a handful of rows', async () => {
    const analyzedCustomers = async () => {
      const connection = database.orm.em.getConnection();
      const count = async (sql: string) =>
        Number((await connection.execute<{ n: number | string }[]>(sql))[0]!.n);
      if (dialect === 'postgresql')
        return (await count(`select count(*) as n from pg_stats where tablename = 'customers'`)) > 0;
      // SQLite creates its statistics table with the first ANALYZE.
      if ((await count(`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`)) === 0)
        return false;
      return (await count(`select count(*) as n from sqlite_stat1 where tbl = 'customers'`)) > 0;
    };
    await service().importRows(
      'customers',
      numbered(Array.from({ length: 10 }, (_, index) => customer(index))),
    );
    expect(await analyzedCustomers()).toBe(false);
    await service().importRows(
      'customers',
      numbered(Array.from({ length: 1_000 }, (_, index) => customer(100 + index))),
    );
    expect(await analyzedCustomers()).toBe(true);
  });
});
