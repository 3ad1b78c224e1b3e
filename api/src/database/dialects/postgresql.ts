import type { Knex } from '@mikro-orm/knex';
import type { SqlDialect } from './sql-dialect.js';

/**
 * A PostgreSQL array literal (`{"a",NULL,"b"}`) for strings, numbers, booleans, dates and nulls. Built
 * here because node-postgres formats each element through a general-purpose path (local-time dates,
 * a regex per string) that costs as much as the database's work on an import.
 */
export function postgresArray(values: unknown[]): string {
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

export const postgresql: SqlDialect = {
  toDbValue: (value) => value,
  // PostgreSQL's LIKE heeds case.
  containsIgnoringCase: (text) => ({ $ilike: `%${text}%` }),
  isDistinctFrom: (left, right) => `${left} IS DISTINCT FROM ${right}`,
  rowsOf: (result) => (result as { rows: Record<string, unknown>[] }).rows,
  timestampParameter: () => 'cast(? as timestamptz)',
  plusSeconds: (time, seconds) => `(${time} + interval '${seconds} seconds')`,
  followingRows: 'set',
  millisBetween: (from, to) => `(extract(epoch from (${to} - ${from})) * 1000)`,
  // Truncated in UTC whatever the session's time zone.
  timeBucket: (time, grain) => `date_trunc('${grain}', ${time}, 'UTC')`,
  // date_trunc is cheap: the window's bounds would not make it cheaper.
  timeBucketAmong(time, grain) {
    return this.timeBucket(time, grain);
  },
  // Vacuumed too: until autovacuum sets their visibility map, a covering index still reads the table.
  refreshStatistics: (table) => `vacuum analyze "${table}"`,
  // No JIT compilation for the follow-ups' short statements (`set local` ends with the transaction).
  // `set local` ends with the transaction: nothing to undo.
  async startImport(trx: Knex.Transaction) {
    await trx.raw('set local jit = off');
    return () => undefined;
  },
  // An advisory lock, released with the transaction.
  lockForTransaction: (trx: Knex.Transaction, key: number) =>
    trx.raw('select pg_advisory_xact_lock(?)', [key]),
  maxBindParameters: 65_000,
  readsBesideTransaction: true,
  // A semi-join with the unnested list: the planner then probes the (column, ...) indexes once per value.
  // With `= any(array)` it costed each of 2,000 values as a separate index descent and chose parallel
  // sequential scans of the fact tables instead (0.5-0.8 s per statement at 257,000 contacts).
  inList: (column, type) => `${column} in (select unnest(cast(? as ${type}[])))`,
  listParameter: (values) => postgresArray([...values]),
  listTable: (alias, type) => `unnest(cast(? as ${type}[])) as ${alias}(value)`,
  // Every apply rewrites flags, risk scores and rollup rows: without autovacuum their dead versions pile up
  // (a 1.2M-contact database's live runs went from p95 72-92 ms to 203-207 ms; docs/operations.md#live-ingest).
  async maintenanceWarnings(knex) {
    const { rows } = await knex.raw<{ rows: { autovacuum: string }[] }>(
      "select current_setting('autovacuum') as autovacuum",
    );
    return rows[0]?.autovacuum === 'off'
      ? [
          'autovacuum is off on this PostgreSQL server: the dead rows that imports leave are not reclaimed and ' +
            'reads slow down over time; turn it on, or run VACUUM on a schedule (docs/operations.md#live-ingest)',
        ]
      : [];
  },
};
