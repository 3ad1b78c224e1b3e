import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.js';
import { runCli } from './support/cli.js';
import { initOrm, type Orm } from '../src/app/orm.js';
import { dialectOf } from '../src/database/dialect.js';

/** The application's tables, from the catalog. */
async function tableNames(orm: Orm): Promise<string[]> {
  const sql =
    dialectOf(orm.em) === 'sqlite'
      ? "select name from sqlite_master where type = 'table' and name not like 'sqlite%' order by name"
      : 'select relname as name from pg_stat_user_tables where schemaname = current_schema() order by relname';
  return (await orm.em.getConnection().execute<{ name: string }[]>(sql)).map((row) => row.name);
}

/**
 * Those of `tables` the planner has no statistics of: no sqlite_stat1 row; never analyzed on PostgreSQL
 * (by ANALYZE or autovacuum) and no row estimate.
 */
async function tablesWithoutStatistics(orm: Orm, tables: string[]): Promise<string[]> {
  const connection = orm.em.getConnection();
  const missing = [] as string[];
  for (const table of tables) {
    const [row] =
      dialectOf(orm.em) === 'sqlite'
        ? await connection.execute<{ analyzed: number }[]>(
            'select count(*) > 0 as analyzed from sqlite_stat1 where tbl = ?',
            [table],
          )
        : await connection.execute<{ analyzed: boolean }[]>(
            `select (s.last_analyze is not null or s.last_autoanalyze is not null or c.reltuples > 0) as analyzed
               from pg_stat_user_tables s join pg_class c on c.oid = s.relid
              where s.schemaname = current_schema() and s.relname = ?`,
            [table],
          );
    if (!row?.analyzed) missing.push(table);
  }
  return missing;
}

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

  it('leaves planner statistics on every table that has rows, the risk model’s included', async () => {
    database = await createTestDatabase(dialect);
    const args = ['seed', '--customers', '300', '--months', '12', '--seed', '3', '--until', '2025-06-01'];
    const seeded = await runCli(args, { CX_DATABASE_URL: database.config.url });
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('Trained churn-risk model');

    const orm = await initOrm(database.config, { migrate: false });
    try {
      const connection = orm.em.getConnection();
      const withRows = [] as string[];
      for (const table of await tableNames(orm)) {
        const [row] = await connection.execute<{ n: number }[]>(`select count(*) as n from "${table}"`);
        if (Number(row!.n) > 0) withRows.push(table);
      }
      // What the read path reads after a seed: facts, rollups, risk scores and snapshots, alerts.
      expect(withRows).toEqual(
        expect.arrayContaining([
          'contacts',
          'rollup_contacts_channel_generation',
          'customer_risk',
          'risk_snapshots',
        ]),
      );
      expect(await tablesWithoutStatistics(orm, withRows)).toEqual([]);
    } finally {
      await orm.close(true);
    }
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
