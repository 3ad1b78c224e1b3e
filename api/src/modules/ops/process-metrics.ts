import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Instruments of the whole process, observed by the services that do the work (imports) wherever they
 * run: the API serves them at /metrics; in a CLI process they are simply dropped.
 * prom-client's own pattern: metrics are defined once per process, not per server.
 */
export const processRegistry = new Registry();

collectDefaultMetrics({ register: processRegistry, prefix: 'cx_' });

/** Seconds an import took, from its first row to its commit or rollback. */
export const importDuration = new Histogram({
  name: 'cx_import_duration_seconds',
  help: 'Duration of imports (file, mutation or seed) by record kind and outcome (committed, rejected, dry_run).',
  labelNames: ['kind', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [processRegistry],
});

/** Seconds a committed import spent keeping the rollups and sequence flags in step (part of its duration). */
export const rollupMaintenanceDuration = new Histogram({
  name: 'cx_rollup_maintenance_seconds',
  help: 'Time committed imports spent maintaining rollups and sequence flags, by record kind.',
  labelNames: ['kind'] as const,
  buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
  registers: [processRegistry],
});
