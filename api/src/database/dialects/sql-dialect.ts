import type { Knex } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../../config.js';
import type { TimeGrain } from '../../core/time-grain.js';

/** The supported databases. */
export type Dialect = DatabaseConfig['dialect'];

/**
 * What SQL text and bound values differ between the databases: one implementation per database
 * (sqlite.ts, postgresql.ts). Code outside database/ reaches it through the functions of dialect.ts.
 */
export interface SqlDialect {
  /** How a value is bound in raw SQL. */
  toDbValue(value: unknown): unknown;
  /** A MikroORM condition "contains `text`, ignoring case". */
  containsIgnoringCase(text: string): { $like: string } | { $ilike: string };
  /** Null-safe "differs" comparison between two SQL expressions. */
  isDistinctFrom(left: string, right: string): string;
  /** The rows of a raw query's result (knex's result shape differs by driver). */
  rowsOf(result: unknown): Record<string, unknown>[];
  /** A placeholder for a timestamp where its type cannot be inferred (a SELECT list, a UNION). */
  timestampParameter(): string;
  /** The SQL expression `time` moved `seconds` later. */
  plusSeconds(time: string, seconds: number): string;
  /**
   * How "the row follows a row of another table within a time range" reads fastest: as one uncorrelated set of
   * ids that the database builds once ('set'), or as an EXISTS probed for each row ('exists'). PostgreSQL
   * hashes the set; an EXISTS per row there inflates the planner's cost estimate past the JIT thresholds, and
   * compiling then takes longer than running. SQLite has no JIT and probes its indexes cheaply.
   */
  followingRows: 'set' | 'exists';
  /** Milliseconds from the timestamp `from` to the timestamp `to` (null when either is null). */
  millisBetween(from: string, to: string): string;
  /** The start of the UTC bucket of `grain` that holds the timestamp `time` (ISO weeks, from Monday). */
  timeBucket(time: string, grain: TimeGrain): string;
  /**
   * The same for a `time` known to lie in the consecutive buckets starting at `starts` (a window's),
   * where the database computes it faster from those bounds than per row.
   */
  timeBucketAmong(time: string, grain: TimeGrain, starts: readonly Date[]): string;
  /** The statement that refreshes `table`'s planner statistics after a bulk rewrite. */
  refreshStatistics(table: string): string;
  /**
   * Runs at the start of an import's transaction (see startImportTransaction in dialect.ts); returns
   * what undoes its changes beyond the transaction, once it has ended.
   */
  startImport(trx: Knex.Transaction): Promise<() => void>;
  /** Waits until no other transaction holds the lock `key`, then holds it until this one ends. */
  lockForTransaction(trx: Knex.Transaction, key: number): Promise<unknown>;
  /** Most bind parameters one statement may carry. */
  maxBindParameters: number;
  /**
   * Whether another connection can read while a write transaction is open, at the same time as it (a server
   * with a process per connection); SQLite's single connection would wait for the transaction instead.
   */
  readsBesideTransaction: boolean;
  /** SQL condition: `column` is one of a list of values bound as one parameter (listParameter). */
  inList(column: string, type: 'integer' | 'text'): string;
  /** The one parameter of an inList condition. */
  listParameter(values: readonly (number | string)[]): string;
  /**
   * What the database server's settings leave undone that the API relies on (each a sentence for the log at
   * start-up); none on SQLite.
   */
  maintenanceWarnings(knex: Knex): Promise<string[]>;
  /** A FROM item: the values of a list (one listParameter) as the rows of `alias`, in its column `value`. */
  listTable(alias: string, type: 'integer' | 'text'): string;
}
