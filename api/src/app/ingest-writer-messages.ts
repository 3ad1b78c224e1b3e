import type { DatabaseConfig } from '../config.js';
import type { IngestWorkerTuning } from '../modules/ingest/ingest-worker.js';
import { importDuration, rollupMaintenanceDuration } from '../modules/ops/process-metrics.js';

/** What the writer thread is started with (plain values: they are copied to the thread). */
export interface IngestWriterJob {
  database: DatabaseConfig;
  tuning: IngestWorkerTuning;
}

/** The histograms the apply observes, by name: the thread's observations are replayed on the API's. */
const FORWARDED = { importDuration, rollupMaintenanceDuration } as const;

interface Observation {
  histogram: keyof typeof FORWARDED;
  labels: Record<string, string>;
  value: number;
}

/** What the API's thread tells the writer thread: a batch was queued (apply now), or stop. */
export type ToWriter = 'queued' | 'stop';

/** What the writer thread tells the API's thread. */
export type WriterMessage =
  { ready: true } | { roundError: unknown } | { alertEventsCommitted: true } | { observation: Observation };

/**
 * In the writer thread: sends every observation of the forwarded histograms to the API's thread instead
 * (prom-client's registry is per thread, and /metrics is served by the API's).
 */
export function forwardObservations(post: (message: WriterMessage) => void): void {
  for (const histogram of Object.keys(FORWARDED) as (keyof typeof FORWARDED)[]) {
    FORWARDED[histogram].observe = ((labels: Record<string, string>, value: number) =>
      post({ observation: { histogram, labels, value } })) as never;
  }
}

/** In the API's thread: records an observation the writer thread forwarded. */
export function replayObservation({ histogram, labels, value }: Observation): void {
  FORWARDED[histogram].observe(labels, value);
}
