import type { ValidatedBatch } from '../validate-batches.js';
import { columnBuffers, fromColumns, toColumns, type ObjectColumns } from './object-columns.js';

/**
 * A validated batch as the file-validation worker posts it to the writing thread: its records and
 * customer references as columns when each has one shape (see object-columns.ts: the writing thread
 * rebuilds them for about half of what a structured clone of them costs it), left empty in `batch` then.
 */
export interface PostedBatch {
  batch: ValidatedBatch;
  valid?: ObjectColumns;
  customerReferences?: ObjectColumns;
}

/** `batch` to post, with the buffers to move to the receiving thread rather than copy. */
export function postedBatch(batch: ValidatedBatch): { posted: PostedBatch; transfer: ArrayBuffer[] } {
  const valid = toColumns(batch.valid);
  const customerReferences = toColumns(batch.customerReferences);
  const posted = {
    batch: {
      ...batch,
      valid: valid ? [] : batch.valid,
      customerReferences: customerReferences ? [] : batch.customerReferences,
    },
    valid,
    customerReferences,
  };
  const transfer = [valid, customerReferences].flatMap((columns) => (columns ? columnBuffers(columns) : []));
  return { posted, transfer };
}

/** The batch a PostedBatch was made from. */
export function receivedBatch({ batch, valid, customerReferences }: PostedBatch): ValidatedBatch {
  if (valid) batch.valid = fromColumns(valid);
  if (customerReferences) batch.customerReferences = fromColumns(customerReferences);
  return batch;
}
