import { parentPort, workerData } from 'node:worker_threads';
import { dialectOf } from '../database/dialect.js';
import { openOrm } from '../database/orm.js';
import { onAlertEventsCommitted } from '../modules/alerts/alert-events-signal.js';
import { insertBatches, type BatchToStore } from '../modules/ingest/ingest-queue.js';
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
// rescoring, alert rules) run beside the API's event loop rather than on it. It also commits the
// acknowledged batches, in turn with the applies: an acknowledgement waits at most for the apply in
// flight, never for another connection's write lock.

const { database, tuning } = workerData as IngestWriterJob;
const port = parentPort!;
const post = (message: WriterMessage) => port.postMessage(message);

/** The writes of this connection, one at a time, in the order they asked. */
let tail: Promise<unknown> = Promise.resolve();
function exclusive<T>(write: () => Promise<T>): Promise<T> {
  const turn = tail.then(write);
  tail = turn.catch(() => {});
  return turn;
}

// The API thread migrated the schema and built the rollups before it started this thread.
const orm = await openOrm(database, { entities: ENTITIES, migrate: false });
const knex = orm.em.getKnex();
const dialect = dialectOf(orm.em);
const wakeUps = new Set<() => void>();
const worker = new IngestWorker(orm, {
  ...tuning,
  exclusive,
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

/**
 * Batches to store, gathered while the apply in flight holds the connection, then committed together in
 * the next turn (group commit: one transaction and one sync for all of them).
 */
let waiting: { request: number; batch: BatchToStore }[] = [];
function store(request: number, batch: BatchToStore): void {
  waiting.push({ request, batch });
  if (waiting.length > 1) return; // a turn is already asked for
  void exclusive(async () => {
    const stored = waiting;
    waiting = [];
    try {
      const ids = await insertBatches(
        knex,
        dialect,
        stored.map(({ batch }) => batch),
      );
      stored.forEach(({ request }, index) => post({ stored: { request, batchId: ids[index]! } }));
      for (const nudge of wakeUps) nudge();
    } catch (error) {
      for (const { request } of stored) post({ storeFailed: { request, error } });
    }
  });
}

port.on('message', (message: ToWriter) => {
  // The round in flight finishes (its writes take their turns), then the batches already asked for are
  // stored, then the connection closes.
  if (message === 'stop')
    void worker
      .stop()
      .then(() => exclusive(() => orm.close()))
      .finally(() => port.close());
  else store(message.store.request, message.store.batch);
});
worker.start();
post({ ready: true });
