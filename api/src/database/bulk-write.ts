import type { Knex } from '@mikro-orm/knex';
import { SQL_DIALECTS, type Dialect } from './dialects/index.js';
import { postgresArray } from './dialects/postgresql.js';
import { sqliteConnectionOf, type SqliteConnection, type SqliteStatement } from './dialects/sqlite.js';

/** Bulk writes: grouped upserts that add sums, key lookups and multi-row upserts, each in the form its database runs fastest. */

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
      Math.floor(SQL_DIALECTS[dialect].maxBindParameters / columns.length),
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
      for (const row of rows) for (const value of row) bindings.push(SQL_DIALECTS[dialect].toDbValue(value));
      return { existing, changed: statements.insert.run(bindings).changes };
    },
  };
}

/** Enough rows to amortise a statement, few enough that compiling and caching one stays cheap. */
const SQLITE_ROWS_PER_STATEMENT = 500;
const POSTGRES_ROWS_PER_STATEMENT = 5_000;
