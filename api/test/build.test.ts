import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
