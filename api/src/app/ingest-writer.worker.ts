import { parentPort, workerData } from 'node:worker_threads';
import { openOrm } from '../database/orm.js';
import { onAlertEventsCommitted } from '../modules/alerts/alert-events-signal.js';
import { IngestWorker } from '../modules/ingest/ingest-worker.js';
import { ENTITIES } from './entities.js';
import { forwardObservations, type IngestWriterJob, type WriterMessage } from './ingest-writer-messages.js';

// Worker thread: owns the connection that applies background ingest (ingest-writer-thread.ts), so that
// the apply's synchronous SQLite statements and the JavaScript of its follow-ups (rollup deltas, risk
// rescoring, alert rules) run beside the API's event loop rather than on it.

const { database, tuning } = workerData as IngestWriterJob;
const port = parentPort!;
const post = (message: WriterMessage) => port.postMessage(message);

// The API thread migrated the schema and built the rollups before it started this thread.
const orm = await openOrm(database, { entities: ENTITIES, migrate: false });
const wakeUps = new Set<() => void>();
const worker = new IngestWorker(orm, {
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

port.on('message', (message: 'wake' | 'stop') => {
  if (message === 'wake') for (const nudge of wakeUps) nudge();
  else
    void worker
      .stop()
      .then(() => orm.close())
      .finally(() => port.close());
});
worker.start();
