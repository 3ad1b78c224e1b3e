import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createServer } from '../src/server/server.js';
import { exitOf, freePort, runCli, spawnCli, waitForOutput } from './support/cli.js';
import {
  createMigratedDatabase,
  createTestDatabase,
  DIALECTS,
  type TestDatabase,
} from './support/databases.js';
import { makeCustomer } from './support/factories.js';
import { createApiKey } from './support/api-server.js';
import { Role } from '../src/modules/auth/role.js';

async function post(url: string, token: string, query: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe.each(DIALECTS)('HTTP server on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  /** A server on a fresh migrated database whose log lines at `level` and above are kept in `logLines`. */
  async function serverLogging(level: 'warn' | 'error') {
    const migrated = await createMigratedDatabase(dialect);
    database = migrated;
    const logLines: string[] = [];
    const app = await createServer(migrated.orm, loadConfig({}, { database: migrated.config }), {
      logger: { level, stream: { write: (line: string) => logLines.push(line) } },
    });
    return { migrated, app, logLines };
  }

  it('warns at start-up when the database server does not reclaim dead rows (PostgreSQL without autovacuum)', async () => {
    const { migrated, app, logLines } = await serverLogging('warn');
    await app.close();
    const warnings = logLines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    // The server's own setting decides (this project's CI server runs with autovacuum off).
    const autovacuumOff =
      dialect === 'postgresql' &&
      (
        await migrated.orm.em
          .getConnection()
          .execute<{ setting: string }[]>("select current_setting('autovacuum') as setting")
      )[0]?.setting === 'off';
    expect(warnings.filter((message) => message.includes('autovacuum'))).toEqual(
      autovacuumOff
        ? [expect.stringMatching(/^autovacuum is off on this PostgreSQL server: .*VACUUM on a schedule/)]
        : [],
    );
  });

  it('reports health, hides internal errors from clients while logging them, and closes cleanly', async () => {
    const { migrated, app, logLines } = await serverLogging('error');
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const token = await createApiKey(migrated.orm, Role.ANALYST);
    const em = migrated.orm.em.fork();
    makeCustomer(em);
    await em.flush();

    const healthy = await fetch(`${url}/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(await post(url, token, '{ customers { totalCount } }')).toEqual({
      data: { customers: { totalCount: 1 } },
    });

    // A browser gets GraphiQL, served by this server (test/graphiql.test.ts checks its files).
    const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<title>CX Pulse GraphiQL</title>');
    expect(html).not.toMatch(/src="http|href="http|cdn|apollographql\.com/i);

    // A failing statement: the driver's message quotes the SQL, which must reach the log but not the client.
    await migrated.orm.em.getConnection().execute('alter table contacts rename to contacts_gone');
    const failed = await post(url, token, '{ contacts { totalCount } }');
    expect(failed).toEqual({
      data: null,
      errors: [
        {
          message:
            'Internal server error: the request could not be completed. It has been logged; try again later.',
          locations: [{ line: 1, column: 3 }],
          path: ['contacts'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    const logged = logLines.map((line) => JSON.parse(line) as { msg: string; err?: { message: string } });
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'GraphQL request failed unexpectedly',
        err: expect.objectContaining({ message: expect.stringMatching(/^select .* from .*contacts/) }),
      }),
    );

    await migrated.orm.close(true);
    const unhealthy = await fetch(`${url}/health`);
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    const unavailable = await post(url, token, '{ customers { totalCount } }');
    expect(unavailable.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ]);
    expect(JSON.stringify(unavailable)).not.toMatch(/acquire|connection|knex|stack/i);

    await app.close();
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('cx serve migrates, prints the URL, serves, and exits 0 on SIGTERM', async () => {
    database = await createTestDatabase(dialect);
    const port = await freePort();
    const server = spawnCli(['serve', '--port', String(port)], { CX_DATABASE_URL: database.config.url });
    const printed = await waitForOutput(server, /CX Pulse API: \S+/);
    expect(printed).toContain(`CX Pulse API: http://localhost:${port}/graphql`);
    const created = await runCli(['keys', 'create', '--role', 'analyst', '--name', 'serve test'], {
      CX_DATABASE_URL: database.config.url,
    });
    const token = created.stdout.trim().split('\n').at(-1)!;
    expect(await post(`http://127.0.0.1:${port}`, token, '{ customers { totalCount } }')).toEqual({
      data: { customers: { totalCount: 0 } },
    });
    server.kill('SIGTERM');
    expect(await exitOf(server)).toBe(0);
  });
});
