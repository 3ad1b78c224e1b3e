import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from '@mikro-orm/knex';
import { dialectOf, toDbValue } from '../../database/dialect.js';
import type { Orm } from '../../database/orm.js';
import { IMPORT_FOLLOW_UPS, type ImportFollowUp } from './import-follow-ups.js';
import { PollingLoop } from '../ops/polling-loop.js';
import type { IngestQueueDatabase } from '../../database/ingest-queue-database.js';
import { appliedThrough, onBatchQueued } from './ingest-queue.js';
import { IngestService } from './ingest.service.js';
import type { NumberedRow, RawRow, RecordKind } from './record-kind.js';

export interface IngestWorkerOptions {
  /** Between looks at the queue when nothing woke the worker (default 1 s): batches of other processes. */
  pollMs?: number;
  /**
   * Most rows applied in one transaction (default 5,000): consecutive batches of a kind are merged up to
   * it. Larger merges run the follow-ups less often; smaller ones show the first rows sooner.
   */
  maxRows?: number;
  /**
   * Shortest time from the start of one round to the start of the next (default 1 s): batches queued
   * meanwhile wait and are merged, so a stream of small batches runs the follow-ups about once a second
   * rather than once per batch. Part of the freshness bound.
   */
  minRoundMs?: number;
  /** How long applied batches are kept before they are deleted (default 1 h). */
  keepAppliedMs?: number;
  /** The import follow-ups (tests inject failures); default IMPORT_FOLLOW_UPS. */
  followUps?: readonly ImportFollowUp[];
  /** Where a round that failed is reported; the batches stay queued and are retried at the next round. */
  onRoundError?: (error: unknown) => void;
  /**
   * What starts a round at once (default: a batch queued by this thread, onBatchQueued); the writer
   * thread passes the wake-ups the API's thread sends it. Returns the unsubscribe.
   */
  wakeUp?: (nudge: () => void) => () => void;
}

/** The options that tune the worker, plain values that can be handed to the writer thread. */
export type IngestWorkerTuning = Pick<
  IngestWorkerOptions,
  'pollMs' | 'maxRows' | 'minRoundMs' | 'keepAppliedMs'
>;

/** Another worker applied a batch first: this one's transaction is rolled back, nothing is lost. */
class AppliedElsewhere extends Error {}

interface PendingBatch {
  id: number;
  kind: RecordKind;
  row_count: number;
}

/**
 * Applies the batches that ingest mutations acknowledged with `apply: BACKGROUND`, in id order (the
 * order their acknowledgements committed). Each round takes what waits and merges consecutive batches
 * of one kind (up to maxRows) into one import: one transaction writes their rows, maintains the rollups,
 * runs the follow-ups (risk, alerts, the alert events webhooks send, the data version) once for all of
 * them, logs one import run and records the highest batch id done in ingest_progress. A crash before the
 * commit leaves them waiting, so the next round (in this process after a restart, or in another)
 * applies them: exactly once, as the record commits with the rows. If a merged import finds a problem
 * (a customer missing by then), its batches are applied one by one and the failing one is set aside
 * with its problems (ingest_set_aside). The worker never writes the queue but to delete what it applied
 * an hour ago: acknowledgements never wait for its apply. Runs in `cx serve`/`pnpm start`; a mutation in
 * the same process wakes it at once.
 */
export class IngestWorker {
  private readonly options: Required<Omit<IngestWorkerOptions, 'onRoundError'>> & IngestWorkerOptions;
  private readonly loop: PollingLoop;
  private lastRound = -Infinity;

  constructor(
    private readonly orm: Orm,
    /** Where the acknowledged batches are read (openIngestQueue). */
    private readonly queue: IngestQueueDatabase,
    options: IngestWorkerOptions = {},
  ) {
    this.options = {
      pollMs: 1_000,
      maxRows: 5_000,
      minRoundMs: 1_000,
      keepAppliedMs: 3_600_000,
      followUps: IMPORT_FOLLOW_UPS,
      wakeUp: onBatchQueued,
      ...options,
    };
    this.loop = new PollingLoop(
      () => this.paced(),
      this.options.pollMs,
      (error) => this.options.onRoundError?.(error),
      this.options.wakeUp,
    );
  }

  /** Applies until stop(), and at once whenever this process queues a batch. */
  start(): void {
    this.loop.start();
  }

  /** Stops and waits for the round in flight. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** A round of the loop: no sooner than minRoundMs after the last one started. */
  private async paced(): Promise<void> {
    await sleep(Math.max(0, this.lastRound + this.options.minRoundMs - Date.now()));
    this.lastRound = Date.now();
    await this.applyPending();
  }

  /** Applies every waiting batch; returns how many batches were applied or set aside. */
  async applyPending(): Promise<number> {
    let done = 0;
    for (;;) {
      const pending = await this.waiting();
      if (pending.length === 0) break;
      for (const group of merged(pending, this.options.maxRows)) done += await this.applyGroup(group);
    }
    await this.forgetApplied();
    return done;
  }

  private async waiting(): Promise<PendingBatch[]> {
    const { appliedThrough: done } = await appliedThrough(this.orm.em.getKnex());
    return this.queue
      .knex('ingest_batches')
      .where('id', '>', done)
      .orderBy('id')
      .limit(500)
      .select('id', 'kind', 'row_count');
  }

  private async applyGroup(group: PendingBatch[]): Promise<number> {
    const summary = await this.apply(group);
    if (summary === 'elsewhere') return 0;
    if (summary.problemCount === 0) return group.length;
    if (group.length > 1) {
      let done = 0;
      for (const batch of group) done += await this.applyGroup([batch]);
      return done;
    }
    await this.setAside(group[0]!.id, summary.problems);
    return 1;
  }

  private async apply(group: PendingBatch[]) {
    const stored: { id: number; rows: string }[] = await this.queue
      .knex('ingest_batches')
      .whereIn(
        'id',
        group.map(({ id }) => id),
      )
      .orderBy('id')
      .select('id', 'rows');
    const rows: NumberedRow[] = stored.flatMap(({ rows: json }) =>
      (JSON.parse(json) as RawRow[]).map((values, index) => ({ row: index + 1, values })),
    );
    const em = this.orm.em.fork();
    try {
      return await new IngestService(em, this.options.followUps).importRows(group[0]!.kind, rows, {
        source: 'stream',
        change: 'background',
        beforeCommit: (trx: Knex.Transaction) => this.recordDone(trx, group),
      });
    } catch (error) {
      if (error instanceof AppliedElsewhere) return 'elsewhere' as const;
      throw error;
    }
  }

  /**
   * Records in `trx` that the batches of `group` (consecutive in the queue) are done, unless another
   * worker already did them: then throws AppliedElsewhere, which rolls `trx` back.
   */
  private async recordDone(trx: Knex.Transaction, group: PendingBatch[]): Promise<void> {
    const advanced = await trx('ingest_progress')
      .where({ id: 1 })
      .where('applied_through', '<', group[0]!.id)
      .update({
        applied_through: group.at(-1)!.id,
        last_applied_at: toDbValue(dialectOf(this.orm.em), new Date()),
      });
    if (advanced !== 1) throw new AppliedElsewhere();
  }

  private async setAside(id: number, problems: unknown[]): Promise<void> {
    const dialect = dialectOf(this.orm.em);
    try {
      await this.orm.em.getKnex().transaction(async (trx) => {
        await this.recordDone(trx, [{ id } as PendingBatch]);
        await trx('ingest_set_aside').insert({
          batch_id: id,
          problems: JSON.stringify(problems),
          set_aside_at: toDbValue(dialect, new Date()),
        });
      });
    } catch (error) {
      if (!(error instanceof AppliedElsewhere)) throw error;
    }
  }

  /** Deletes the batches done more than keepAppliedMs ago, and the records of those set aside. */
  private async forgetApplied(): Promise<void> {
    const knex = this.orm.em.getKnex();
    const before = new Date(Date.now() - this.options.keepAppliedMs);
    const { appliedThrough: done } = await appliedThrough(knex);
    await this.queue
      .knex('ingest_batches')
      .where('id', '<=', done)
      .where('received_at', '<', toDbValue(this.queue.dialect, before) as Date)
      .delete();
    await knex('ingest_set_aside')
      .where('set_aside_at', '<', toDbValue(dialectOf(this.orm.em), before) as Date)
      .delete();
  }
}

/** Consecutive batches of one kind, up to maxRows each (a larger batch alone). */
function merged(pending: PendingBatch[], maxRows: number): PendingBatch[][] {
  const groups: PendingBatch[][] = [];
  let rows = 0;
  for (const batch of pending) {
    const last = groups.at(-1);
    if (last && last[0]!.kind === batch.kind && rows + batch.row_count <= maxRows) {
      last.push(batch);
      rows += batch.row_count;
    } else {
      groups.push([batch]);
      rows = batch.row_count;
    }
  }
  return groups;
}
