import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api-server.js';
import { runCli } from './support/cli.js';
import { DIALECTS } from './support/databases.js';

/**
 * docs/importing.md, "From an export to the dashboard", step by step: the sample files under the names the
 * walk gives them, the exact commands, the outputs it shows, and the numbers it reads off the API.
 */
const FILES: Record<string, string> = {
  'customers.csv': 'crm-customers.csv',
  'customers.mapping.yaml': 'crm-customers.mapping.yaml',
  'responses.csv': 'qualtrics-cx.csv',
  'tickets.json': 'zendesk-incremental.json',
  'users.json': 'zendesk-users.json',
  'zendesk.yaml': 'zendesk-settings.yaml',
  'ratings.json': 'zendesk-satisfaction-ratings.json',
};

const lines = (output: string) => output.trimEnd().split('\n');
/** The first summary line, whose time and rate vary. */
const read = (rows: number, kind: string, file: string, dryRun = false) =>
  new RegExp(
    `^${dryRun ? 'dry run: ' : ''}read ${rows} ${kind} rows from ${file} in \\d+\\.\\d\\d s \\(\\d+ rows/s\\)${dryRun ? ', all valid' : ''}$`,
  );

describe.each(DIALECTS)('the import walkthrough on %s', (dialect) => {
  let api: TestApi;
  let folder: string;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    folder = mkdtempSync(join(tmpdir(), 'cx-walk-'));
    for (const [name, fixture] of Object.entries(FILES)) {
      copyFileSync(
        fileURLToPath(new URL(`fixtures/vendors/${fixture}`, import.meta.url)),
        join(folder, name),
      );
    }
  });
  afterAll(async () => {
    await api?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** `pnpm cx …` in the folder holding the files, on the API's database. */
  const cx = async (command: string) => {
    const result = await runCli(
      command.split(' ').map((arg) => (arg in FILES ? join(folder, arg) : arg)),
      { CX_DATABASE_URL: api.database.config.url },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Paths are shown as given: the walk gives bare file names.
    return lines(result.stdout.replaceAll(`${folder}/`, ''));
  };

  it('1. customers, 2. the Qualtrics survey, 3. the Zendesk tickets and ratings, 4. the numbers the dashboard shows', async () => {
    expect(await cx('import customers customers.csv --mapping customers.mapping.yaml')).toEqual([
      expect.stringMatching(read(4, 'customers', 'customers.csv')),
      'inserted 4, updated 0, unchanged 0',
    ]);

    const skippedResponses = [
      'skipped 1 unfinished responses (Finished = False)',
      'skipped 1 anonymous responses (no ExternalReference, no RecipientEmail)',
      'skipped 1 survey previews, tests and spam (Status)',
      'skipped 1 finished responses without an answer to the metric questions',
    ];
    expect(await cx('import surveys responses.csv --format qualtrics --dry-run')).toEqual([
      expect.stringMatching(read(12, 'surveys', 'responses.csv', true)),
      'would have inserted 8, updated 0, unchanged 0; nothing was written',
      ...skippedResponses,
    ]);
    expect(await cx('import surveys responses.csv --format qualtrics')).toEqual([
      expect.stringMatching(read(12, 'surveys', 'responses.csv')),
      'inserted 8, updated 0, unchanged 0',
      ...skippedResponses,
    ]);

    expect(
      await cx('import contacts tickets.json --format zendesk --users users.json --settings zendesk.yaml'),
    ).toEqual([
      expect.stringMatching(read(8, 'contacts', 'tickets.json')),
      'inserted 5, updated 0, unchanged 0',
      'skipped 1 tickets via "sample_ticket", not a customer contact (map it under channels: in the settings to keep them)',
      'skipped 1 deleted tickets',
      'skipped 1 tickets via "carrier_pigeon", a channel this importer does not know (map it under channels: in the settings)',
    ]);
    expect(await cx('import surveys ratings.json --format zendesk --users users.json')).toEqual([
      expect.stringMatching(read(4, 'surveys', 'ratings.json')),
      'inserted 3, updated 0, unchanged 0',
      'skipped 1 satisfaction surveys offered but not answered',
    ]);

    const { data, errors } = await api.graphql<{ metrics: Record<string, unknown>[] }>(
      '{ metrics(dimensions: [GENERATION]) { generation npsResponses nps csatResponses avgCsat contacts } }',
    );
    expect(errors).toBeUndefined();
    const byGeneration = Object.fromEntries(data!.metrics.map((row) => [String(row.generation), row]));
    expect(Object.keys(byGeneration).sort()).toEqual(['MILLENNIAL', 'null']);
    // CUST-1 (born 1985): NPS 10 → 100 × (1 − 0) / 1 = 100; CSAT 5, 4 (Qualtrics), 5, 1 (Zendesk) → 15 / 4
    // = 3.75; tickets 5001, 5003 (api → email by the settings), 5006.
    expect(byGeneration.MILLENNIAL).toMatchObject({
      npsResponses: 1,
      nps: 100,
      csatResponses: 4,
      avgCsat: 3.75,
      contacts: 3,
    });
    // CUST-2 and CUST-4, no birth year: NPS 3 and 7 → 100 × (0 − 1) / 2 = −50; CSAT 2 (Qualtrics) and 1
    // (Zendesk, 5008 matched by e-mail) → 1.5; tickets 5002 and 5008.
    expect(byGeneration.null).toMatchObject({
      npsResponses: 2,
      nps: -50,
      csatResponses: 2,
      avgCsat: 1.5,
      contacts: 2,
    });
  }, 300_000);
});
