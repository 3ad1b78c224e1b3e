import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { withoutReplicas, type DatabaseConfig } from '../config.js';
import { startWorkerThread } from '../core/worker-thread.js';
import { alertEventsCommitted } from '../modules/alerts/alert-events-signal.js';
import { onBatchQueued } from '../modules/ingest/ingest-queue.js';
import type { IngestWorkerTuning } from '../modules/ingest/ingest-worker.js';
import {
  replayObservation,
  type IngestWriterJob,
  type ToWriter,
  type WriterMessage,
} from './ingest-writer-messages.js';

/** How long after the thread died unasked it is started again. */
const RESTART_MS = 1_000;

/**
 * The ingest worker (ingest-worker.ts) on a worker thread of its own, with its own connections: the
 * writer outside the request path. The API's thread validates batches, stores them in the queue
 * (IngestQueue: never behind the apply, see database/ingest-queue-database.ts), tells the thread, and
 * answers reads; the thread merges and applies them, runs their follow-ups and bumps the data version.
 * Alert events it commits wake this process's webhook dispatcher, and the import histograms it observes
 * show on this process's /metrics. If the thread dies, it is started again: what it had not committed
 * is still queued.
 */
export class IngestWriterThread {
  private worker: Worker | undefined;
  private stopping = false;
  private restart: NodeJS.Timeout | undefined;
  /** Stops telling the thread of the batches this process queues. */
  private unsubscribe = () => {};

  constructor(
    private readonly database: DatabaseConfig,
    private readonly tuning: IngestWorkerTuning,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Starts the thread; resolves once it has opened its connection and takes batches (those handed to it
   * before wait in its message queue).
   */
  start(): Promise<void> {
    this.stopping = false;
    this.unsubscribe = onBatchQueued(() => {
      if (this.worker) this.post(this.worker, 'queued');
    });
    const worker = this.spawn();
    return new Promise((resolve, reject) => {
      const ready = (message: WriterMessage) => {
        if (!('ready' in message)) return;
        worker.off('exit', exited);
        resolve();
      };
      const exited = () => {
        worker.off('message', ready);
        this.stopping = true; // no restart: the server fails to start instead
        clearTimeout(this.restart);
        reject(new Error('the ingest writer thread stopped while starting'));
      };
      worker.on('message', ready).once('exit', exited);
    });
  }

  /** Lets the thread finish the round in flight, then waits for it to close its connection and exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    this.unsubscribe();
    const worker = this.worker;
    if (!worker) return;
    const exited = once(worker, 'exit');
    this.post(worker, 'stop');
    await exited;
  }

  private post(worker: Worker, message: ToWriter): void {
    worker.postMessage(message);
  }

  private spawn(): Worker {
    const job: IngestWriterJob = { database: withoutReplicas(this.database), tuning: this.tuning };
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
    return worker;
  }
}
