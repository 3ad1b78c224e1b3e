import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { freePort, waitForOutput } from './support/cli.js';
import { graphqlOn } from './support/result-cache.js';
// @ts-expect-error: a plain JavaScript module, run before any TypeScript tooling (no declarations).
import { buildIsCurrent, ensureApiBuild } from '../scripts/build.js';

const API = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'cx-build-'));
const env = { ...process.env, CX_DATABASE_URL: `sqlite:${join(scratch, 'cx.sqlite')}` };
const compiled = (...args: string[]) =>
  run(process.execPath, ['dist/cli.js', ...args], { cwd: API, env, encoding: 'utf8' });

describe('the compiled API (dist/, what pnpm start and pnpm cx run)', () => {
  beforeAll(async () => {
    await (ensureApiBuild as (options: object) => Promise<void>)({ log: () => {} });
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is current with the sources after ensureApiBuild', () => {
    expect((buildIsCurrent as () => boolean)()).toBe(true);
  });

  it('builds the same GraphQL schema as the sources (type-graphql decorators survive compilation)', async () => {
    const { stdout } = await compiled('schema');
    expect(stdout).toBe(readFileSync(join(API, '../schema/schema.graphql'), 'utf8'));
  });

  it('migrates a database, imports a file through its worker and writes through the entities', async () => {
    const { stdout: imported } = await compiled(
      'import',
      'customers',
      join(API, 'test/fixtures/ingest/customers.csv'),
    );
    expect(imported).toContain('inserted 3, updated 0, unchanged 0'); // the fixture's C1, C2, C3
    const { stdout: key } = await compiled('keys', 'create', '--role', 'analyst', '--name', 'compiled');
    expect(key).toMatch(/Created API key 1 "compiled" with role analyst/);
  });

  it('serves background ingest through its writer thread (dist/ingest-writer.worker.js)', async () => {
    const { stdout } = await compiled('keys', 'create', '--role', 'ingest', '--name', 'stream');
    const token = stdout.trim().split('\n').at(-1)!;
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/cli.js', 'serve', '--port', String(port)], {
      cwd: API,
      env: { ...env, CX_RATE_LIMIT_PER_MINUTE: '1000000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => void child.kill('SIGKILL'));
    await waitForOutput(child, /CX Pulse API: http/);
    const graphql = graphqlOn(`http://127.0.0.1:${port}`, token);
    const { data } = await graphql(
      'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows, apply: BACKGROUND) { queued } }',
      { rows: [{ customerId: 'C-thread', birthYear: 1980, signupDate: '2025-01-01' }] },
    );
    expect(data).toEqual({ ingestCustomers: { queued: 1 } });
    let pending = -1;
    for (let attempt = 0; attempt < 300 && pending !== 0; attempt++) {
      await sleep(100);
      pending = (await graphql('{ ingestBacklog { pendingBatches } }', {})).data!.ingestBacklog
        .pendingBatches;
    }
    expect(pending).toBe(0);
  }, 60_000);
});
