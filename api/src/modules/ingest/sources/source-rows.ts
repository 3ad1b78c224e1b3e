import type { NumberedRow } from '../record-kind.js';
import { labelProblem } from '../row-problem.js';
import type { ValidatedBatch } from '../validate-batches.js';

/**
 * Rows of a vendor file turned into canonical columns, with the names the file itself uses for them,
 * so that a problem points at the row and column the user sees in the vendor's file (e.g. `Q7` or
 * `RecordedDate` in a Qualtrics export rather than `score` or `responded_at`).
 */
export interface SourceRows {
  rows: AsyncIterable<NumberedRow>;
  /** The file's name of each canonical column read so far (filled once the file's header is read). */
  labels: Record<string, string>;
}

/** Problems of validated batches renamed to the file's columns; the batch carries the names on (for customer_id). */
export async function* labelBatches(
  batches: AsyncIterable<ValidatedBatch>,
  labels: Record<string, string>,
): AsyncGenerator<ValidatedBatch> {
  for await (const batch of batches) {
    batch.problems = batch.problems.map((problem) => labelProblem(problem, labels));
    batch.columnLabels = labels;
    yield batch;
  }
}
