import { on } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../../../core/worker-thread.js';
import type { RecordKind } from '../record-kind.js';
import type { SourceFormat } from '../sources/source-file.js';
import type { ValidatedBatch } from '../validate-batches.js';
import type { FileValidationJob } from './file-validation.worker.js';
import { receivedBatch, type PostedBatch } from './posted-batch.js';

/** Batches validated but not yet taken by the writer: enough to keep both threads busy. */
const BATCHES_AHEAD = 4;

export interface ValidatedFile {
  batches: AsyncIterable<ValidatedBatch>;
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
  /** Stops the worker, whether or not the batches were read. */
  close(): Promise<void>;
}

/**
 * Reads and validates a file on a worker thread while the calling thread writes: parsing and
 * validation take about as long as the database writes, so an import runs on two cores.
 */
export function validateFileInWorker(
  kind: RecordKind,
  path: string,
  source: SourceFormat = { format: 'canonical' },
): ValidatedFile {
  // Started at once, so that the worker boots and reads while the caller opens the database.
  const worker = startWorker({ kind, path, source, ahead: BATCHES_AHEAD });
  let bytesRead = 0;
  async function* batches(): AsyncGenerator<ValidatedBatch> {
    try {
      for await (const [message] of on(worker, 'message', { close: ['exit'] })) {
        const posted = message as (PostedBatch & { bytesRead: number }) | { done: true };
        if (!('batch' in posted)) return;
        bytesRead = posted.bytesRead;
        worker.postMessage('more');
        yield receivedBatch(posted);
      }
      throw new Error('the file validation worker stopped before the end of the file');
    } finally {
      await worker.terminate();
    }
  }
  return {
    batches: batches(),
    bytesRead: () => bytesRead,
    close: async () => void (await worker.terminate()),
  };
}

function startWorker(job: FileValidationJob): Worker {
  return startWorkerThread(import.meta.url, './file-validation.worker', { workerData: job });
}
