import type { Knex } from '@mikro-orm/knex';
import { TimeGrain } from '../../core/time-grain.js';
import type { SqlDialect } from './sql-dialect.js';

/** SQLite's page cache while an import writes (its default, 2 MB, thrashes on indexes of millions of rows). */
export const SQLITE_IMPORT_CACHE_KIB = 32_768;

/** SQLite's default cache_size: 2,000 KiB. */
const SQLITE_DEFAULT_CACHE = -2_000;

/** SQLite keeps datetimes as epoch milliseconds (as MikroORM stores them) and booleans as 0/1. */
export const sqlite: SqlDialect = {
  toDbValue(value) {
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  },
  // SQLite's LIKE already ignores ASCII case (and it has no ILIKE).
  containsIgnoringCase: (text) => ({ $like: `%${text}%` }),
  isDistinctFrom: (left, right) => `${left} IS NOT ${right}`,
  rowsOf: (result) => result as Record<string, unknown>[],
  timestampParameter: () => '?',
  plusSeconds: (time, seconds) => `(${time} + ${seconds * 1000})`,
  followingRows: 'exists',
  millisBetween: (from, to) => `(${to} - ${from})`,
  /**
   * Days and weeks are integer arithmetic on epoch milliseconds (day 0 was a Thursday, hence the shift
   * by 3), calendar units go through strftime.
   */
  timeBucket(time, grain) {
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
  },
  /**
   * Calendar units by comparing with the window's bucket bounds (a few integer comparisons a row) rather
   * than through strftime (about 1.5 µs a row: half of a 12-month query over the rollups); days and weeks
   * are cheap arithmetic already.
   */
  timeBucketAmong(time, grain, starts) {
    if (grain === TimeGrain.DAY || grain === TimeGrain.WEEK || starts.length === 0) {
      return this.timeBucket(time, grain);
    }
    const last = String(starts.at(-1)!.getTime());
    if (starts.length === 1) return last;
    const cases = starts
      .slice(1)
      .map((next, i) => `when ${time} < ${next.getTime()} then ${starts[i]!.getTime()}`);
    return `(case ${cases.join(' ')} else ${last} end)`;
  },
  refreshStatistics: (table) => `analyze "${table}"`,
  // A larger page cache on the connection the transaction holds, restored on that same connection (the
  // pool has two).
  async startImport(trx: Knex.Transaction) {
    await trx.raw(`pragma cache_size = -${SQLITE_IMPORT_CACHE_KIB}`);
    const connection = await sqliteConnectionOf(trx);
    return () => {
      connection.pragma(`cache_size = ${SQLITE_DEFAULT_CACHE}`);
    };
  },
  // None needed: SQLite lets one transaction write at a time.
  lockForTransaction: () => Promise.resolve(),
  // SQLite's compile-time limit, the lower one.
  maxBindParameters: 32_000,
  readsBesideTransaction: false,
  inList: (column) => `${column} in (select value from json_each(?))`,
  listParameter: (values) => JSON.stringify(values),
  listTable: (alias) => `json_each(?) as ${alias}`,
  maintenanceWarnings: () => Promise.resolve([]),
};

export interface SqliteStatement {
  run(bindings: unknown[]): { changes: number };
  get(bindings: unknown[]): unknown;
  all(bindings: unknown[]): unknown[];
}

export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string): unknown;
}

/** The better-sqlite3 handle under a knex transaction (which holds one of the pool's connections). */
export function sqliteConnectionOf(trx: Knex.Transaction): Promise<SqliteConnection> {
  return (trx.client as { acquireConnection(): Promise<SqliteConnection> }).acquireConnection();
}
