import type { EntityManager } from '@mikro-orm/knex';
import { dialectOf, fromDbBoolean, fromDbTime, toDbValue } from '../../database/dialect.js';
import { readerConnection } from '../../database/read-routing.js';
import { syncCursors, type Position } from '../../database/paginate.js';
import type { RecordKind } from '../ingest/record-kind.js';
import { RECORD_SPECS } from '../ingest/record-specs.js';
import { ENTITY_OF_KIND, exportColumns, type ExportColumn } from './export-columns.js';
import type { ExportValue } from './export-format.js';

/** Rows fetched per query: big enough to amortise a round trip, small enough to keep memory flat. */
export const EXPORT_PAGE_ROWS = 2_000;

/** Where an incremental sync starts: rows changed at or after `updatedSince`, and after `cursor`. */
export interface SyncStart {
  updatedSince?: Date | undefined;
  /** X-Next-Cursor of the previous export (or a GraphQL endCursor of the same records with updatedSince). */
  cursor?: string | undefined;
  /** Send at most this many rows (the cursor then points at the last one sent): a sync in chunks. */
  limit?: number | undefined;
}

export interface RecordExport {
  columns: string[];
  /** Cursor of the last row the export will send, known before the first: null when nothing matched. */
  nextCursor: string | null;
  /** Read lazily: each page is queried when the previous one has been taken. */
  rows: AsyncIterable<Record<string, ExportValue>> | Iterable<Record<string, ExportValue>>;
}

interface Bound {
  sql: string;
  params: unknown[];
}

/**
 * Exports records of one kind in the order of incremental sync, (updated_at, id), by keyset pages, so
 * that memory stays flat whatever the table size and the consumer's speed sets the pace (the next page
 * is read only when the previous one was taken). The last row is fixed before the first is sent: rows
 * changed while the export runs move past it and come with the next sync, so the X-Next-Cursor header
 * can be sent up front and a sync never skips a row.
 */
export class RecordExportService {
  constructor(
    private readonly em: EntityManager,
    private readonly pageRows = EXPORT_PAGE_ROWS,
  ) {}

  async open(kind: RecordKind, start: SyncStart): Promise<RecordExport> {
    const dialect = dialectOf(this.em);
    const spec = RECORD_SPECS[kind];
    const cursors = syncCursors(ENTITY_OF_KIND[kind].name);
    const after = start.cursor === undefined ? undefined : cursors.decode(start.cursor, 'cursor');
    const time = (ms: number | Date) => toDbValue(dialect, new Date(ms));
    const since: Bound[] = start.updatedSince
      ? [{ sql: 't.updated_at >= ?', params: [time(start.updatedSince)] }]
      : [];
    const connection = readerConnection(this.em);
    const columns = exportColumns(this.em, kind);
    const names = columns.map(({ name }) => name);

    // The last row: the limit-th when there are that many, else the very last one.
    const matching = where([...since, ...(after ? [afterPosition(after, time)] : [])]);
    const endRow = async (order: 'asc' | 'desc', offset: number) => {
      const [row] = await connection.execute<{ updated_at: unknown; id: number }[]>(
        `select t.updated_at, t.id from ${spec.table} t ${matching.sql} ` +
          `order by t.updated_at ${order}, t.id ${order} limit 1 offset ${offset}`,
        matching.params,
      );
      return row;
    };
    const last =
      (start.limit ? await endRow('asc', start.limit - 1) : undefined) ?? (await endRow('desc', 0));
    if (!last) return { columns: names, nextCursor: start.cursor ?? null, rows: [] };
    const end = time(fromDbTime(last.updated_at));
    const upToEnd = { sql: '(t.updated_at, t.id) <= (?, ?)', params: [end, last.id] };

    const join = spec.referencesCustomer ? 'join customers c on c.id = t.customer_id' : '';
    const pageRows = this.pageRows;
    const select = columns.map(({ sql, name }) => `${sql} as "${name}"`).join(', ');
    async function* rows(): AsyncGenerator<Record<string, ExportValue>> {
      let from = after;
      for (;;) {
        const page = where([...since, upToEnd, ...(from ? [afterPosition(from, time)] : [])]);
        const found = await connection.execute<Record<string, unknown>[]>(
          `select ${select}, t.updated_at as "__updated_at", t.id as "__id" from ${spec.table} t ${join} ` +
            `${page.sql} order by t.updated_at, t.id limit ${pageRows}`,
          page.params,
        );
        for (const row of found) yield exportRow(row, columns);
        if (found.length < pageRows) return;
        const tail = found.at(-1)!;
        from = { value: fromDbTime(tail.__updated_at).getTime(), id: tail.__id as number };
      }
    }
    const nextCursor = cursors.encode({ value: fromDbTime(last.updated_at).getTime(), id: last.id });
    return { columns: names, nextCursor, rows: rows() };
  }
}

/** The WHERE clause of all `bounds` (none: every row). */
function where(bounds: Bound[]): Bound {
  return {
    sql: bounds.length ? `where ${bounds.map((bound) => `(${bound.sql})`).join(' and ')}` : '',
    params: bounds.flatMap((bound) => bound.params),
  };
}

/**
 * Rows strictly after `position` in (updated_at, id) order. A row-value comparison, which both databases
 * answer with one range seek on the (updated_at, id) index: with `a > x or (a = x and b > y)` they would
 * scan all rows sharing the timestamp again for every page, and one import stamps all its rows alike.
 */
function afterPosition(position: Position, time: (ms: number) => unknown): Bound {
  return { sql: '(t.updated_at, t.id) > (?, ?)', params: [time(position.value!), position.id] };
}

function exportRow(row: Record<string, unknown>, columns: ExportColumn[]): Record<string, ExportValue> {
  const values: Record<string, ExportValue> = {};
  for (const { name, type } of columns) {
    const value = row[name] ?? null;
    if (value === null) values[name] = null;
    else if (type === 'datetime') values[name] = fromDbTime(value);
    else if (type === 'boolean') values[name] = fromDbBoolean(value);
    else values[name] = value as ExportValue;
  }
  return values;
}
