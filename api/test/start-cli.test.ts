import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.js';
import { exitOf, freePort, runCli, spawnCli, waitForOutput } from './support/cli.js';

async function graphql(port: number, query: string): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe.each(DIALECTS)('cx start on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('migrates, seeds an empty database once, serves the API and stops cleanly on SIGINT', async () => {
    database = await createTestDatabase(dialect);
    const port = await freePort();
    const env = { CX_DATABASE_URL: database.config.url, CX_API_PORT: String(port) };
    const args = ['start', '--demo-customers', '30', '--demo-months', '2'];

    const first = spawnCli(args, env);
    const printed = await waitForOutput(first, /http:\/\/\S+\/graphql/);
    expect(printed).toContain('seeding the demo (30 customers, 2 months');
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toMatchObject({ status: 'ok' });
    expect(await graphql(port, '{ customers(first: 1) { totalCount } }')).toEqual({
      data: { customers: { totalCount: 30 } },
    });
    first.kill('SIGINT');
    expect(await exitOf(first)).toBe(0);

    const second = spawnCli(['start', '--demo-customers', '99'], env);
    const printedAgain = await waitForOutput(second, /http:\/\/\S+\/graphql/);
    expect(printedAgain).not.toContain('seeding');
    expect(await graphql(port, '{ customers(first: 1) { totalCount } }')).toEqual({
      data: { customers: { totalCount: 30 } },
    });
    second.kill('SIGTERM');
    expect(await exitOf(second)).toBe(0);
  });
});

describe('cx configuration errors', () => {
  it('stop with one line naming the variable', async () => {
    const result = await runCli(['migrate'], { CX_DATABASE_URL: 'mysql://root@localhost/cx' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'error: CX_DATABASE_URL: expected sqlite:PATH or postgres://user@host:port/db, got "mysql://root@localhost/cx"',
    );
  });

  it('reject an invalid option value naming the option', async () => {
    const result = await runCli(['start', '--demo-customers', 'many'], {
      CX_DATABASE_URL: 'sqlite::memory:',
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'error: --demo-customers expects a whole number of at least 1, got "many"',
    );
  });
});
