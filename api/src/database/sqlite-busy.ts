/**
 * SQLite lets one connection write at a time, across processes: while `pnpm cx import` holds the write
 * lock, the API's writes must wait. better-sqlite3 is synchronous, so SQLite's own busy_timeout would
 * wait *on the event loop*, freezing every request of the API for as long. Instead the busy timeout is
 * 0 and a statement that meets the lock is tried again from a timer, with backoff, for at most the
 * wait budget; the event loop serves other requests in between. Past the budget the statement fails
 * with DatabaseBusyError, which the API answers as a retryable 503 (HTTP) or DATABASE_BUSY (GraphQL).
 *
 * Waiting is only safe where SQLite has not yet taken a snapshot for the transaction: a statement
 * outside a transaction, and the BEGIN that opens one. Every transaction of CX Pulse writes, so each
 * BEGIN becomes BEGIN IMMEDIATE, which takes the write lock at once: inside the transaction no
 * statement can then meet the lock. (A deferred transaction that read first and met the lock on its
 * first write could never succeed by waiting: its snapshot would be stale once the other writer commits.)
 */

/** How long a statement waits, in total, for another connection's write lock (CX_SQLITE_BUSY_WAIT_MS). */
export const DEFAULT_SQLITE_BUSY_WAIT_MS = 5_000;

/** The first pause between tries; it doubles up to MAX_PAUSE_MS. */
const FIRST_PAUSE_MS = 2;
const MAX_PAUSE_MS = 50;

/** Raised when the database stayed locked by another writer for the whole wait budget. */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
  /** SQLite's own code, so that MikroORM and knex treat it as the lock error it is. */
  readonly code = 'SQLITE_BUSY';
  constructor(readonly waitedMs: number) {
    super(
      `The database is busy with another write (an import in progress?): waited ${Math.round(waitedMs)} ms. Retry in a few seconds.`,
    );
  }
}

/** Whether `error`, or an error it wraps, is SQLite's "database is locked". */
export function isDatabaseBusy(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
    if (cause.name === 'LockWaitTimeoutException' || /database is locked/.test(cause.message)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

interface Statement {
  run(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown;
  get(...parameters: unknown[]): unknown;
}

interface Connection {
  prepare(sql: string): Statement;
  inTransaction: boolean;
}

/**
 * Makes `connection` wait for the write lock off the event loop (see the top of this file). Its
 * statements answer synchronously as before; only one that meets the lock outside a transaction
 * answers with a promise (knex awaits what a statement returns).
 */
export function waitForLocksAsynchronously(connection: Connection, budgetMs: number): void {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = (sql: string) => {
    const statement = prepare(/^\s*begin\s*;?\s*$/i.test(sql) ? 'BEGIN IMMEDIATE' : sql);
    for (const method of ['run', 'all', 'get'] as const) {
      const original = statement[method].bind(statement);
      statement[method] = (...parameters: unknown[]) => {
        try {
          return original(...parameters);
        } catch (error) {
          if (!isDatabaseBusy(error) || connection.inTransaction) throw error;
          return retry(() => original(...parameters), budgetMs);
        }
      };
    }
    return statement;
  };
}

async function retry<T>(attempt: () => T, budgetMs: number): Promise<T> {
  const started = performance.now();
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    const waited = performance.now() - started;
    if (waited >= budgetMs) throw new DatabaseBusyError(waited);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, budgetMs - waited)));
    pause = Math.min(pause * 2, MAX_PAUSE_MS);
    try {
      return attempt();
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
    }
  }
}
