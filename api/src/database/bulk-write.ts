import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Knex } from '@mikro-orm/knex';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SQL_DIALECTS, type Dialect } from './dialects/index.js';
import { postgresArray } from './dialects/postgresql.js';
import { sqliteConnectionOf, type SqliteConnection, type SqliteStatement } from './dialects/sqlite.js';

/** Bulk writes: staging tables, grouped upserts that add sums, key lookups and multi-row upserts, each in the form its database runs fastest. */

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

/**
 * A temporary table that a bulk load fills fast and then writes from in set-based statements. It lives
 * in the load's transaction (a rolled-back load leaves nothing, on either database) and has no index, so
 * appending costs little more than the copy: PostgreSQL receives the rows with `COPY … FROM STDIN`
 * (pg-copy-streams, text format), SQLite through one multi-row INSERT prepared once per statement size
 * and reused (better-sqlite3 directly, no knex per row). Rows are kept in the order appended (`seq`).
 */
export interface StagingTable {
  /** The table's name, for the set-based statements that read it. */
  readonly name: string;
  /** Rows appended since the last clear(). */
  readonly size: number;
  /** Appends rows (one value per column, in column order). */
  append(rows: unknown[][]): Promise<void>;
  /**
   * Keeps only the last row appended with each value of `keyColumn` (the last one wins, as in a file), and
   * readies the table for set-based reads. A caller that knows no value repeats passes `repeats` false:
   * the delete, a grouping of every staged row, is then skipped.
   */
  keepLastBy(keyColumn: string, repeats: boolean): Promise<void>;
  /** Empties the table for the next segment of the load. */
  clear(): Promise<void>;
  /** Drops the table (SQLite; PostgreSQL drops it at the end of the transaction). */
  drop(): Promise<void>;
}

/** Creates a staging table `name` with `columns` (database types) plus `seq`, the order of appending. */
export async function createStagingTable(
  dialect: Dialect,
  trx: Knex.Transaction,
  name: string,
  columns: readonly { name: string; type: string }[],
): Promise<StagingTable> {
  const quoted = columns.map(({ name: column }) => `"${column}"`);
  if (dialect === 'postgresql') {
    const definitions = columns.map(({ name: column, type }) => `"${column}" ${type}`);
    await trx.raw(`create temporary table "${name}" (seq bigint, ${definitions.join(', ')}) on commit drop`);
    const client = await (trx.client as { acquireConnection(): Promise<pg.Client> }).acquireConnection();
    let size = 0;
    return {
      name,
      get size() {
        return size;
      },
      async append(rows) {
        if (rows.length === 0) return;
        const lines = rows.map((row, index) => `${size + index}\t${row.map(copyText).join('\t')}\n`);
        size += rows.length;
        await pipeline(
          Readable.from([lines.join('')]),
          client.query(copyFrom(`copy "${name}" (seq, ${quoted.join(', ')}) from stdin`)),
        );
      },
      async keepLastBy(keyColumn, repeats) {
        if (repeats)
          await trx.raw(
            `delete from "${name}" s using "${name}" later where later."${keyColumn}" = s."${keyColumn}" and later.seq > s.seq`,
          );
        // The planner's row count and the key's statistics, for the upsert and its count of stored keys:
        // the key column alone (analysing every column took about 130 ms a segment of 25,000 contacts).
        await trx.raw(`analyze "${name}" ("${keyColumn}")`);
      },
      async clear() {
        await trx.raw(`truncate "${name}"`);
        size = 0;
      },
      drop: () => Promise.resolve(),
    };
  }
  // SQLite: columns without types (values are stored as bound), the rowid keeps the order of appending.
  await trx.raw(`create temporary table "${name}" (${quoted.join(', ')})`);
  const connection = await sqliteConnectionOf(trx);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const perStatement = Math.min(
    SQLITE_STAGED_ROWS_PER_STATEMENT,
    Math.floor(SQL_DIALECTS.sqlite.maxBindParameters / columns.length),
  );
  // Two statements, prepared once: a full chunk of rows, and one row for the rest of a call.
  const insert = (rows: number) =>
    connection.prepare(
      `insert into "${name}" (${quoted.join(', ')}) values ${Array(rows).fill(tuple).join(', ')}`,
    );
  const chunkInsert = insert(perStatement);
  const rowInsert = insert(1);
  let size = 0;
  return {
    name,
    get size() {
      return size;
    },
    append(rows) {
      const bind = (chunk: unknown[][]) => {
        const bindings: unknown[] = [];
        for (const row of chunk) for (const value of row) bindings.push(SQL_DIALECTS.sqlite.toDbValue(value));
        return bindings;
      };
      let start = 0;
      for (; start + perStatement <= rows.length; start += perStatement)
        chunkInsert.run(bind(rows.slice(start, start + perStatement)));
      for (; start < rows.length; start++) rowInsert.run(bind([rows[start]!]));
      size += rows.length;
      return Promise.resolve();
    },
    async keepLastBy(keyColumn, repeats) {
      if (!repeats) return;
      await trx.raw(
        `delete from "${name}" where rowid not in (select max(rowid) from "${name}" group by "${keyColumn}")`,
      );
    },
    async clear() {
      await trx.raw(`delete from "${name}"`);
      size = 0;
    },
    async drop() {
      await trx.raw(`drop table if exists temp."${name}"`);
    },
  };
}

/** Runs a writing statement inside a transaction and returns how many rows it inserted or changed. */
export async function rowsChangedBy(
  dialect: Dialect,
  trx: Knex.Transaction,
  sql: string,
  bindings: unknown[] = [],
): Promise<number> {
  if (dialect === 'postgresql') {
    const result: { rowCount: number | null } = await trx.raw(sql, bindings as Knex.RawBinding[]);
    return result.rowCount ?? 0;
  }
  const connection = await sqliteConnectionOf(trx);
  return connection.prepare(sql).run(bindings.map((value) => SQL_DIALECTS.sqlite.toDbValue(value))).changes;
}

/** Rows of one prepared INSERT into a staging table (within SQLite's parameter limit). */
const SQLITE_STAGED_ROWS_PER_STATEMENT = 250;

/** A value in COPY's text format: NULL as \N; backslash, tab and line breaks escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'boolean'
        ? value
          ? 't'
          : 'f'
        : typeof value === 'string'
          ? value
          : typeof value === 'number'
            ? String(value)
            : JSON.stringify(value);
  return COPY_ESCAPES.test(text) ? text.replace(COPY_ESCAPES_ALL, (c) => COPY_ESCAPE[c]!) : text;
}

const COPY_ESCAPES = /[\\\t\n\r]/;
const COPY_ESCAPES_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPE: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
