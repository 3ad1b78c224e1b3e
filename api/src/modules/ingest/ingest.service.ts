import type { EntityManager, Knex } from '@mikro-orm/knex';
import {
  analyzedRowCount,
  analyzeTable,
  dialectOf,
  startImportTransaction,
  toDbValue,
  type Dialect,
} from '../../database/dialect.js';
import { refreshRollupStatistics, type RollupMaintenance } from '../metrics/rollups/rollup-maintenance.js';
import type { DataChange } from '../cache/data-version.js';
import { importDuration, rollupMaintenanceDuration } from '../ops/process-metrics.js';
import { IMPORT_FOLLOW_UPS, startBatchMaintenance, type ImportFollowUp } from './import-follow-ups.js';
import type { ImportSummary, NumberedRow, RecordKind, RowProblem } from './record-kind.js';
import { RECORD_SPECS, type RecordSpec } from './record-specs.js';
import { RecordWriter } from './record-writer.js';
import { BULK_SEGMENT_ROWS, BulkLoad } from './bulk-load.js';
import { ImportPhases } from './import-phases.js';
import { EXPECTED, rowProblem } from './row-problem.js';
import {
  CUSTOMER_BY_EMAIL,
  validateBatches,
  type CustomerReference,
  type ValidatedBatch,
} from './validate-batches.js';

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
  /**
   * Runs in the import's transaction after the follow-ups, just before the commit (e.g. the ingest
   * worker marks its queued batches applied there); throwing rolls the whole import back.
   */
  beforeCommit?: (trx: Knex.Transaction) => Promise<void>;
  /**
   * How the committed rows must be seen (DataChange): 'awaited', the default, by every request that
   * follows; 'background' (the ingest worker, whose batches were acknowledged before) within the
   * result cache's stale bound.
   */
  change?: DataChange;
  /**
   * Import the valid rows and refuse only the invalid ones (listed in the summary's `rejected`), instead
   * of refusing the whole input. A problem of the file as a whole (its header) still refuses it all.
   */
  skipInvalid?: boolean;
  /**
   * Load through a staging table and set-based upserts (see BulkLoad): the same checks, problems,
   * counts and all-or-nothing transaction, written in far fewer statements. Not with skipInvalid.
   */
  bulk?: boolean;
  /** Rows a bulk load stages before it writes them (BULK_SEGMENT_ROWS); smaller in tests. */
  bulkSegmentRows?: number;
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
 *
 * With skipInvalid (opt-in) a row with a problem is left out and listed in `rejected` with its
 * problems, and the valid rows are written, still in one transaction; only a problem of the file as a
 * whole (a header problem) refuses everything.
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
    const phases = ImportPhases.start();
    const startedAt = new Date();
    const spec = RECORD_SPECS[kind];
    const dialect = dialectOf(this.em);
    const trx = await this.em.getConnection().getKnex().transaction();
    const endImportTransaction = await startImportTransaction(dialect, trx);
    const writer = new RecordWriter(spec, this.em, dialect, trx, startedAt);
    const maintenance = startBatchMaintenance(kind, spec, trx, dialect);
    const bulk =
      options.bulk && !options.skipInvalid
        ? new BulkLoad(spec, writer, options.bulkSegmentRows ?? BULK_SEGMENT_ROWS, phases)
        : undefined;
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
      skipped: {},
      rejected: [],
      durationMs: 0,
    };
    const state: ImportState = {
      skipInvalid: options.skipInvalid ?? false,
      fileProblems: 0,
      rejected: new Map(),
    };
    // One batch is written while the next is read and validated: on PostgreSQL the two overlap.
    let inFlight: Promise<void> = Promise.resolve();
    try {
      phases?.mark('start');
      for await (const batch of batches) {
        summary.rowsRead += batch.rowsRead;
        await inFlight;
        phases?.mark('waiting for batches');
        inFlight = this.completeBatch(spec, writer, maintenance, batch, summary, state, bulk, phases);
        inFlight.catch(() => {}); // awaited, and so reported, with the next batch or at the end
        options.onProgress?.(summary.rowsRead);
      }
      await inFlight;
      phases?.mark('waiting for batches');
      summary.rejected = [...state.rejected.entries()]
        .sort(([a], [b]) => a - b)
        .map(([row, messages]) => ({ row, messages }));
      if (bulk && !refused(summary, state)) {
        const written = await bulk.finish();
        summary.inserted += written.inserted;
        summary.updated += written.updated;
        summary.unchanged += written.unchanged;
        phases?.mark('upsert from staging');
      }
      summary.committed = !summary.dryRun && !refused(summary, state);
      if (summary.committed) {
        await maintenance.finish();
        phases?.mark('rollup additions');
        const change = options.change ?? 'awaited';
        const written = { kind, em: this.em, dialect, trx, writtenAt: startedAt, change };
        const rowsWritten = summary.inserted + summary.updated;
        for (const followUp of this.followUps) {
          await followUp({ ...written, rowsWritten });
          phases?.mark(`follow-up ${followUp.name}`);
        }
        await logRun(trx, dialect, summary, options.source ?? 'unknown', startedAt);
        await options.beforeCommit?.(trx);
        await trx.commit();
        phases?.mark('commit');
      } else {
        await trx.rollback();
      }
    } catch (error) {
      if (!trx.isCompleted()) await trx.rollback();
      throw error;
    } finally {
      endImportTransaction();
    }
    if (refused(summary, state))
      Object.assign(summary, { inserted: 0, updated: 0, unchanged: 0, rejected: [] });
    if (summary.committed) await this.refreshStatistics(spec.table, summary.inserted);
    phases?.mark('planner statistics');
    phases?.report(summary.rowsRead);
    summary.durationMs = performance.now() - started;
    const outcome = summary.committed ? 'committed' : refused(summary, state) ? 'rejected' : 'dry_run';
    importDuration.observe({ kind, outcome }, summary.durationMs / 1000);
    if (summary.committed) rollupMaintenanceDuration.observe({ kind }, maintenance.seconds);
    return summary;
  }

  /**
   * Re-analyzes the table, and the rollups, after an import that inserted a tenth or more of the rows it
   * had when last analyzed (PostgreSQL's own autovacuum rule), or into a table never analyzed, so query
   * plans follow the data.
   */
  private async refreshStatistics(table: string, inserted: number): Promise<void> {
    if (inserted < MIN_ROWS_TO_ANALYZE) return;
    const analyzed = await analyzedRowCount(this.em, table);
    if (analyzed === null || inserted >= analyzed / 10) {
      await analyzeTable(this.em, table);
      // The rollups grew with the facts (they start empty): an empty table's statistics mislead plans.
      await refreshRollupStatistics(this.em.getKnex(), dialectOf(this.em));
    }
  }

  /**
   * Checks that the customers the batch names exist (on every row that names one, valid or not, so
   * that one run lists every problem), records its problems and, while the whole input is still free
   * of problems (or, skipping invalid rows, of problems of the file as a whole), upserts its valid rows.
   */
  private async completeBatch(
    spec: RecordSpec,
    writer: RecordWriter,
    maintenance: RollupMaintenance,
    { valid, problems, customerReferences, contactReferences, columnLabels, skipped }: ValidatedBatch,
    summary: ImportSummary,
    state: ImportState,
    bulk: BulkLoad | undefined,
    phases: ImportPhases | undefined,
  ): Promise<void> {
    for (const [reason, count] of Object.entries(skipped)) {
      summary.skipped[reason] = (summary.skipped[reason] ?? 0) + count;
    }
    let customerIds: Map<string, number> | undefined;
    if (customerReferences.length) {
      const column = columnLabels?.customer_id ?? 'customer_id';
      const byEmail = await matchEmails(writer, customerReferences, column, problems);
      for (const record of valid) {
        if (record[CUSTOMER_BY_EMAIL] === undefined) continue;
        const ids = byEmail.get(String(record.customer_id).toLowerCase());
        if (ids?.length === 1) {
          record.customer_id = ids[0];
          delete record[CUSTOMER_BY_EMAIL];
        }
      }
      const externalIds = customerReferences.filter((reference) => !reference.byEmail).map(({ id }) => id);
      for (const ids of byEmail.values()) if (ids.length === 1) externalIds.push(ids[0]!);
      customerIds = await writer.customerIds([...new Set(externalIds)]);
      for (const reference of customerReferences) {
        if (!reference.byEmail && !customerIds.has(reference.id))
          problems.push(
            rowProblem(reference, reference.column ?? column, reference.id, EXPECTED.existingCustomer),
          );
      }
    }
    if (contactReferences?.length && customerIds) {
      const column = columnLabels?.contact_id ?? 'contact_id';
      for (const { row, id, expected } of await writer.contactProblems(contactReferences, customerIds))
        problems.push(rowProblem(row, column, id, expected));
    }
    phases?.mark('customer look-ups');
    state.fileProblems += problems.filter((problem) => problem.header).length;
    if (state.skipInvalid) recordRejected(state, problems);
    const writing = state.skipInvalid
      ? state.fileProblems === 0
      : summary.problemCount === 0 && problems.length === 0;
    if (writing) {
      // Skipping invalid rows, a valid row whose customer was not found is left out (and listed).
      const writable = spec.referencesCustomer
        ? valid.filter(
            (record) =>
              record[CUSTOMER_BY_EMAIL] === undefined && customerIds?.has(record.customer_id as string),
          )
        : valid;
      const lastById = new Map(writable.map((record) => [record[spec.idColumn] as string, record]));
      const records = [...lastById.values()];
      await maintenance.beforeWrite(records, customerIds);
      phases?.mark('rollup subtraction');
      if (bulk) await bulk.add(records, customerIds);
      else {
        const written = await writer.upsert(records, customerIds);
        summary.inserted += written.inserted;
        summary.updated += written.updated;
        summary.unchanged += written.unchanged;
      }
      phases?.mark(bulk ? 'staging' : 'upserts');
    }
    problems.sort((a, b) => a.row - b.row);
    summary.problemCount += problems.length;
    summary.problems.push(...problems.slice(0, PROBLEMS_KEPT - summary.problems.length));
  }
}

interface ImportState {
  skipInvalid: boolean;
  /** Problems of the file as a whole (a header's): they refuse the input even when skipping invalid rows. */
  fileProblems: number;
  /** Skipping invalid rows: every refused row's problem messages, by row. */
  rejected: Map<number, string[]>;
}

/** Whether the input is refused as a whole: any problem, or skipping invalid rows, a problem of the file. */
function refused(summary: ImportSummary, state: ImportState): boolean {
  return state.skipInvalid ? state.fileProblems > 0 : summary.problemCount > 0;
}

function recordRejected(state: ImportState, problems: RowProblem[]): void {
  for (const problem of problems) {
    if (problem.header) continue;
    const messages = state.rejected.get(problem.row);
    if (messages) messages.push(problem.message);
    else state.rejected.set(problem.row, [problem.message]);
  }
}

/**
 * The customers named by e-mail (rows of a vendor file without the CRM id), keyed by lower-cased
 * e-mail; an e-mail that names no customer, or several, becomes a problem of its row.
 */
async function matchEmails(
  writer: RecordWriter,
  references: CustomerReference[],
  column: string,
  problems: RowProblem[],
): Promise<Map<string, string[]>> {
  const byEmail = references.filter((reference) => reference.byEmail);
  if (!byEmail.length) return new Map();
  const found = await writer.customersByEmail([...new Set(byEmail.map(({ id }) => id.toLowerCase()))]);
  for (const reference of byEmail) {
    const ids = found.get(reference.id.toLowerCase());
    const at = reference.column ?? column;
    if (!ids) problems.push(rowProblem(reference, at, reference.id, EXPECTED.existingCustomerEmail));
    else if (ids.length > 1)
      problems.push(rowProblem(reference, at, reference.id, EXPECTED.oneCustomerEmail(ids.length)));
  }
  return found;
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
