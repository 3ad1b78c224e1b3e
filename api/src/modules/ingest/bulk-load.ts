import type { StagingTable } from '../../database/dialect.js';
import type { ImportPhases } from './import-phases.js';
import type { RecordSpec, ValidRecord } from './record-specs.js';
import { leftOutColumns, type RecordWriter, type WriteCounts } from './record-writer.js';

/**
 * Rows staged before a set-based upsert writes them: large enough that per-statement costs vanish, small
 * enough that a SQLite staging table (temporary tables stay in memory) keeps the import's memory flat.
 */
export const BULK_SEGMENT_ROWS = 25_000;

/**
 * The write half of a bulk load (see docs/importing.md#bulk-loads). Instead of one multi-row upsert per
 * batch of validated records, the records are appended to a staging table (COPY on PostgreSQL, prepared
 * multi-row inserts on SQLite) and, every BULK_SEGMENT_ROWS rows and at the end, upserted from it into
 * the fact table in one set-based statement. Validation, the customer and contact checks and the rollup
 * subtraction still happen batch by batch before a record is staged, exactly as on the normal path, and
 * everything happens in the import's one transaction: a refused or failed load leaves nothing.
 */
export class BulkLoad {
  private staging: StagingTable | undefined;
  /** The columns the staged records leave out (a CSV file's header leaves out the same ones in every row). */
  private leftOut = '';
  private readonly counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  /**
   * The ids staged in this segment, and whether one came twice (in two batches: a batch's own records
   * have distinct ids). Most files repeat none, and the upsert then skips keeping the last of each.
   */
  private readonly stagedIds = new Set<unknown>();
  private repeats = false;

  constructor(
    private readonly spec: RecordSpec,
    private readonly writer: RecordWriter,
    private readonly segmentRows = BULK_SEGMENT_ROWS,
    private readonly phases?: ImportPhases,
  ) {}

  /** Stages records with distinct ids; writes a segment when enough have gathered. */
  async add(records: ValidRecord[], customerIds: Map<string, number> | undefined): Promise<void> {
    const columns = this.spec.writtenColumns;
    const { idColumn } = this.spec;
    for (let from = 0; from < records.length;) {
      // Records that leave out other columns than those staged (NDJSON objects may) go in another segment.
      const leftOut = leftOutColumns(records[from]!, columns);
      if (leftOut !== this.leftOut && this.staging?.size) await this.write();
      this.leftOut = leftOut;
      let to = from + 1;
      while (to < records.length && leftOutColumns(records[to]!, columns) === leftOut) to++;
      this.staging ??= await this.writer.createStaging();
      for (let index = from; index < to; index++) {
        const id = records[index]![idColumn];
        if (this.stagedIds.has(id)) this.repeats = true;
        else this.stagedIds.add(id);
      }
      await this.writer.stage(this.staging, records.slice(from, to), customerIds);
      from = to;
    }
    if ((this.staging?.size ?? 0) >= this.segmentRows) await this.write();
  }

  /** Writes what is still staged, drops the staging table and returns the counts of the whole load. */
  async finish(): Promise<WriteCounts> {
    if (this.staging?.size) await this.write();
    await this.staging?.drop();
    return this.counts;
  }

  private async write(): Promise<void> {
    this.phases?.mark('staging');
    const written = await this.writer.upsertStaged(
      this.staging!,
      this.leftOut ? this.leftOut.split(',') : [],
      this.repeats,
    );
    this.stagedIds.clear();
    this.repeats = false;
    this.counts.inserted += written.inserted;
    this.counts.updated += written.updated;
    this.counts.unchanged += written.unchanged;
    this.phases?.mark('upsert from staging');
  }
}
