import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { ImportKind, type RecordKind } from './record-kind.js';

/**
 * A batch of rows acknowledged by an ingest mutation with `apply: BACKGROUND`: written (durably) before
 * the answer leaves, applied later by the ingest worker (ingest-worker.ts), which marks it applied in
 * the transaction that writes its rows. Internal: never a GraphQL type.
 */
@Entity({ tableName: 'ingest_batches' })
@Index({ properties: ['appliedAt', 'id'] })
export class IngestBatch {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Enum({ items: () => ImportKind, type: 'text' })
  kind!: RecordKind;

  @Property({ type: 'text' })
  source!: string;

  /** The rows as the import pipeline reads them (canonical snake_case columns), as a JSON array. */
  @Property({ type: 'text' })
  rows!: string;

  @Property({ type: 'integer' })
  rowCount!: number;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  /** When the worker's transaction that wrote the rows committed; null while waiting. */
  @Property({ type: 'datetime', nullable: true })
  appliedAt?: Date | null;

  /**
   * Set when applying found a problem that acknowledging could not (e.g. a customer missing by then):
   * the batch's problems as JSON; nothing of it was written.
   */
  @Property({ type: 'text', nullable: true })
  problems?: string | null;
}
