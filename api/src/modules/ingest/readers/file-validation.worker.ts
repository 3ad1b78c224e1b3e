import { parentPort, workerData } from 'node:worker_threads';
import { postingCredits } from '../../../core/worker-thread.js';
import type { RecordKind } from '../record-kind.js';
import { RECORD_SPECS } from '../record-specs.js';
import { validateBatches } from '../validate-batches.js';
import { openSourceFile, type SourceFormat } from '../sources/source-file.js';
import { labelBatches } from '../sources/source-rows.js';
import { postedBatch } from './posted-batch.js';

// Worker thread: reads and validates one import file and posts the validated batches, at most `ahead`
// of them before the main thread asks for more, so that a fast reader never piles a file up in memory.

export interface FileValidationJob {
  kind: RecordKind;
  path: string;
  source: SourceFormat;
  ahead: number;
}

const { kind, path, source, ahead } = workerData as FileValidationJob;
const port = parentPort!;
const postingTurn = postingCredits(port, ahead);

const file = openSourceFile(path, kind, source);
for await (const batch of labelBatches(validateBatches(RECORD_SPECS[kind], file.rows), file.labels)) {
  await postingTurn();
  const { posted, transfer } = postedBatch(batch);
  port.postMessage({ ...posted, bytesRead: file.bytesRead() }, transfer);
}
port.postMessage({ done: true });
