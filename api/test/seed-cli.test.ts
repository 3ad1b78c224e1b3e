import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.js';
import { runCli } from './support/cli.js';

describe.each(DIALECTS)('cx seed on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('seeds the demo with a summary per kind, and a second run with the same arguments changes nothing', async () => {
    database = await createTestDatabase(dialect);
    const env = { CX_DATABASE_URL: database.config.url };
    const args = ['seed', '--customers', '40', '--months', '2', '--seed', '5', '--until', '2025-06-01'];

    const first = await runCli(args, env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Seeding 40 customers, 2 months up to 2025-06-01 (seed 5)');
    expect(first.stdout).toMatch(/^ {2}customers +40$/m);
    expect(first.stdout).toMatch(/Seeded [\d,]+ rows in [\d.]+ s \([\d,]+ rows\/s\)/);
    const rows = Number(/Seeded ([\d,]+) rows/.exec(first.stdout)![1]!.replaceAll(',', ''));
    expect(first.stdout).toContain(`inserted ${rows.toLocaleString('en')}, updated 0, unchanged 0`);

    const second = await runCli(args, env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`inserted 0, updated 0, unchanged ${rows.toLocaleString('en')}`);
  });
});

describe('cx seed options', () => {
  it.each([
    [['--months', '0'], '--months expects a whole number 1-120, got "0"'],
    [['--customers', 'many'], '--customers expects a whole number of at least 1, got "many"'],
    [
      ['--until', '2025-02-30'],
      '--until expects a date as YYYY-MM-DD in the years 2000-2099, got "2025-02-30"',
    ],
    [
      ['--until', '1940-01-01'],
      '--until expects a date as YYYY-MM-DD in the years 2000-2099, got "1940-01-01"',
    ],
  ])('reject %j with one line naming the option', async (args, message) => {
    const result = await runCli(['seed', ...args], { CX_DATABASE_URL: 'sqlite::memory:' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`error: ${message}`);
  });
});
