import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How far the ingest worker has come through the queue of acknowledged batches (ingest_batches), in the
 * database that holds the facts: one row, advanced in the transaction that writes a merge's rows. Batch
 * ids commit in id order (insertQueuedBatches), and the worker applies them in that order, so the highest id
 * applied or set aside says exactly which batches are done, wherever the queue is stored (a separate
 * file on SQLite: see database/ingest-queue-database.ts). Internal: never a GraphQL type.
 */
@Entity({ tableName: 'ingest_progress' })
export class IngestProgress {
  /** Always 1: the table has one row. */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  /** The highest batch id applied or set aside; every batch up to it is done. */
  @Property({ type: 'integer' })
  appliedThrough!: number;

  /** When the last merge (or setting aside) committed; null before the first. */
  @Property({ type: 'datetime', nullable: true })
  lastAppliedAt?: Date | null;
}

/**
 * A batch that applying refused although acknowledging had accepted it (e.g. a customer missing by
 * then): nothing of it was written; kept with its problems for as long as applied batches are kept.
 */
@Entity({ tableName: 'ingest_set_aside' })
export class IngestSetAside {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  batchId!: number;

  /** The batch's problems, as JSON. */
  @Property({ type: 'text' })
  problems!: string;

  @Property({ type: 'datetime' })
  setAsideAt!: Date;
}
