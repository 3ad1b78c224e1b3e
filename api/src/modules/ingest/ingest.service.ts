import type { EntityManager, Knex } from '@mikro-orm/knex';
import {
  analyzedRowCount,
  analyzeTable,
  dialectOf,
  endImportTransaction,
  startImportTransaction,
  toDbValue,
  type Dialect,
} from '../../database/dialect.js';
import type { RollupMaintenance } from '../metrics/rollups/rollup-maintenance.js';
import { importDuration, rollupMaintenanceDuration } from '../ops/process-metrics.js';
import { IMPORT_FOLLOW_UPS, startBatchMaintenance, type ImportFollowUp } from './import-follow-ups.js';
import type { ImportSummary, NumberedRow, RecordKind } from './record-kind.js';
import { RECORD_SPECS, type RecordSpec } from './record-specs.js';
import { RecordWriter } from './record-writer.js';
import { EXPECTED, rowProblem } from './row-problem.js';
import { validateBatches, type ValidatedBatch } from './validate-batches.js';

/** Imports smaller than this never re-analyze a table: a handful of rows does not change a plan. */
const MIN_ROWS_TO_ANALYZE = 1_000;

/** Problems kept for the report; the rest are only counted. */
export const PROBLEMS_KEPT = 50;

export interface ImportOptions {
  /** Validate everything (referenced customers included), report the counts, then roll back. */
  dryRun?: boolean;
  /** Called after each batch with the number of rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /** Where the rows come from, for the import log: a file name, a mutation, "seed". */
  source?: string;
}

/**
 * Imports rows of one kind, from a file or a GraphQL mutation alike.
 *
 * The whole input is one transaction. Rows are validated as they arrive and gathered in batches of
 * BATCH_ROWS; while no problem has been seen, each batch is upserted by external id (a repeated id
 * within a batch keeps its last row; a row identical to the stored one is counted unchanged and not
 * written, so its updated_at stays). After the first problem nothing more is written, but validation
 * goes on to the end so that every problem is counted (the first PROBLEMS_KEPT are kept with their
 * messages). Any problem rolls the whole input back: nothing of it is written, and the counts are
 * zero. A dry run does the same work, including the lookup of referenced customers, and always rolls
 * back; its counts say what an import would do. A committed import is logged in import_runs within
 * the same transaction, so the log (and the data version it gives) never disagrees with the data;
 * so are the follow-ups that keep derived data (risk scores, alerts) in step with it.
 */
export class IngestService {
  constructor(
    private readonly em: EntityManager,
    private readonly followUps: readonly ImportFollowUp[] = IMPORT_FOLLOW_UPS,
  ) {}

  async importRows(
    kind: RecordKind,
    rows: AsyncIterable<NumberedRow> | Iterable<NumberedRow>,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    return this.importValidated(kind, validateBatches(RECORD_SPECS[kind], rows), options);
  }

  /** The writing half of importRows, for batches validated elsewhere (e.g. by a file-reading worker). */
  async importValidated(
    kind: RecordKind,
    batches: AsyncIterable<ValidatedBatch>,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    const started = performance.now();
    const startedAt = new Date();
    const spec = RECORD_SPECS[kind];
    const dialect = dialectOf(this.em);
    const trx = await this.em.getConnection().getKnex().transaction();
    await startImportTransaction(dialect, trx);
    const writer = new RecordWriter(spec, this.em, dialect, trx, startedAt);
    const maintenance = startBatchMaintenance(kind, spec, trx, dialect);
    const summary: ImportSummary = {
      kind,
      rowsRead: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      problems: [],
      problemCount: 0,
      dryRun: options.dryRun ?? false,
      committed: false,
      durationMs: 0,
    };
    // One batch is written while the next is read and validated: on PostgreSQL the two overlap.
    let inFlight: Promise<void> = Promise.resolve();
    try {
      for await (const batch of batches) {
        summary.rowsRead += batch.rowsRead;
        await inFlight;
        inFlight = this.completeBatch(spec, writer, maintenance, batch, summary);
        inFlight.catch(() => {}); // awaited, and so reported, with the next batch or at the end
        options.onProgress?.(summary.rowsRead);
      }
      await inFlight;
      summary.committed = !summary.dryRun && summary.problemCount === 0;
      if (summary.committed) {
        await maintenance.finish();
        const written = { kind, em: this.em, dialect, trx, writtenAt: startedAt };
        const rowsWritten = summary.inserted + summary.updated;
        for (const followUp of this.followUps) await followUp({ ...written, rowsWritten });
        await logRun(trx, dialect, summary, options.source ?? 'unknown', startedAt);
        await trx.commit();
      } else {
        await trx.rollback();
      }
    } catch (error) {
      if (!trx.isCompleted()) await trx.rollback();
      throw error;
    } finally {
      await endImportTransaction(dialect, this.em);
    }
    if (summary.problemCount) Object.assign(summary, { inserted: 0, updated: 0, unchanged: 0 });
    if (summary.committed) await this.refreshStatistics(spec.table, summary.inserted);
    summary.durationMs = performance.now() - started;
    const outcome = summary.committed ? 'committed' : summary.problemCount ? 'rejected' : 'dry_run';
    importDuration.observe({ kind, outcome }, summary.durationMs / 1000);
    if (summary.committed) rollupMaintenanceDuration.observe({ kind }, maintenance.seconds);
    return summary;
  }

  /**
   * Re-analyzes the table after an import that inserted a tenth or more of the rows it had when last
   * analyzed (PostgreSQL's own autovacuum rule), or into a table never analyzed, so query plans follow
   * the data.
   */
  private async refreshStatistics(table: string, inserted: number): Promise<void> {
    if (inserted < MIN_ROWS_TO_ANALYZE) return;
    const analyzed = await analyzedRowCount(this.em, table);
    if (analyzed === null || inserted >= analyzed / 10) await analyzeTable(this.em, table);
  }

  /**
   * Checks that the customers the batch names exist (on every row that names one, valid or not, so
   * that one run lists every problem), records its problems and, while the whole input is still free
   * of problems, upserts it.
   */
  private async completeBatch(
    spec: RecordSpec,
    writer: RecordWriter,
    maintenance: RollupMaintenance,
    { valid, problems, customerReferences, contactReferences, columnLabels }: ValidatedBatch,
    summary: ImportSummary,
  ): Promise<void> {
    let customerIds: Map<string, number> | undefined;
    if (customerReferences.length) {
      customerIds = await writer.customerIds([...new Set(customerReferences.map(({ id }) => id))]);
      for (const { row, id } of customerReferences) {
        if (!customerIds.has(id))
          problems.push(
            rowProblem(row, columnLabels?.customer_id ?? 'customer_id', id, EXPECTED.existingCustomer),
          );
      }
    }
    if (contactReferences?.length && customerIds) {
      const column = columnLabels?.contact_id ?? 'contact_id';
      for (const { row, id, expected } of await writer.contactProblems(contactReferences, customerIds))
        problems.push(rowProblem(row, column, id, expected));
    }
    if (summary.problemCount === 0 && problems.length === 0) {
      const lastById = new Map(valid.map((record) => [record[spec.idColumn] as string, record]));
      const records = [...lastById.values()];
      await maintenance.beforeWrite(records, customerIds);
      const written = await writer.upsert(records, customerIds);
      summary.inserted += written.inserted;
      summary.updated += written.updated;
      summary.unchanged += written.unchanged;
    }
    problems.sort((a, b) => a.row - b.row);
    summary.problemCount += problems.length;
    summary.problems.push(...problems.slice(0, PROBLEMS_KEPT - summary.problems.length));
  }
}

function logRun(
  trx: Knex.Transaction,
  dialect: Dialect,
  summary: ImportSummary,
  source: string,
  startedAt: Date,
): Promise<unknown> {
  const { kind, rowsRead, inserted, updated, unchanged } = summary;
  return trx('import_runs').insert({
    kind,
    source,
    rows_read: rowsRead,
    inserted,
    updated,
    unchanged,
    started_at: toDbValue(dialect, startedAt),
    finished_at: toDbValue(dialect, new Date()),
  });
}
