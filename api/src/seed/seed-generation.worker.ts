import { parentPort, workerData } from 'node:worker_threads';
import { generateCustomers, type GeneratedBatch, type GeneratorOptions } from '@cx-pulse/seeds';
import { postingCredits } from '../core/worker-thread.js';

// Worker thread: generates the demo customers chunk by chunk and posts each chunk's rows, at most `ahead`
// chunks before the seeding thread asks for more, so memory stays flat however many customers are seeded.

export interface SeedGenerationJob {
  options: GeneratorOptions;
  /** Customers first … end − 1, in chunks of `chunk`. */
  first: number;
  end: number;
  chunk: number;
  ahead: number;
}

export interface GeneratedChunk {
  from: number;
  count: number;
  batch: GeneratedBatch;
}

const { options, first, end, chunk, ahead } = workerData as SeedGenerationJob;
const port = parentPort!;
const credit = postingCredits(port, ahead);
for (let from = first; from < end; from += chunk) {
  await credit();
  const count = Math.min(chunk, end - from);
  const generated: GeneratedChunk = { from, count, batch: generateCustomers(options, from, count) };
  port.postMessage(generated);
}
port.postMessage(null);
