import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('dry-runs, imports, lists the first 50 problems of an invalid file without writing, re-imports idempotently', async () => {
    const dryRun = await cx('customers', fixture('customers.csv'), '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(lines(dryRun.stdout)).toEqual([
      expect.stringMatching(
        /^dry run: read 3 customers rows from .*customers\.csv in \d+\.\d\d s \(\d+ rows\/s\), all valid$/,
      ),
      'would have inserted 3, updated 0, unchanged 0; nothing was written',
    ]);
    expect(await stored('customers')).toEqual([]);

    const imported = await cx('customers', fixture('customers.csv'));
    expect(imported.code).toBe(0);
    expect(lines(imported.stdout)).toEqual([
      expect.stringMatching(/^read 3 customers rows from .*customers\.csv in \d+\.\d\d s \(\d+ rows\/s\)$/),
      'inserted 3, updated 0, unchanged 0',
    ]);
    expect(await stored('customers')).toEqual(['C1', 'C2', 'C3']);

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
