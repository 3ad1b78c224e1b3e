import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../config.js';
import { TimeGrain } from '../modules/metrics/time-grain.js';

/**
 * Every difference between SQLite and PostgreSQL that code outside MikroORM has to know about lives
 * here, so services stay dialect-free.
 */
export type Dialect = DatabaseConfig['dialect'];

export function dialectOf(em: EntityManager): Dialect {
  return em.getPlatform().constructor.name.toLowerCase().includes('sqlite') ? 'sqlite' : 'postgresql';
}

/** How a value is bound in raw SQL: MikroORM keeps SQLite datetimes as epoch milliseconds, booleans as 0/1. */
export function toDbValue(dialect: Dialect, value: unknown): unknown {
  if (dialect === 'sqlite') {
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'boolean') return value ? 1 : 0;
  }
  return value;
}

/**
 * A MikroORM condition "contains `text`, ignoring case": SQLite's LIKE already ignores ASCII case (and
 * has no ILIKE); PostgreSQL's LIKE does not.
 */
export function containsIgnoringCase(dialect: Dialect, text: string): { $like: string } | { $ilike: string } {
  return dialect === 'sqlite' ? { $like: `%${text}%` } : { $ilike: `%${text}%` };
}

/** Null-safe "differs" comparison between two SQL expressions. */
export function isDistinctFrom(dialect: Dialect, left: string, right: string): string {
  return dialect === 'sqlite' ? `${left} IS NOT ${right}` : `${left} IS DISTINCT FROM ${right}`;
}

/** Runs a query built with knex and returns its rows (knex's result shape differs by driver). */
export async function selectRows(dialect: Dialect, query: Knex.Raw): Promise<Record<string, unknown>[]> {
  const result: unknown = await query;
  return dialect === 'postgresql'
    ? (result as { rows: Record<string, unknown>[] }).rows
    : (result as Record<string, unknown>[]);
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
  return dialect === 'sqlite' ? '?' : 'cast(? as timestamptz)';
}

/** The SQL expression `time` moved `seconds` later. */
export function plusSeconds(dialect: Dialect, time: string, seconds: number): string {
  return dialect === 'sqlite' ? `(${time} + ${seconds * 1000})` : `(${time} + interval '${seconds} seconds')`;
}

/** Milliseconds from the timestamp `from` to the timestamp `to` (null when either is null). */
export function millisBetween(dialect: Dialect, from: string, to: string): string {
  return dialect === 'sqlite' ? `(${to} - ${from})` : `(extract(epoch from (${to} - ${from})) * 1000)`;
}

/**
 * The start of the UTC bucket of `grain` that holds the timestamp `time` (ISO weeks, from Monday).
 * SQLite keeps timestamps as epoch milliseconds: days and weeks are integer arithmetic (day 0 was a
 * Thursday, hence the shift by 3), calendar units go through strftime. PostgreSQL truncates in UTC
 * whatever the session's time zone.
 */
export function timeBucket(dialect: Dialect, time: string, grain: TimeGrain): string {
  if (dialect === 'postgresql') return `date_trunc('${grain}', ${time}, 'UTC')`;
  // Integer division needs an integer operand; a bound JavaScript number arrives as a real.
  const ms = `cast(${time} as integer)`;
  const seconds = `${ms} / 1000, 'unixepoch'`;
  const startOf = (...modifiers: string[]) =>
    `(cast(strftime('%s', ${seconds}, ${modifiers.join(', ')}) as integer) * 1000)`;
  switch (grain) {
    case TimeGrain.DAY:
      return `(${ms} / 86400000 * 86400000)`;
    case TimeGrain.WEEK:
      return `(((${ms} / 86400000 + 3) / 7 * 7 - 3) * 86400000)`;
    case TimeGrain.MONTH:
      return startOf(`'start of month'`);
    case TimeGrain.QUARTER:
      return startOf(
        `'start of month'`,
        `'-' || ((cast(strftime('%m', ${seconds}) as integer) - 1) % 3) || ' months'`,
      );
    case TimeGrain.YEAR:
      return startOf(`'start of year'`);
  }
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
    await knex.raw(`${dialect === 'postgresql' ? 'vacuum analyze' : 'analyze'} "${table}"`);
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

/** SQLite's page cache while an import writes (its default, 2 MB, thrashes on indexes of millions of rows). */
const SQLITE_IMPORT_CACHE_KIB = 32_768;

/**
 * Settings of an import's transaction, for the short statements of its follow-ups and the index pages it
 * writes. PostgreSQL: no JIT compilation; the follow-ups read a few hundred rows by key, but over tables
 * of tens of millions of rows the planner's cost estimates can pass the JIT threshold, and compiling then
 * costs more than running the statement (`set local` ends with the transaction). SQLite: a larger page
 * cache on the connection the transaction holds. Returns what undoes that once the transaction has
 * ended: the pool has two SQLite connections, so the undoing must reach the import's own.
 */
export async function startImportTransaction(dialect: Dialect, trx: Knex.Transaction): Promise<() => void> {
  if (dialect === 'postgresql') {
    await trx.raw('set local jit = off');
    return () => undefined;
  }
  await trx.raw(`pragma cache_size = -${SQLITE_IMPORT_CACHE_KIB}`);
  const connection = await sqliteConnectionOf(trx);
  return () => connection.pragma(`cache_size = ${SQLITE_DEFAULT_CACHE}`);
}

/** SQLite's default cache_size: 2,000 KiB. */
const SQLITE_DEFAULT_CACHE = -2_000;

/**
 * Waits until no other transaction holds the lock `key`, then holds it until this one ends. PostgreSQL
 * uses an advisory lock; SQLite needs none, as it lets one transaction write at a time.
 */
export async function lockForTransaction(
  dialect: Dialect,
  trx: Knex.Transaction,
  key: number,
): Promise<void> {
  if (dialect === 'postgresql') await trx.raw('select pg_advisory_xact_lock(?)', [key]);
}

/** Most bind parameters one statement may carry (SQLite's compile-time limit is the lower one). */
export function maxBindParameters(dialect: Dialect): number {
  return dialect === 'sqlite' ? 32_000 : 65_000;
}

/**
 * SQL condition: `column` is one of a list of values bound as one parameter (see listParameter), however
 * long the list: an array on PostgreSQL, a JSON array read by json_each on SQLite.
 */
export function inList(dialect: Dialect, column: string, type: 'integer' | 'text'): string {
  return dialect === 'postgresql'
    ? `${column} = any(cast(? as ${type}[]))`
    : `${column} in (select value from json_each(?))`;
}

/**
 * A list of integers bound as one parameter (see listParameter), as a table `alias` with one column
 * `id`: joined from, it makes both databases look rows up by key for each value rather than scan.
 */
export function integerListTable(dialect: Dialect, alias: string): string {
  return dialect === 'postgresql'
    ? `unnest(cast(? as integer[])) as ${alias}(id)`
    : `(select value as id from json_each(?)) as ${alias}`;
}

/** The one parameter of an inList condition or integerListTable. */
export function listParameter(dialect: Dialect, values: readonly (number | string)[]): string {
  return dialect === 'postgresql' ? postgresArray([...values]) : JSON.stringify(values);
}

/**
 * Adds the rows of `select` (whose columns are `key` then `summed`) into `table`: a row whose key is
 * stored already gets the values added to its own. The select must end in a WHERE or GROUP BY clause
 * (SQLite would otherwise read ON CONFLICT as a join constraint).
 */
export function insertOrAdd(
  table: string,
  key: readonly string[],
  summed: readonly string[],
  select: string,
) {
  const quote = (column: string) => `"${column}"`;
  const add = summed.map(
    (column) => `${quote(column)} = "${table}".${quote(column)} + excluded.${quote(column)}`,
  );
  return (
    `insert into "${table}" (${[...key, ...summed].map(quote).join(', ')}) ${select} ` +
    `on conflict (${key.map(quote).join(', ')}) do update set ${add.join(', ')}`
  );
}

/** Finds, for many keys at once, the value stored with each (keys not found are absent). */
export type KeyLookup = (keys: readonly string[]) => Promise<Map<string, number>>;

/**
 * A lookup of `valueColumn` by the unique `keyColumn`, run inside a transaction. PostgreSQL gets the
 * keys as one array parameter (`= any(?)`), planned in a fraction of the time of an IN list of
 * thousands of placeholders; SQLite has no arrays, so it takes IN lists of a fixed length (the last
 * one padded with nulls, which match nothing) through one statement prepared once.
 */
export function keyLookup(
  dialect: Dialect,
  trx: Knex.Transaction,
  table: string,
  keyColumn: string,
  valueColumn: string,
): KeyLookup {
  const select = `select "${keyColumn}" as "key", "${valueColumn}" as "value" from "${table}"`;
  const collect = (rows: { key: string; value: number }[], found: Map<string, number>) => {
    for (const { key, value } of rows) found.set(key, value);
    return found;
  };
  if (dialect === 'postgresql') {
    return async (keys) => {
      if (keys.length === 0) return new Map();
      const result: { rows: { key: string; value: number }[] } = await trx.raw(
        `${select} where "${keyColumn}" = any(?)`,
        [keys as string[]],
      );
      return collect(result.rows, new Map());
    };
  }
  const sql = `${select} where "${keyColumn}" in (${Array(SQLITE_KEYS_PER_LOOKUP).fill('?').join(', ')})`;
  let statement: SqliteStatement | undefined;
  return async (keys) => {
    statement ??= (await sqliteConnectionOf(trx)).prepare(sql);
    const found = new Map<string, number>();
    for (let start = 0; start < keys.length; start += SQLITE_KEYS_PER_LOOKUP) {
      const chunk: (string | null)[] = keys.slice(start, start + SQLITE_KEYS_PER_LOOKUP);
      while (chunk.length < SQLITE_KEYS_PER_LOOKUP) chunk.push(null);
      collect(statement.all(chunk) as { key: string; value: number }[], found);
    }
    return found;
  };
}

const SQLITE_KEYS_PER_LOOKUP = 500;

/** What one bulk upsert did: how many of its keys were stored before, and how many rows it changed. */
export interface UpsertCounts {
  existing: number;
  changed: number;
}

/** A multi-row upsert for bulk imports, run inside a transaction. */
export interface BulkUpsert {
  /** Most rows one call of `run` takes. */
  rowsPerStatement: number;
  /** Upserts rows with distinct keys (one value per column, in column order, the key first). */
  run(rows: unknown[][]): Promise<UpsertCounts>;
}

/**
 * `insert into <table> (<columns>) <rows> <onConflict>` for many rows at a time, counting beforehand
 * which keys (the first column) were already stored. Each database gets the form it runs fastest
 * (both well ahead of multi-row VALUES through knex): SQLite keeps the statements prepared on the
 * transaction's connection (better-sqlite3 would otherwise compile every call, and knex rewrite every
 * placeholder); PostgreSQL receives one array per column, unnests them, and counts and writes in one
 * round trip (the sub-statements of a WITH share one snapshot, so the count cannot see the insert).
 * `columns` carry the database column types, for the array casts.
 */
export function bulkUpsert(
  dialect: Dialect,
  trx: Knex.Transaction,
  table: string,
  columns: { name: string; type: string }[],
  onConflict: string,
): BulkUpsert {
  const key = columns[0]!;
  const insert = `insert into "${table}" (${columns.map(({ name }) => `"${name}"`).join(', ')})`;
  if (dialect === 'postgresql') {
    const arrays = columns.map(({ type }) => `?::${type}[]`).join(', ');
    const sql =
      `with existing as (select count(*) as n from "${table}" where "${key.name}" = any(?::${key.type}[])), ` +
      `written as (${insert} select * from unnest(${arrays}) ${onConflict} returning 1) ` +
      `select (select n from existing) as existing, (select count(*) from written) as changed`;
    return {
      rowsPerStatement: POSTGRES_ROWS_PER_STATEMENT,
      run: async (rows) => {
        const values = columns.map((_, column) => postgresArray(rows.map((row) => row[column])));
        const result: { rows: { existing: string; changed: string }[] } = await trx.raw(sql, [
          values[0]!,
          ...values,
        ]);
        const [counts] = result.rows;
        return { existing: Number(counts!.existing), changed: Number(counts!.changed) };
      },
    };
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const prepared = new Map<number, { count: SqliteStatement; insert: SqliteStatement }>();
  let connection: SqliteConnection | undefined;
  return {
    rowsPerStatement: Math.min(
      SQLITE_ROWS_PER_STATEMENT,
      Math.floor(maxBindParameters(dialect) / columns.length),
    ),
    run: async (rows) => {
      connection ??= await sqliteConnectionOf(trx);
      let statements = prepared.get(rows.length);
      if (!statements) {
        const keys = rows.map(() => '?').join(', ');
        const values = rows.map(() => tuple).join(', ');
        statements = {
          count: connection.prepare(`select count(*) as n from "${table}" where "${key.name}" in (${keys})`),
          insert: connection.prepare(`${insert} values ${values} ${onConflict}`),
        };
        prepared.set(rows.length, statements);
      }
      const existing = (statements.count.get(rows.map((row) => row[0])) as { n: number }).n;
      const bindings: unknown[] = [];
      for (const row of rows) for (const value of row) bindings.push(toDbValue(dialect, value));
      return { existing, changed: statements.insert.run(bindings).changes };
    },
  };
}

/**
 * A PostgreSQL array literal (`{"a",NULL,"b"}`) for strings, numbers, booleans, dates and nulls. Built
 * here because node-postgres formats each element through a general-purpose path (local-time dates,
 * a regex per string) that costs as much as the database's work on an import.
 */
function postgresArray(values: unknown[]): string {
  const elements = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    const text =
      value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
    return NEEDS_ESCAPE.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : `"${text}"`;
  });
  return `{${elements.join(',')}}`;
}

const NEEDS_ESCAPE = /["\\]/;

/** Enough rows to amortise a statement, few enough that compiling and caching one stays cheap. */
const SQLITE_ROWS_PER_STATEMENT = 500;
const POSTGRES_ROWS_PER_STATEMENT = 5_000;

interface SqliteStatement {
  run(bindings: unknown[]): { changes: number };
  get(bindings: unknown[]): unknown;
  all(bindings: unknown[]): unknown[];
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string): unknown;
}

/** The better-sqlite3 handle under a knex transaction (SQLite has one connection, which it holds). */
function sqliteConnectionOf(trx: Knex.Transaction): Promise<SqliteConnection> {
  return (trx.client as { acquireConnection(): Promise<SqliteConnection> }).acquireConnection();
}
