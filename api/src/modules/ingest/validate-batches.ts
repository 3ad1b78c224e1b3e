import type { NumberedRow, RowProblem } from './record-kind.js';
import type { RecordSpec, ValidRecord } from './record-specs.js';
import { labelProblem } from './row-problem.js';
import { validateRow, type RowResult } from './validate-row.js';

/** Rows whose customers are looked up and which are upserted together: few queries, bounded memory. */
export const BATCH_ROWS = 2_000;

/** A batch of rows after validation, as the writing half of an import takes it. */
export interface ValidatedBatch {
  /** Records read (a CSV header's problems are not one). */
  rowsRead: number;
  valid: ValidRecord[];
  problems: RowProblem[];
  /** Rows whose customer_id is a well-formed id (or an e-mail, byEmail), to be looked up. */
  customerReferences: CustomerReference[];
  /** Records a vendor reader left out, by reason. */
  skipped: Record<string, number>;
  /** Rows naming a contact (a survey's contact_id), with the customer they name, to be checked. */
  contactReferences?: { row: number; id: string; customerId: string }[];
  /** The file's own names of canonical columns (vendor formats), for the problems found later. */
  columnLabels?: Record<string, string>;
}

export interface CustomerReference {
  row: number;
  line?: number;
  id: string;
  /** `id` is the customer's e-mail, from a vendor file without the CRM id. */
  byEmail?: true;
  /** The file's name for the column `id` came from, when the row names it (else the batch's). */
  column?: string;
}

/**
 * Marks a valid record whose customer_id is an e-mail until the importer has put the customer's id in
 * its place; not a column, so never written.
 */
export const CUSTOMER_BY_EMAIL = 'customer_by_email';

/** Validates rows as they arrive and hands them on in batches of BATCH_ROWS. */
export async function* validateBatches(
  spec: RecordSpec,
  rows: AsyncIterable<NumberedRow> | Iterable<NumberedRow>,
): AsyncGenerator<ValidatedBatch> {
  let batch = emptyBatch();
  let size = 0;
  for await (const row of rows) {
    validateInto(batch, spec, row);
    if (++size === BATCH_ROWS) {
      yield batch;
      batch = emptyBatch();
      size = 0;
    }
  }
  if (size) yield batch;
}

function emptyBatch(): ValidatedBatch {
  return { rowsRead: 0, valid: [], problems: [], customerReferences: [], skipped: {} };
}

function validateInto(batch: ValidatedBatch, spec: RecordSpec, row: NumberedRow): void {
  if (!row.header) batch.rowsRead++;
  if (row.skipped !== undefined) {
    batch.skipped[row.skipped] = (batch.skipped[row.skipped] ?? 0) + 1;
    return;
  }
  if (row.problems) {
    batch.problems.push(
      ...(row.header ? row.problems.map((problem) => ({ ...problem, header: true as const })) : row.problems),
    );
    return;
  }
  const result = validateRow(spec, row);
  const { labels } = row;
  if (result.problems)
    batch.problems.push(
      ...(labels ? result.problems.map((problem) => labelProblem(problem, labels)) : result.problems),
    );
  else {
    if (row.customerByEmail) result.record[CUSTOMER_BY_EMAIL] = true;
    batch.valid.push(result.record);
  }
  const customer = spec.referencesCustomer ? customerReference(row, result) : undefined;
  if (customer !== undefined) {
    const reference: CustomerReference = { row: row.row, id: customer };
    if (row.line !== undefined && row.line !== row.row) reference.line = row.line;
    if (row.customerByEmail) reference.byEmail = true;
    if (labels && Object.hasOwn(labels, 'customer_id')) reference.column = labels.customer_id;
    batch.customerReferences.push(reference);
  }
  const contact = spec.referencesContact ? wellFormed(row, result, 'contact_id') : undefined;
  if (contact != null && customer !== undefined)
    (batch.contactReferences ??= []).push({ row: row.row, id: contact, customerId: customer });
}

/** The value of a column when it is well-formed (whatever else is wrong with the row). */
function wellFormed(row: NumberedRow, result: RowResult, column: string): string | null | undefined {
  if (!result.problems) return result.record[column] as string | null;
  if (result.problems.some((problem) => problem.column === column)) return undefined;
  const value = row.values[column];
  return value === null || value === undefined || value === '' ? null : String(value);
}

/** The customer a row names, when its customer_id is a well-formed id (whatever else is wrong). */
function customerReference(row: NumberedRow, result: RowResult): string | undefined {
  if (!result.problems) return result.record.customer_id as string;
  if (result.problems.some(({ column }) => column === 'customer_id')) return undefined;
  return String(row.values.customer_id);
}
