import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { TimeGrain } from '../core/time-grain.js';
import { SQL_DIALECTS, type Dialect } from './dialects/index.js';

/**
 * Every difference between SQLite and PostgreSQL that code outside MikroORM has to know about lives
 * in database/: the SQL text of each database in dialects/ (one SqlDialect per database), these
 * functions in front of them, and the bulk writes in bulk-write.ts. Services stay dialect-free.
 */
export type { Dialect };
export * from './bulk-write.js';

export function dialectOf(em: EntityManager): Dialect {
  return em.getPlatform().constructor.name.toLowerCase().includes('sqlite') ? 'sqlite' : 'postgresql';
}

/** How a value is bound in raw SQL: MikroORM keeps SQLite datetimes as epoch milliseconds, booleans as 0/1. */
export function toDbValue(dialect: Dialect, value: unknown): unknown {
  return SQL_DIALECTS[dialect].toDbValue(value);
}

/**
 * A MikroORM condition "contains `text`, ignoring case": SQLite's LIKE already ignores ASCII case (and
 * has no ILIKE); PostgreSQL's LIKE does not.
 */
export function containsIgnoringCase(dialect: Dialect, text: string): { $like: string } | { $ilike: string } {
  return SQL_DIALECTS[dialect].containsIgnoringCase(text);
}

/** Null-safe "differs" comparison between two SQL expressions. */
export function isDistinctFrom(dialect: Dialect, left: string, right: string): string {
  return SQL_DIALECTS[dialect].isDistinctFrom(left, right);
}

/** Runs a query built with knex and returns its rows (knex's result shape differs by driver). */
export async function selectRows(dialect: Dialect, query: Knex.Raw): Promise<Record<string, unknown>[]> {
  return SQL_DIALECTS[dialect].rowsOf(await query);
}

/** A timestamp read back from raw SQL (epoch milliseconds on SQLite, a Date on PostgreSQL). */
export function fromDbTime(value: unknown): Date {
  return new Date(value as number | Date);
}

/** A boolean read back from raw SQL (0 or 1 on SQLite, a boolean on PostgreSQL); null stays null. */
export function fromDbBoolean(value: unknown): boolean | null {
  return value === null ? null : Boolean(value);
}

/** A placeholder for a timestamp where its type cannot be inferred (a SELECT list, a UNION). */
export function timestampParameter(dialect: Dialect): string {
  return SQL_DIALECTS[dialect].timestampParameter();
}

/** The SQL expression `time` moved `seconds` later. */
export function plusSeconds(dialect: Dialect, time: string, seconds: number): string {
  return SQL_DIALECTS[dialect].plusSeconds(time, seconds);
}

/** How "follows a row of another table within a time range" reads fastest on `dialect` (SqlDialect.followingRows). */
export function followingRows(dialect: Dialect): 'set' | 'exists' {
  return SQL_DIALECTS[dialect].followingRows;
}

/** Milliseconds from the timestamp `from` to the timestamp `to` (null when either is null). */
export function millisBetween(dialect: Dialect, from: string, to: string): string {
  return SQL_DIALECTS[dialect].millisBetween(from, to);
}

/**
 * The start of the UTC bucket of `grain` that holds the timestamp `time` (ISO weeks, from Monday).
 * SQLite keeps timestamps as epoch milliseconds: days and weeks are integer arithmetic, calendar units go
 * through strftime. PostgreSQL truncates in UTC whatever the session's time zone.
 */
export function timeBucket(dialect: Dialect, time: string, grain: TimeGrain): string {
  return SQL_DIALECTS[dialect].timeBucket(time, grain);
}

/**
 * The same for a `time` that lies in the consecutive buckets starting at `starts`, those of the window its
 * statement keeps to: SQLite then compares with their bounds instead of calling strftime per row.
 */
export function timeBucketAmong(
  dialect: Dialect,
  time: string,
  grain: TimeGrain,
  starts: readonly Date[],
): string {
  return SQL_DIALECTS[dialect].timeBucketAmong(time, grain, starts);
}

/**
 * Refreshes the query planner's statistics of `table`. Without them SQLite assumes that any time range is
 * selective and walks the time index even when a query spans the whole table (measured 5.1 s instead of
 * 1.8 s for a year of 1M contacts); PostgreSQL would wait for autovacuum, up to a minute after a bulk load.
 */
export async function analyzeTable(em: EntityManager, table: string): Promise<void> {
  await em.getConnection().execute(`analyze "${table}"`, [], 'run');
}

/**
 * Analyzes every table of the schema that has no planner statistics yet: after a seed, those its imports
 * never grew by a tenth (alerts, exception reviews, live-agent preferences) and those written after it
 * (the risk model's snapshots and score rollup), which the dashboard reads too. SQLite without a
 * sqlite_stat1 row for a table guesses its size and selectivity; PostgreSQL waits for autovacuum. Returns
 * the tables analyzed. An empty table gets no sqlite_stat1 row: it is analyzed again next time, at no cost.
 */
export async function analyzeTablesWithoutStatistics(em: EntityManager): Promise<string[]> {
  const tables = (await tablesWithoutStatistics(em)).sort();
  for (const table of tables) await analyzeTable(em, table);
  return tables;
}

async function tablesWithoutStatistics(em: EntityManager): Promise<string[]> {
  const connection = em.getConnection();
  if (dialectOf(em) === 'postgresql') {
    const rows = await connection.execute<{ name: string }[]>(
      `select relname as name from pg_stat_user_tables
        where schemaname = current_schema() and last_analyze is null and last_autoanalyze is null`,
    );
    return rows.map((row) => row.name);
  }
  // SQLite's own tables (sqlite_stat1, sqlite_sequence) aside.
  const tables = await connection.execute<{ name: string }[]>(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite%'",
  );
  const [stat1] = await connection.execute<unknown[]>(
    "select 1 from sqlite_master where type = 'table' and name = 'sqlite_stat1'",
  );
  const analyzed = stat1
    ? new Set(
        (await connection.execute<{ tbl: string }[]>('select distinct tbl from sqlite_stat1')).map(
          (row) => row.tbl,
        ),
      )
    : new Set<string>();
  return tables.map((row) => row.name).filter((name) => !analyzed.has(name));
}

/**
 * After `tables` were rewritten in bulk (a rollup rebuild), outside any transaction: PostgreSQL vacuums
 * them too, as until autovacuum sets their visibility map a covering index still reads the table (a
 * month of 1M contacts' customer days: 1.2 s instead of 0.2 s); SQLite refreshes its statistics.
 */
export async function refreshPlannerStatistics(
  knex: Knex,
  dialect: Dialect,
  tables: readonly string[],
): Promise<void> {
  for (const table of tables) {
    await knex.raw(SQL_DIALECTS[dialect].refreshStatistics(table));
  }
}

/**
 * The rows `table` had when its statistics were last refreshed (PostgreSQL's reltuples, the count
 * SQLite's ANALYZE stored in sqlite_stat1), or null when it has never been analyzed. An estimate at no
 * cost, where count(*) reads a whole index: seconds after every import at 10 million rows.
 */
export async function analyzedRowCount(em: EntityManager, table: string): Promise<number | null> {
  const connection = em.getConnection();
  if (dialectOf(em) === 'postgresql') {
    const [row] = await connection.execute<{ rows: number }[]>(
      'select reltuples as "rows" from pg_class where oid = to_regclass(?)',
      [table],
    );
    // -1: never analyzed nor vacuumed.
    return row && row.rows >= 0 ? Number(row.rows) : null;
  }
  const [stat1] = await connection.execute<unknown[]>(
    "select 1 from sqlite_master where type = 'table' and name = 'sqlite_stat1'",
  );
  if (!stat1) return null;
  // Each row's stat starts with the rows of the table or index it describes (fewer for a partial index).
  const [row] = await connection.execute<{ rows: number | null }[]>(
    'select max(cast(stat as integer)) as "rows" from sqlite_stat1 where tbl = ?',
    [table],
  );
  return row?.rows == null ? null : Number(row.rows);
}

/**
 * Settings of an import's transaction, for the short statements of its follow-ups and the index pages it
 * writes. PostgreSQL: no JIT compilation; the follow-ups read a few hundred rows by key, but over tables
 * of tens of millions of rows the planner's cost estimates can pass the JIT threshold, and compiling then
 * costs more than running the statement (`set local` ends with the transaction). SQLite: a larger page
 * cache on the connection the transaction holds. Returns what undoes that once the transaction has
 * ended: the pool has two SQLite connections, so the undoing must reach the import's own.
 */
export function startImportTransaction(dialect: Dialect, trx: Knex.Transaction): Promise<() => void> {
  return SQL_DIALECTS[dialect].startImport(trx);
}

/**
 * Waits until no other transaction holds the lock `key`, then holds it until this one ends. PostgreSQL
 * uses an advisory lock; SQLite needs none, as it lets one transaction write at a time.
 */
export async function lockForTransaction(
  dialect: Dialect,
  trx: Knex.Transaction,
  key: number,
): Promise<void> {
  await SQL_DIALECTS[dialect].lockForTransaction(trx, key);
}

/** Most bind parameters one statement may carry (SQLite's compile-time limit is the lower one). */
export function maxBindParameters(dialect: Dialect): number {
  return SQL_DIALECTS[dialect].maxBindParameters;
}

/**
 * SQL condition: `column` is one of a list of values bound as one parameter (see listParameter), however
 * long the list: an array on PostgreSQL, a JSON array read by json_each on SQLite. Either way a semi-join
 * with the list, so that a statement costs in proportion to the listed keys' rows however large the table:
 * each value is looked up in the indexes that start with `column`.
 */
export function inList(dialect: Dialect, column: string, type: 'integer' | 'text'): string {
  return SQL_DIALECTS[dialect].inList(column, type);
}

/**
 * A FROM item: the values of a list bound as one parameter (listParameter) as the rows of `alias`, in its column
 * `value`. For a statement that goes from each listed key to the tables, rather than from the tables' rows to
 * the list: a semi-join `exists (… where f.column = alias.value)` stops at the first row of each key.
 */
export function listTable(dialect: Dialect, alias: string, type: 'integer' | 'text'): string {
  return SQL_DIALECTS[dialect].listTable(alias, type);
}

/** What the database server's settings leave undone that the API relies on: sentences for the start-up log. */
export function maintenanceWarnings(dialect: Dialect, knex: Knex): Promise<string[]> {
  return SQL_DIALECTS[dialect].maintenanceWarnings(knex);
}

/** The one parameter of an inList condition. */
export function listParameter(dialect: Dialect, values: readonly (number | string)[]): string {
  return SQL_DIALECTS[dialect].listParameter(values);
}

/** Whether another connection can read at the same time as an open write transaction (see SqlDialect). */
export function readsBesideTransaction(dialect: Dialect): boolean {
  return SQL_DIALECTS[dialect].readsBesideTransaction;
}
