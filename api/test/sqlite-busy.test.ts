import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm, type Orm } from '../src/app/orm.js';
import { Role } from '../src/modules/auth/role.js';
import { UserService } from '../src/modules/auth/user.service.js';
import { WebhookDispatcher } from '../src/modules/webhooks/webhook-dispatcher.js';
import { webhooksSchema } from '../src/modules/webhooks/webhooks.config.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { createTestDatabase } from './support/databases.js';

/** better-sqlite3 as MikroORM's driver loads it: a second connection, as `pnpm cx import` opens one. */
const Sqlite = createRequire(createRequire(import.meta.url).resolve('@mikro-orm/better-sqlite'))(
  'better-sqlite3',
) as new (path: string) => { exec(sql: string): void; pragma(sql: string): unknown; close(): void };

const PASSWORD = 'correct horse battery staple';
/** The wait budget of this server: short, so that the "still locked" case takes 3 s, not 5. */
const BUSY_WAIT_MS = 3_000;

// SQLite only: PostgreSQL locks rows, not the database, and its driver never blocks the event loop.
describe('SQLite writes while another process holds the write lock (an import)', () => {
  let api: TestApi;
  let path: string;
  let orm: Orm;
  beforeAll(async () => {
    const database = await createTestDatabase('sqlite');
    if (database.config.dialect !== 'sqlite') throw new Error('expected SQLite');
    path = database.config.path;
    orm = await initOrm({ ...database.config, busyWaitMs: BUSY_WAIT_MS });
    api = await startTestApi('sqlite', { database: { ...database, orm } });
    await new UserService(orm.em.fork()).create({
      email: 'ana@example.com',
      name: 'Ana',
      role: Role.ANALYST,
      password: PASSWORD,
    });
    drop = async () => {
      await orm.close(true);
      await database.drop();
    };
  });
  // The server keeps a database it was given: dropped after it.
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await api?.close();
    await drop?.();
  });

  /** Another connection holding the write lock, as an import's transaction does, until release(). */
  function holdWriteLock() {
    const holder = new Sqlite(path);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    holder.exec('update import_runs set source = source where 0');
    return {
      release: () => {
        holder.exec('COMMIT');
        holder.close();
      },
    };
  }
  const login = () =>
    api.fetch('/auth/login', {
      method: 'POST',
      headers: { authorization: '', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@example.com', password: PASSWORD }),
    });
  /** A cheap read, timed. */
  async function timedRead(): Promise<{ ms: number; status: number }> {
    const started = performance.now();
    const response = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ dataVersion }' }),
    });
    await response.json();
    return { ms: performance.now() - started, status: response.status };
  }

  it('serves a cheap read at once while a login waits for the lock, and the login completes after it', async () => {
    const lock = holdWriteLock();
    let pending: Promise<Response>;
    try {
      pending = login();
      // The login's password check (argon2, off the loop) takes a moment; then its session insert waits.
      // Reads every 250 ms over the next second or so: at least one falls within that wait.
      const reads: { ms: number; status: number }[] = [];
      for (let read = 0; read < 4; read++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        reads.push(await timedRead());
      }
      // Before: the insert waited inside the synchronous driver (busy_timeout 5,000 ms), and a read
      // caught in that wait took seconds. Now the wait is on timers: every read answers in milliseconds.
      expect(reads.map(({ status }) => status)).toEqual([200, 200, 200, 200]);
      expect(Math.max(...reads.map(({ ms }) => ms))).toBeLessThan(500);
    } finally {
      lock.release();
    }
    expect((await pending).status).toBe(200);
  });

  it('answers a write whose lock stays taken past the wait with a retryable 503, never a 500', async () => {
    const lock = holdWriteLock();
    try {
      const started = performance.now();
      const response = await login();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(await response.json()).toEqual({
        error: {
          code: 'DATABASE_BUSY',
          message:
            'The database is busy with another write (an import in progress?): nothing was changed. Retry in a few seconds.',
        },
      });
      expect(performance.now() - started).toBeGreaterThanOrEqual(BUSY_WAIT_MS);
    } finally {
      lock.release();
    }
    expect((await login()).status).toBe(200);
  });

  it('runs a webhook round without stalling the event loop while the lock is taken', async () => {
    const config = webhooksSchema({}).parse({
      endpoints: [{ name: 'ops', url: 'http://127.0.0.1:9/hook', secret: 'a-webhook-secret-of-some-length' }],
    });
    const dispatcher = new WebhookDispatcher(orm, config);
    const lock = holdWriteLock();
    // The event loop's lag, sampled every 20 ms while the round waits for the lock.
    let worstLagMs = 0;
    let last = performance.now();
    const sampler = setInterval(() => {
      const now = performance.now();
      worstLagMs = Math.max(worstLagMs, now - last - 20);
      last = now;
    }, 20);
    try {
      const round = dispatcher.runOnce().then(
        () => 'done',
        (error: unknown) => (error instanceof Error ? error.name : 'failed'),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      lock.release();
      // Its write (queueing new alert events) waited for the lock from timers, then went through.
      expect(await round).toBe('done');
    } finally {
      clearInterval(sampler);
    }
    // Before: the queueing insert waited inside the driver for 5 s and the loop with it.
    expect(worstLagMs).toBeLessThan(300);
  });
});
