import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.js';
import { exitOf, freePort, runCli, spawnCli, waitForOutput } from './support/cli.js';

async function graphql(port: number, token: string, query: string): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function logIn(port: number, email: string, password: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
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
    const loginFile = join(mkdtempSync(join(tmpdir(), 'cx-login-')), 'demo-login.json');
    const env = {
      CX_DATABASE_URL: database.config.url,
      CX_API_PORT: String(port),
      CX_DEMO_LOGIN_FILE: loginFile,
    };
    const args = ['start', '--demo-customers', '30', '--demo-months', '2'];

    const first = spawnCli(args, env);
    const printed = await waitForOutput(first, /http:\/\/\S+\/graphql/);
    expect(printed).toContain('seeding the demo (30 customers, 2 months');
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toMatchObject({ status: 'ok' });
    const [, email, password] = /Demo login \(ADMIN\): (\S+) \/ (\S+)/.exec(printed)!;
    expect(printed).toContain('pnpm cx keys create --role analyst');
    expect(JSON.parse(readFileSync(loginFile, 'utf8'))).toEqual({ email, password });
    expect(statSync(loginFile).mode & 0o777).toBe(0o600);
    const token = await logIn(port, email!, password!);
    expect(await graphql(port, token, '{ viewer { role kind } customers(first: 1) { totalCount } }')).toEqual(
      {
        data: { viewer: { role: 'ADMIN', kind: 'USER' }, customers: { totalCount: 30 } },
      },
    );
    first.kill('SIGINT');
    expect(await exitOf(first)).toBe(0);

    const second = spawnCli(['start', '--demo-customers', '99'], env);
    const printedAgain = await waitForOutput(second, /http:\/\/\S+\/graphql/);
    expect(printedAgain).not.toContain('seeding');
    expect(printedAgain).toContain(`Demo login (ADMIN): ${email} / ${password}`);
    expect(await graphql(port, token, '{ customers(first: 1) { totalCount } }')).toEqual({
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
