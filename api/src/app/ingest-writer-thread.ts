import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { DatabaseConfig } from '../config.js';
import { startWorkerThread } from '../core/worker-thread.js';
import { alertEventsCommitted } from '../modules/alerts/alert-events-signal.js';
import { onBatchQueued } from '../modules/ingest/ingest-queue.js';
import type { IngestWorkerTuning } from '../modules/ingest/ingest-worker.js';
import { replayObservation, type IngestWriterJob, type WriterMessage } from './ingest-writer-messages.js';

/** How long after the thread died unasked it is started again. */
const RESTART_MS = 1_000;

/**
 * The ingest worker (ingest-worker.ts) on a worker thread of its own, with its own connection: the
 * writer outside the request path. The API's thread validates and acknowledges batches (a short insert
 * into ingest_batches) and answers reads; the thread merges and applies the batches, runs their
 * follow-ups and bumps the data version. Each batch this process queues wakes it; alert events it
 * commits wake this process's webhook dispatcher, and the import histograms it observes show on this
 * process's /metrics. If the thread dies, it is started again: what it had not committed is still queued.
 */
export class IngestWriterThread {
  private worker: Worker | undefined;
  private stopping = false;
  private restart: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly database: DatabaseConfig,
    private readonly tuning: IngestWorkerTuning,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the thread and forwards this process's wake-ups to it. */
  start(): void {
    this.stopping = false;
    this.unsubscribe ??= onBatchQueued(() => this.worker?.postMessage('wake'));
    this.spawn();
  }

  /** Lets the thread finish the round in flight, then waits for it to close its connection and exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const worker = this.worker;
    if (!worker) return;
    const exited = once(worker, 'exit');
    worker.postMessage('stop');
    await exited;
  }

  private spawn(): void {
    // The thread needs no read replica: it reads only what it applies.
    const database: DatabaseConfig =
      this.database.dialect === 'postgresql'
        ? { dialect: 'postgresql', url: this.database.url }
        : this.database;
    const job: IngestWriterJob = { database, tuning: this.tuning };
    const worker = startWorkerThread(import.meta.url, './ingest-writer.worker', { workerData: job });
    this.worker = worker;
    worker.on('message', (message: WriterMessage) => {
      if ('observation' in message) replayObservation(message.observation);
      else if ('alertEventsCommitted' in message) alertEventsCommitted();
      else if ('roundError' in message) this.onError(message.roundError);
    });
    worker.on('error', (error) => this.onError(error));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      if (!this.stopping) this.restart = setTimeout(() => this.spawn(), RESTART_MS);
    });
  }
}
