import { on } from 'node:events';
import { generateCustomers, type GeneratorOptions } from '@cx-pulse/seeds';
import { startWorkerThread } from '../core/worker-thread.js';
import type { GeneratedChunk, SeedGenerationJob } from './seed-generation.worker.js';

/** Chunks generated but not yet taken by the writer: one being written, one ready, one in the making. */
const CHUNKS_AHEAD = 2;

/**
 * The generated customers first … end − 1, chunk by chunk in order. With more than one chunk they are
 * generated on a worker thread while the caller writes the previous chunk, so a seed uses two cores;
 * the rows are those of generateCustomers either way (each customer's rows depend on its index only).
 */
export async function* generatedChunks(
  options: GeneratorOptions,
  first: number,
  end: number,
  chunk: number,
): AsyncGenerator<GeneratedChunk> {
  if (end - first <= chunk) {
    // One chunk: nothing to overlap, and a worker would cost its start-up.
    if (end > first)
      yield { from: first, count: end - first, batch: generateCustomers(options, first, end - first) };
    return;
  }
  const job: SeedGenerationJob = { options, first, end, chunk, ahead: CHUNKS_AHEAD };
  const worker = startWorkerThread(import.meta.url, './seed-generation.worker', { workerData: job });
  try {
    for await (const [message] of on(worker, 'message', { close: ['exit'] })) {
      const generated = message as GeneratedChunk | null;
      if (!generated) return;
      worker.postMessage('more');
      yield generated;
    }
    throw new Error('the seed generation worker stopped before the last customer');
  } finally {
    await worker.terminate();
  }
}
