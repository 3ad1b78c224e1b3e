import { parentPort, workerData } from 'node:worker_threads';
import { openIngestQueue } from '../database/ingest-queue-database.js';
import { openOrm } from '../database/orm.js';
import { onAlertEventsCommitted } from '../modules/alerts/alert-events-signal.js';
import { IngestWorker } from '../modules/ingest/ingest-worker.js';
import { ENTITIES } from './entities.js';
import {
  forwardObservations,
  type IngestWriterJob,
  type ToWriter,
  type WriterMessage,
} from './ingest-writer-messages.js';

// Worker thread: owns the connection that writes background ingest (ingest-writer-thread.ts), so that
// the apply's synchronous SQLite statements and the JavaScript of its follow-ups (rollup deltas, risk
// rescoring, alert rules) run beside the API's event loop rather than on it. The API's thread stores
// the acknowledged batches itself, in the queue (never behind this thread's apply), and tells it.

const { database, tuning } = workerData as IngestWriterJob;
const port = parentPort!;
const post = (message: WriterMessage) => port.postMessage(message);

// The API thread migrated the schema, built the rollups and opened the queue before it started this thread.
const orm = await openOrm(database, { entities: ENTITIES, migrate: false });
const queue = await openIngestQueue(database, orm);
const wakeUps = new Set<() => void>();
const worker = new IngestWorker(orm, queue, {
  ...tuning,
  onRoundError: (error) => post({ roundError: error }),
  wakeUp: (nudge) => {
    wakeUps.add(nudge);
    return () => wakeUps.delete(nudge);
  },
});
// What the apply signals in-process must reach the API's thread: the webhook dispatcher runs there, as
// does /metrics.
onAlertEventsCommitted(() => post({ alertEventsCommitted: true }));
forwardObservations(post);

port.on('message', (message: ToWriter) => {
  // The round in flight finishes, then the connections close.
  if (message === 'stop')
    void worker
      .stop()
      .then(() => Promise.all([queue.close(), orm.close()]))
      .finally(() => port.close());
  else for (const nudge of wakeUps) nudge();
});
worker.start();
post({ ready: true });
