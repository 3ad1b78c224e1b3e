import { EventEmitter } from 'node:events';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { fromDbTime } from '../../database/dialect.js';
import { insertQueuedBatches, type IngestQueueDatabase } from '../../database/ingest-queue-database.js';
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
 * The durable queue of background ingest (table ingest_batches, in the database the ingest queue
 * database says: ingest-queue-database.ts). A batch is validated as a synchronous import would validate
 * it, its customers included (those of customer batches still waiting count as existing), and written in
 * one short transaction of its own before it is acknowledged: once the answer leaves, a crash of the
 * process loses nothing. That transaction never waits for the ingest worker's apply. The worker applies
 * the batch later, and records it done in ingest_progress.
 */
export class IngestQueue {
  constructor(
    private readonly em: EntityManager,
    private readonly queue: IngestQueueDatabase,
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
    const [batchId] = await insertQueuedBatches(this.queue, [
      { kind, source, rows: JSON.stringify(rows.map(({ values }) => values)), rowCount: rows.length },
    ]);
    queued.emit('queued');
    return { batchId: batchId!, rowsRead, problems: [], problemCount: 0 };
  }

  async backlog(): Promise<IngestBacklog> {
    const progress = await appliedThrough(this.em.getKnex());
    const knex = this.queue.knex;
    const pending = await knex('ingest_batches')
      .where('id', '>', progress.appliedThrough)
      .first<{ batches: number | string; rows: number | string; oldest: unknown } | undefined>(
        knex.raw('count(*) as batches'),
        knex.raw('coalesce(sum(row_count), 0) as "rows"'),
        knex.raw('min(received_at) as oldest'),
      );
    const time = (value: unknown) => (value == null ? null : fromDbTime(value));
    return {
      pendingBatches: Number(pending?.batches ?? 0),
      pendingRows: Number(pending?.rows ?? 0),
      oldestReceivedAt: time(pending?.oldest),
      lastAppliedAt: progress.lastAppliedAt,
    };
  }

  /** The ids among `ids` of stored customers and of customers in waiting customer batches. */
  private async knownCustomers(ids: string[]): Promise<Set<string>> {
    // Read first: a customer batch applied after this read is still found among the waiting ones.
    const { appliedThrough: done } = await appliedThrough(this.em.getKnex());
    const known = new Set<string>();
    const knex: Knex = readerKnex(this.em);
    for (let start = 0; start < ids.length; start += IDS_PER_LOOKUP) {
      const found = (await knex('customers')
        .whereIn('external_id', ids.slice(start, start + IDS_PER_LOOKUP))
        .pluck('external_id')) as string[];
      for (const id of found) known.add(id);
    }
    if (known.size < ids.length) {
      const waiting: { rows: string }[] = await this.queue
        .knex('ingest_batches')
        .where('id', '>', done)
        .where({ kind: 'customers' })
        .select('rows');
      for (const { rows } of waiting)
        for (const row of JSON.parse(rows) as RawRow[]) known.add(String(row.customer_id));
    }
    return known;
  }
}

/** The highest batch id the ingest worker applied or set aside, and when it last did. */
export async function appliedThrough(
  knex: Knex,
): Promise<{ appliedThrough: number; lastAppliedAt: Date | null }> {
  const row = await knex('ingest_progress')
    .where({ id: 1 })
    .first<{ applied_through: number | string; last_applied_at: unknown } | undefined>(
      'applied_through',
      'last_applied_at',
    );
  return {
    appliedThrough: Number(row?.applied_through ?? 0),
    lastAppliedAt: row?.last_applied_at == null ? null : fromDbTime(row.last_applied_at),
  };
}

/** Seconds since a batch waiting since `oldest` was acknowledged; 0 when none waits. */
export function lagSeconds(oldest: Date | null, now = Date.now()): number {
  return oldest ? Math.max(0, (now - oldest.getTime()) / 1000) : 0;
}
