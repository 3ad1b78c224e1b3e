import type { NumberedRow, RowProblem } from './record-kind.js';
import type { RecordSpec, ValidRecord } from './record-specs.js';
import { validateRow, type RowResult } from './validate-row.js';

/** Rows whose customers are looked up and which are upserted together: few queries, bounded memory. */
export const BATCH_ROWS = 2_000;

/** A batch of rows after validation, as the writing half of an import takes it. */
export interface ValidatedBatch {
  /** Records read (a CSV header's problems are not one). */
  rowsRead: number;
  valid: ValidRecord[];
  problems: RowProblem[];
  /** Rows whose customer_id is a well-formed id, to be looked up. */
  customerReferences: { row: number; id: string }[];
  /** Rows naming a contact (a survey's contact_id), with the customer they name, to be checked. */
  contactReferences?: { row: number; id: string; customerId: string }[];
  /** The file's own names of canonical columns (vendor formats), for the problems found later. */
  columnLabels?: Record<string, string>;
}

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
  return { rowsRead: 0, valid: [], problems: [], customerReferences: [] };
}

function validateInto(batch: ValidatedBatch, spec: RecordSpec, row: NumberedRow): void {
  if (!row.header) batch.rowsRead++;
  if (row.problems) {
    batch.problems.push(...row.problems);
    return;
  }
  const result = validateRow(spec, row);
  if (result.problems) batch.problems.push(...result.problems);
  else batch.valid.push(result.record);
  const customer = spec.referencesCustomer ? customerReference(row, result) : undefined;
  if (customer !== undefined) batch.customerReferences.push({ row: row.row, id: customer });
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
