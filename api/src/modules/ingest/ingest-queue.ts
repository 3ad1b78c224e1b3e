import { EventEmitter } from 'node:events';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { fromDbTime, dialectOf, toDbValue, type Dialect } from '../../database/dialect.js';
import { readerKnex } from '../../database/read-routing.js';
import { PROBLEMS_KEPT } from './ingest.service.js';
import type { NumberedRow, RawRow, RecordKind, RowProblem } from './record-kind.js';
import { RECORD_SPECS } from './record-specs.js';
import { EXPECTED, rowProblem } from './row-problem.js';
import { validateBatches } from './validate-batches.js';

const queued = new EventEmitter();

/** Calls `listener` after each batch this process queued; returns the unsubscribe (the worker's wake-up). */
export function onBatchQueued(listener: () => void): () => void {
  queued.on('queued', listener);
  return () => queued.off('queued', listener);
}

/** Customer ids looked up per statement (below SQLite's 999 bound variables). */
const IDS_PER_LOOKUP = 500;

/** What acknowledging a batch answers: the queued batch, or the problems that refused it. */
export interface Acknowledgement {
  /** The queued batch's id; null when the batch was refused. */
  batchId: number | null;
  rowsRead: number;
  /** The first problems found (at most 50); problemCount has the total. */
  problems: RowProblem[];
  problemCount: number;
}

/** A validated batch to be stored in ingest_batches: its rows as the JSON the worker reads back. */
export interface BatchToStore {
  kind: RecordKind;
  source: string;
  rows: string;
  rowCount: number;
}

/**
 * Stores a batch durably and returns its id once committed. By default an insert on the caller's own
 * connection; with the writer thread running, the thread commits it (IngestWriterThread.store).
 */
export type StoreBatch = (batch: BatchToStore) => Promise<number>;

/**
 * Inserts batches into ingest_batches in one transaction (one commit, one sync to disk, for all of them)
 * and returns their ids, in order.
 */
export function insertBatches(knex: Knex, dialect: Dialect, batches: BatchToStore[]): Promise<number[]> {
  return knex.transaction(async (trx) => {
    const ids: number[] = [];
    for (const { kind, source, rows, rowCount } of batches) {
      const [inserted] = await trx('ingest_batches')
        .insert({
          kind,
          source,
          rows,
          row_count: rowCount,
          received_at: toDbValue(dialect, new Date()),
        })
        .returning<{ id: number }[]>('id');
      ids.push(Number(typeof inserted === 'object' ? inserted.id : inserted));
    }
    return ids;
  });
}

/** Batches acknowledged and not yet applied, and how far behind the worker is. */
export interface IngestBacklog {
  pendingBatches: number;
  pendingRows: number;
  /** When the oldest waiting batch was acknowledged; null when none waits. */
  oldestReceivedAt: Date | null;
  /** When the last batch was applied (or refused at application); null before the first. */
  lastAppliedAt: Date | null;
}

/**
 * The durable queue of background ingest (table ingest_batches). A batch is validated as a synchronous
 * import would validate it, its customers included (those of customer batches still waiting count as
 * existing), and written in one short transaction of its own before it is acknowledged: once the answer
 * leaves, a crash of the process loses nothing. The ingest worker applies it later.
 */
export class IngestQueue {
  constructor(
    private readonly em: EntityManager,
    /** How the batch is stored; by default inserted on `em`'s connection. */
    private readonly store: StoreBatch = async (batch) =>
      (await insertBatches(em.getKnex(), dialectOf(em), [batch]))[0]!,
  ) {}

  async enqueue(kind: RecordKind, rows: NumberedRow[], source: string): Promise<Acknowledgement> {
    const spec = RECORD_SPECS[kind];
    const problems: RowProblem[] = [];
    const references: { row: number; id: string }[] = [];
    let rowsRead = 0;
    for await (const batch of validateBatches(spec, rows)) {
      rowsRead += batch.rowsRead;
      problems.push(...batch.problems);
      references.push(...batch.customerReferences);
    }
    if (references.length) {
      const known = await this.knownCustomers([...new Set(references.map(({ id }) => id))]);
      for (const { row, id } of references) {
        if (!known.has(id)) problems.push(rowProblem(row, 'customer_id', id, EXPECTED.existingCustomer));
      }
    }
    if (problems.length) {
      problems.sort((a, b) => a.row - b.row);
      return {
        batchId: null,
        rowsRead,
        problems: problems.slice(0, PROBLEMS_KEPT),
        problemCount: problems.length,
      };
    }
    const batchId = await this.store({
      kind,
      source,
      rows: JSON.stringify(rows.map(({ values }) => values)),
      rowCount: rows.length,
    });
    queued.emit('queued');
    return { batchId, rowsRead, problems: [], problemCount: 0 };
  }

  async backlog(): Promise<IngestBacklog> {
    const knex = this.em.getKnex();
    const pending = await knex('ingest_batches')
      .whereNull('applied_at')
      .first<{ batches: number | string; rows: number | string; oldest: unknown } | undefined>(
        knex.raw('count(*) as batches'),
        knex.raw('coalesce(sum(row_count), 0) as "rows"'),
        knex.raw('min(received_at) as oldest'),
      );
    const applied = await knex('ingest_batches')
      .whereNotNull('applied_at')
      .first<{ last: unknown } | undefined>(knex.raw('max(applied_at) as last'));
    const time = (value: unknown) => (value == null ? null : fromDbTime(value));
    return {
      pendingBatches: Number(pending?.batches ?? 0),
      pendingRows: Number(pending?.rows ?? 0),
      oldestReceivedAt: time(pending?.oldest),
      lastAppliedAt: time(applied?.last),
    };
  }

  /** The ids among `ids` of stored customers and of customers in waiting customer batches. */
  private async knownCustomers(ids: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    const knex: Knex = readerKnex(this.em);
    for (let start = 0; start < ids.length; start += IDS_PER_LOOKUP) {
      const found = (await knex('customers')
        .whereIn('external_id', ids.slice(start, start + IDS_PER_LOOKUP))
        .pluck('external_id')) as string[];
      for (const id of found) known.add(id);
    }
    if (known.size < ids.length) {
      const waiting: { rows: string }[] = await this.em
        .getKnex()('ingest_batches')
        .whereNull('applied_at')
        .where({ kind: 'customers' })
        .select('rows');
      for (const { rows } of waiting)
        for (const row of JSON.parse(rows) as RawRow[]) known.add(String(row.customer_id));
    }
    return known;
  }
}

/** Seconds since a batch waiting since `oldest` was acknowledged; 0 when none waits. */
export function lagSeconds(oldest: Date | null, now = Date.now()): number {
  return oldest ? Math.max(0, (now - oldest.getTime()) / 1000) : 0;
}
