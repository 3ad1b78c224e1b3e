import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/modules/auth/token.js';
import { runCli } from './support/cli.js';
import { createMigratedDatabase, type MigratedDatabase } from './support/databases.js';

const lines = (output: string) => output.trimEnd().split('\n');

// The commands only go through the services, which the API tests run on both databases. Each spawns
// several CLI processes, a few seconds each on a busy machine.
describe('cx keys and cx users', { timeout: 120_000 }, () => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase('sqlite');
  });
  afterAll(async () => {
    await database.drop();
  });
  const cx = (...args: string[]) => runCli(args, { CX_DATABASE_URL: database.config.url });

  it('create a key whose token is the last line and is stored only as a hash, list it, and revoke it', async () => {
    const created = await cx('keys', 'create', '--role', 'bi', '--name', 'Tableau');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const output = lines(created.stdout);
    expect(output.slice(0, -1)).toEqual([
      'Created API key 1 "Tableau" with role bi.',
      'Send it as "Authorization: Bearer <token>". It is shown this once; store it now:',
    ]);
    const token = output.at(-1)!;
    expect(token).toMatch(/^cxk_[\w-]{43}$/);
    const [stored] = await database.orm.em
      .getConnection()
      .getKnex()('api_keys')
      .select('token_hash', 'token_start');
    expect(stored).toEqual({ token_hash: hashToken(token), token_start: token.slice(0, 8) });

    const revoked = await cx('keys', 'revoke', '1');
    expect(revoked).toMatchObject({ code: 0, stdout: 'Revoked API key 1 "Tableau".\n' });
    const listed = lines((await cx('keys', 'list')).stdout);
    expect(listed[0]).toMatch(/^id\s+name\s+role\s+token\s+created\s+status$/);
    expect(listed[1]).toMatch(
      new RegExp(`^1\\s+Tableau\\s+bi\\s+${token.slice(0, 8)}…\\s+.+ UTC\\s+revoked .+ UTC$`),
    );
    expect(await cx('keys', 'revoke', '7')).toMatchObject({
      code: 1,
      stderr: 'error: no API key has the id 7\n',
    });
  });

  it('create a user with a generated password shown once, list and disable them', async () => {
    const created = await cx(
      'users',
      'create',
      '--email',
      'Ann@Example.com',
      '--name',
      'Ann',
      '--role',
      'executive',
    );
    expect(created.code).toBe(0);
    expect(lines(created.stdout)).toEqual([
      'Created user ann@example.com (Ann) with role executive.',
      expect.stringMatching(/^Password \(shown this once\): [\w-]{24}$/),
    ]);
    expect(
      await cx('users', 'create', '--email', 'ann@example.com', '--name', 'Ann', '--role', 'bi'),
    ).toMatchObject({
      code: 1,
      stderr: 'error: email: a user with the e-mail ann@example.com exists already\n',
    });
    expect(await cx('users', 'disable', 'ANN@example.com')).toMatchObject({
      code: 0,
      stdout: 'Disabled user ann@example.com.\n',
    });
    expect(lines((await cx('users', 'list')).stdout)[1]).toMatch(
      /^ann@example\.com\s+Ann\s+executive\s+.+ UTC\s+disabled .+ UTC$/,
    );
  });
});
