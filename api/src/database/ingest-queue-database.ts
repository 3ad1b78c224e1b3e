import { BetterSqliteKnexDialect, knex, type Knex } from '@mikro-orm/knex';
import { isInMemory, type DatabaseConfig } from '../config.js';
import { dialectOf, lockForTransaction, toDbValue, type Dialect } from './dialect.js';
import { prepareSqliteConnection, type Orm } from './orm.js';

/**
 * Where ingest mutations store the batches they acknowledge (table ingest_batches), chosen so that
 * storing one never waits for the ingest worker's apply, which holds its transaction for a second or
 * more:
 * - PostgreSQL has no database-wide write lock: the table is in the database itself, written on the
 *   API's own connections beside the apply's.
 * - SQLite lets one connection write to a database file at a time: the table is in a file of its own,
 *   `<database>-queue` (WAL, its own write lock), which the apply never writes.
 * - An in-memory SQLite database exists on one connection only: the table is in it, and storing waits
 *   for the apply (tests and trials only).
 * Either way the database with the facts records what was applied (ingest_progress, in the apply's
 * transaction), so a crash between an acknowledgement and its apply, or inside the apply, applies every
 * batch exactly once.
 */
export interface IngestQueueDatabase {
  knex: Knex;
  dialect: Dialect;
  /** Closes the queue's own connection, if it has one. */
  close(): Promise<void>;
}

/** The key of the lock that orders the queue's inserts (see insertQueuedBatches). */
const QUEUE_INSERT_LOCK = 7_302;

/** The queue file next to the SQLite database at `path`. */
export function ingestQueuePath(path: string): string {
  return `${path}-queue`;
}

/**
 * Opens the queue for `database`, whose facts `orm` holds. On SQLite, creates the queue file if missing
 * and hands it what the database's own ingest_batches still holds (left waiting by a version that
 * queued there): its ids then continue above every batch ever applied.
 */
export async function openIngestQueue(database: DatabaseConfig, orm: Orm): Promise<IngestQueueDatabase> {
  if (database.dialect !== 'sqlite' || isInMemory(database))
    return { knex: orm.em.getKnex(), dialect: dialectOf(orm.em), close: () => Promise.resolve() };
  const queue = knex({
    // MikroORM's knex client for better-sqlite3, as the ORM's own connections use.
    client: BetterSqliteKnexDialect as unknown as typeof Knex.Client,
    connection: { filename: ingestQueuePath(database.path) },
    useNullAsDefault: true,
    // One connection: the queue's statements are short, and a second would only wait for its lock.
    pool: {
      min: 1,
      max: 1,
      afterCreate: (
        connection: Parameters<typeof prepareSqliteConnection>[0],
        done: (error: Error | null, connection: unknown) => void,
      ) => {
        prepareSqliteConnection(connection, database.busyWaitMs);
        done(null, connection);
      },
    },
  });
  try {
    await adoptWaitingBatches(queue, orm.em.getKnex());
  } catch (error) {
    await queue.destroy();
    throw error;
  }
  return { knex: queue, dialect: 'sqlite', close: () => queue.destroy() };
}

/**
 * Creates the queue file's table, once: its ids start above the batches the database's ingest_progress
 * says were done, and it takes over the batches still waiting in the database's own ingest_batches.
 */
async function adoptWaitingBatches(queue: Knex, main: Knex): Promise<void> {
  const adopted = await queue.transaction(async (trx) => {
    await trx.raw(
      `create table if not exists ingest_batches (id integer not null primary key autoincrement,
         kind text not null, source text not null, rows text not null, row_count integer not null,
         received_at datetime not null)`,
    );
    const sequence = await trx('sqlite_sequence')
      .where({ name: 'ingest_batches' })
      .first<{ seq: number } | undefined>('seq');
    if (sequence) return [];
    const progress = await main('ingest_progress').first<{ applied_through: number } | undefined>(
      'applied_through',
    );
    const done = Number(progress?.applied_through ?? 0);
    const waiting = await main('ingest_batches')
      .where('id', '>', done)
      .orderBy('id')
      .select<{ id: number }[]>('*');
    for (const batch of waiting) await trx('ingest_batches').insert(batch);
    const highest = Math.max(done, ...waiting.map(({ id }) => id));
    await trx('sqlite_sequence').where({ name: 'ingest_batches' }).delete();
    await trx('sqlite_sequence').insert({ name: 'ingest_batches', seq: highest });
    return waiting.map(({ id }) => id);
  });
  if (adopted.length) await main('ingest_batches').whereIn('id', adopted).delete();
}

/** A validated batch to be stored in ingest_batches: its rows as the JSON the worker reads back. */
export interface QueuedBatch {
  kind: string;
  source: string;
  rows: string;
  rowCount: number;
}

/**
 * Inserts batches into the queue in one transaction (one commit for all of them) and returns their ids,
 * in order. Ids commit in the order they are given, across processes too (SQLite's write lock; on
 * PostgreSQL a lock of the queue's own, as a sequence hands out ids before the commit): the worker's
 * record of the highest id done (ingest_progress) is then never passed by a batch still to come.
 */
export function insertQueuedBatches(queue: IngestQueueDatabase, batches: QueuedBatch[]): Promise<number[]> {
  return queue.knex.transaction(async (trx) => {
    await lockForTransaction(queue.dialect, trx, QUEUE_INSERT_LOCK);
    const ids: number[] = [];
    for (const { kind, source, rows, rowCount } of batches) {
      const [inserted] = await trx('ingest_batches')
        .insert({
          kind,
          source,
          rows,
          row_count: rowCount,
          received_at: toDbValue(queue.dialect, new Date()),
        })
        .returning<{ id: number }[]>('id');
      ids.push(Number(typeof inserted === 'object' ? inserted.id : inserted));
    }
    return ids;
  });
}
