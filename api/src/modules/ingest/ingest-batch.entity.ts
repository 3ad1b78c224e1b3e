import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { ImportKind, type RecordKind } from './record-kind.js';

/**
 * A batch of rows acknowledged by an ingest mutation with `apply: BACKGROUND`: written (durably) before
 * the answer leaves, applied later by the ingest worker (ingest-worker.ts), which records it done in
 * ingest_progress in the transaction that writes its rows. On SQLite the table lives in a queue file of
 * its own (database/ingest-queue-database.ts); this one then only hands over what an older version left
 * waiting. Internal: never a GraphQL type.
 */
@Entity({ tableName: 'ingest_batches' })
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
}
