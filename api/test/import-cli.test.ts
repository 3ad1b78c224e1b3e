import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { EXPECTED } from '../src/modules/ingest/row-problem.js';
import { runCli } from './support/cli.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/ingest/${name}`, import.meta.url));
const lines = (output: string) => output.trimEnd().split('\n');

describe.each(DIALECTS)('cx import on %s', (dialect) => {
  let database: MigratedDatabase;
  let scratch: string;
  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
    scratch = mkdtempSync(join(tmpdir(), 'cx-import-'));
  });
  afterAll(async () => {
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const cx = (...args: string[]) => runCli(['import', ...args], { CX_DATABASE_URL: database.config.url });
  const stored = async (table: string) =>
    (await database.orm.em.getConnection().getKnex()(table).select('external_id').orderBy('external_id')).map(
      (row: { external_id: string }) => row.external_id,
    );

  // One story told in steps, a test each, in order on one database: every `cx` is a process that loads the
  // whole CLI first (several seconds, far more on a busy machine), so one test for all four ran close to its timeout.
  it('dry-runs an import without writing', async () => {
    const dryRun = await cx('customers', fixture('customers.csv'), '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(lines(dryRun.stdout)).toEqual([
      expect.stringMatching(
        /^dry run: read 3 customers rows from .*customers\.csv in \d+\.\d\d s \(\d+ rows\/s\), all valid$/,
      ),
      'would have inserted 3, updated 0, unchanged 0; nothing was written',
    ]);
    expect(await stored('customers')).toEqual([]);
  });

  it('imports the file the dry run read', async () => {
    const imported = await cx('customers', fixture('customers.csv'));
    expect(imported.code).toBe(0);
    expect(lines(imported.stdout)).toEqual([
      expect.stringMatching(/^read 3 customers rows from .*customers\.csv in \d+\.\d\d s \(\d+ rows\/s\)$/),
      'inserted 3, updated 0, unchanged 0',
    ]);
    expect(await stored('customers')).toEqual(['C1', 'C2', 'C3']);
  });

  it('lists the first 50 problems of an invalid file without writing', async () => {
    // The fixture's problems, then 50 more rows with a bad score: the first 50 problems are listed.
    const invalidFile = join(scratch, 'surveys-invalid.csv');
    const extra = Array.from({ length: 50 }, (_, index) => `X${index},C1,nps,99,,,,2026-03-01,`);
    writeFileSync(invalidFile, readFileSync(fixture('surveys-invalid.csv'), 'utf8') + extra.join('\n'));
    const invalid = await cx('surveys', invalidFile);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    const problems = lines(invalid.stderr);
    expect(problems.slice(0, 8)).toEqual([
      `row 1, column mood: got "mood", expected ${EXPECTED.knownColumn(['response_id', 'customer_id', 'type', 'score', 'comment', 'channel', 'touchpoint', 'responded_at', 'contact_id'])}`,
      'row 2, column score: got "11", expected an integer from 0 to 10 for an nps response',
      'row 3, column score: got "0", expected an integer from 1 to 5 for a csat response',
      'row 3, column channel: got "Phone", expected one of phone, chat, email, social, video, in_person',
      `row 3, column responded_at: got "2026-02-30", expected ${EXPECTED.timestamp}`,
      'row 4, column score: got "8", expected an integer from 1 to 7 for a ces response',
      'row 4, column customer_id: got "C404", expected the id of an existing customer',
      `row 5: got "R4,C1,nps,9,,,,2026-03-01", expected ${EXPECTED.valuesPerLine(9)}`,
    ]);
    expect(problems[8]).toBe(
      'row 6, column score: got "99", expected an integer from 0 to 10 for an nps response',
    );
    expect(problems.slice(50)).toEqual([
      '… and 8 more problems',
      expect.stringMatching(/^error: 58 problems in 54 rows of .*surveys-invalid\.csv: nothing was written$/),
    ]);
    expect(await stored('survey_responses')).toEqual([]);
  });

  it('re-imports idempotently, and logs only the committed imports', async () => {
    const again = await cx('customers', fixture('customers.ndjson'));
    expect(again.code).toBe(0);
    expect(lines(again.stdout)[1]).toBe('inserted 0, updated 0, unchanged 3');

    // Only the two committed imports are logged, by file name; the dry run and the rejected file are not.
    const runs = await database.orm.em
      .getConnection()
      .getKnex()('import_runs')
      .orderBy('id')
      .select('source', 'kind');
    expect(runs).toEqual([
      { source: 'customers.csv', kind: 'customers' },
      { source: 'customers.ndjson', kind: 'customers' },
    ]);
  });
});

describe('cx import arguments', () => {
  const cx = (...args: string[]) =>
    runCli(['import', ...args], { CX_DATABASE_URL: `sqlite:${join(tmpdir(), 'cx-never-opened.sqlite')}` });

  it('rejects an unknown kind, a missing file and an unknown format with one line each', async () => {
    const [kind, missing, format] = await Promise.all([
      cx('widgets', fixture('customers.csv')),
      cx('customers', '/no/such/customers.csv'),
      cx('customers', fixture('../ingest')),
    ]);
    expect(kind.code).toBe(1);
    expect(kind.stderr).toMatch(/^error: command-argument value 'widgets' is invalid for argument 'kind'/);
    expect(missing).toMatchObject({ code: 1, stderr: 'error: /no/such/customers.csv: no such file\n' });
    expect(format.code).toBe(1);
    expect(format.stderr).toMatch(/^error: .*ingest: expected a \.csv, \.ndjson or \.jsonl file\n$/);
  });
});

describe.each(DIALECTS)('cx import of vendor files, skipping invalid rows, on %s', (dialect) => {
  let database: MigratedDatabase;
  let scratch: string;
  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
    scratch = mkdtempSync(join(tmpdir(), 'cx-rejects-'));
    const emails = [
      'ana.silva@example.com',
      'maria.lopez@example.com',
      'family@example.com',
      'family@example.com',
    ];
    await new IngestService(database.orm.em.fork()).importRows(
      'customers',
      emails.map((email, index) => ({
        row: index + 2,
        values: { customer_id: `CUST-${index + 1}`, email, birth_year: 1980, signup_date: '2025-01-01' },
      })),
    );
  });
  afterAll(async () => {
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const cx = (...args: string[]) => runCli(['import', ...args], { CX_DATABASE_URL: database.config.url });
  const responses = async () =>
    (await database.orm.em.getConnection().getKnex()('survey_responses').select('external_id'))
      .map((row: { external_id: string }) => row.external_id)
      .sort();

  it('refuses a Qualtrics file whole by default; with --skip-invalid imports the rest and writes the refused records, with their problems, as a Qualtrics file', async () => {
    const file = vendorFixture('qualtrics-cx-invalid.csv');
    const whole = await cx('surveys', file, '--format', 'qualtrics');
    expect(whole.code).toBe(1);
    expect(lines(whole.stderr)).toEqual([
      ...REFUSED_QUALTRICS,
      expect.stringMatching(
        /^error: 5 problems in 10 rows of .*qualtrics-cx-invalid\.csv: nothing was written$/,
      ),
    ]);
    expect(await responses()).toEqual([]);

    const unsafe = await cx('surveys', file, '--format', 'qualtrics', '--skip-invalid');
    expect(unsafe).toMatchObject({
      code: 1,
      stderr: 'error: --skip-invalid needs --rejects FILE: the refused rows are written there\n',
    });

    const rejects = join(scratch, 'rejects.csv');
    const partial = await cx(
      'surveys',
      file,
      '--format',
      'qualtrics',
      '--skip-invalid',
      '--rejects',
      rejects,
    );
    expect(partial.code).toBe(0);
    expect(lines(partial.stderr)).toEqual(REFUSED_QUALTRICS);
    expect(lines(partial.stdout)).toEqual([
      expect.stringMatching(/^read 10 surveys rows from .*qualtrics-cx-invalid\.csv in /),
      'inserted 4, updated 0, unchanged 0',
      'skipped 1 unfinished responses (Finished = False)',
      `refused 5 rows: written with their problems to ${rejects} (5 records)`,
    ]);
    expect(await responses()).toEqual(['R_bad1', 'R_bad1-ces', 'R_bad1-csat', 'R_bad5']);

    // The rejects file: the three header rows (the first gains cx_problems), then each refused record.
    const records: string[][] = parseCsv(readFileSync(rejects, 'utf8'));
    const original: string[][] = parseCsv(readFileSync(file, 'utf8'));
    expect(records.slice(0, 3)).toEqual([
      [...original[0]!, 'cx_problems'],
      [...original[1]!, ''],
      [...original[2]!, ''],
    ]);
    expect(records.slice(3).map((record) => [record[8], record.at(-1)])).toEqual([
      ['R_bad2', REFUSED_QUALTRICS[0]],
      ['R_bad3', REFUSED_QUALTRICS[1]],
      ['R_bad4', REFUSED_QUALTRICS[2]],
      ['R_bad5', REFUSED_QUALTRICS[3]],
      ['R_bad6', REFUSED_QUALTRICS[4]],
    ]);
    expect(records.slice(3).map((record) => record.slice(0, -1))).toEqual(original.slice(4, 9));

    // Corrected (R_bad2's score 11 → 10) and imported as it is: the cx_problems column is ignored.
    writeFileSync(rejects, readFileSync(rejects, 'utf8').replace(/,11,3,/, ',10,3,'));
    const again = join(scratch, 'rejects-again.csv');
    const retried = await cx(
      'surveys',
      rejects,
      '--format',
      'qualtrics',
      '--skip-invalid',
      '--rejects',
      again,
    );
    expect(retried.code).toBe(0);
    // Records are numbered in the rejects file: R_bad2 is now row 4, and no longer refused.
    expect(lines(retried.stdout).slice(1)).toEqual([
      'inserted 1, updated 0, unchanged 1',
      'refused 4 rows: written with their problems to ' + again + ' (4 records)',
    ]);
    expect(await responses()).toEqual(['R_bad1', 'R_bad1-ces', 'R_bad1-csat', 'R_bad2', 'R_bad5']);
  }, 240_000);

  it('writes refused NDJSON rows as NDJSON with their problems, hostile keys included', async () => {
    const file = join(scratch, 'surveys.ndjson');
    writeFileSync(
      file,
      [
        '{"response_id":"N1","customer_id":"CUST-1","type":"nps","score":9,"responded_at":"2026-03-01"}',
        '{"response_id":"N2","customer_id":"CUST-1","type":"nps","score":9,"responded_at":"2026-03-01","constructor":"x"}',
        '{"response_id":"N3","customer_id":"CUST-1","type":"csat","score":9,"responded_at":"2026-03-01"}',
        'not json',
      ].join('\n'),
    );
    const rejects = join(scratch, 'rejects.ndjson');
    const result = await cx('surveys', file, '--skip-invalid', '--rejects', rejects);
    expect(result.code).toBe(0);
    expect(lines(result.stdout).slice(1)).toEqual([
      'inserted 1, updated 0, unchanged 0',
      `refused 3 rows: written with their problems to ${rejects} (3 records)`,
    ]);
    const written = lines(readFileSync(rejects, 'utf8')).map(
      (line) => JSON.parse(line) as Record<string, unknown>,
    );
    expect(written.map((row) => [row.response_id ?? row.cx_line, row.cx_problems])).toEqual([
      [
        'N2',
        expect.stringMatching(
          /^row 2, column constructor: got "x", expected one of the columns response_id,/,
        ),
      ],
      ['N3', 'row 3, column score: got "9", expected an integer from 1 to 5 for a csat response'],
      ['not json', `row 4: got "not json", expected ${EXPECTED.jsonObject}`],
    ]);
  }, 240_000);

  it('imports a Zendesk page with a users file and settings, printing what it skipped', async () => {
    const result = await cx(
      'contacts',
      vendorFixture('zendesk-incremental.json'),
      '--format',
      'zendesk',
      '--users',
      vendorFixture('zendesk-users.json'),
      '--settings',
      vendorFixture('zendesk-settings.yaml'),
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(lines(result.stdout).slice(1)).toEqual([
      'inserted 5, updated 0, unchanged 0',
      'skipped 1 tickets via "sample_ticket", not a customer contact (map it under channels: in the settings to keep them)',
      'skipped 1 deleted tickets',
      'skipped 1 tickets via "carrier_pigeon", a channel this importer does not know (map it under channels: in the settings)',
    ]);
    const wrongKind = await cx('customers', vendorFixture('zendesk-incremental.json'), '--format', 'zendesk');
    expect(wrongKind.stderr).toBe('error: --format zendesk imports contacts or surveys, not customers\n');
  }, 240_000);
});

const vendorFixture = (name: string) => fileURLToPath(new URL(`fixtures/vendors/${name}`, import.meta.url));

const REFUSED_QUALTRICS = [
  'row 5 (line 7), column Q1: got "11", expected an integer from 0 to 10 for an nps response',
  'row 6 (line 8), column ExternalReference: got "CUST-404", expected the id of an existing customer',
  'row 7 (line 9), column RecipientEmail: got "nobody@example.com", expected the e-mail of an existing customer (the file has no CRM id for this row)',
  'row 8 (line 10), column Q3: got "9", expected an integer from 1 to 7 for a ces response',
  'row 9 (line 11), column RecipientEmail: got "family@example.com", expected an e-mail that names one customer (2 customers have it: give the row its CRM id)',
];
