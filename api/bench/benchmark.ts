import { cpus, loadavg } from 'node:os';
import { loadConfig } from '../src/config.js';
import { ApiKeyService } from '../src/modules/auth/api-key.service.js';
import { Role } from '../src/modules/auth/role.js';
import type { Dialect } from '../src/database/dialect.js';
import type { Orm } from '../src/database/orm.js';
import type { SeedOptions } from '../src/seed/seed.service.js';
import { createServer } from '../src/server/server.js';
import type { BenchDatabase } from './bench-database.js';
import { countRows, seedWithProgress, settleAfterImport } from './dataset.js';
import { readOperation, request } from './graphql-client.js';
import {
  compareMetrics,
  fromApiRow,
  rawMetricsSql,
  runRawMetrics,
  type MetricValues,
} from './raw-metrics.js';
import { formatReport, resultLine, writeReport } from './report.js';
import { measure } from './timing.js';

export interface BenchOptions {
  dialect: Dialect;
  postgresUrl: string;
  seed: SeedOptions;
  runs: number;
  warmup: number;
  keep: boolean;
  startedAt: Date;
  /** startedAt as YYYYMMDD_HHMMSS (UTC), naming the scratch database and the results file. */
  stamp: string;
}

const QUERY_MONTHS = 12;
const OVERVIEW_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Seeds the empty, migrated database, serves the API on a free loopback port and times, over HTTP, the
 * overview and the month × channel × generation metrics query against the same aggregate in raw SQL
 * (after checking that both give the same numbers). Prints the table and writes it to bench-results/.
 */
export async function benchmark(orm: Orm, database: BenchDatabase, options: BenchOptions): Promise<void> {
  const loadAverageBefore = loadavg();
  const { seed } = options;
  const until = seed.until.toISOString().slice(0, 10);
  console.log(
    `seeding ${seed.customers.toLocaleString('en')} customers, ${seed.months} months up to ${until} ` +
      `into ${database.location}…`,
  );
  const seeded = await seedWithProgress(orm, seed);
  await settleAfterImport(orm);
  const dataset = await countRows(orm);

  const app = await createServer(orm, loadConfig({}, { database: database.config }), { logger: false });
  try {
    const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
    const { token } = await new ApiKeyService(orm.em.fork()).create('benchmark', Role.BI);
    const to = seed.until;
    const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - QUERY_MONTHS, to.getUTCDate()));
    const overview = readOperation('Overview');
    const overviewVariables = { filter: { from: new Date(to.getTime() - OVERVIEW_DAYS * DAY_MS), to } };
    const metrics = readOperation('MetricsByChannelGeneration');
    const metricsVariables = { filter: { from, to }, grain: 'MONTH' };
    const sql = rawMetricsSql(options.dialect);
    const em = orm.em.fork();
    const probes = {
      overview: () => request(url, token, overview, overviewVariables),
      metrics: () => request<{ metrics: MetricValues[] }>(url, token, metrics, metricsVariables),
      raw: () => runRawMetrics(em, options.dialect, sql, from, to),
    };

    const apiRows = (await probes.metrics()).metrics.map(fromApiRow);
    const mismatches = compareMetrics(apiRows, await probes.raw());
    if (mismatches.length > 0) {
      process.exitCode = 1;
      console.error(`the metrics query and the raw SQL disagree:\n  ${mismatches.slice(0, 10).join('\n  ')}`);
    }

    console.log(`timing ${options.warmup} warm-up and ${options.runs} measured runs of each query…`);
    const latency = await measure(probes, options);
    const report = {
      startedAt: options.startedAt.toISOString(),
      dialect: options.dialect,
      database: database.location,
      options: { ...seed, until, warmup: options.warmup, runs: options.runs },
      machine: { node: process.version, cpus: cpus().length, loadAverageBefore, loadAverageAfter: loadavg() },
      dataset,
      seeding: { rows: seeded.rows, seconds: seeded.durationMs / 1000, rowsPerSecond: seeded.rowsPerSecond },
      verification: { metricRows: apiRows.length, mismatches },
      results: [
        resultLine(`overview, ${OVERVIEW_DAYS} days, all KPIs`, latency.overview),
        resultLine(`metrics, ${QUERY_MONTHS} months × channel × generation`, latency.metrics, latency.raw),
        resultLine('raw SQL, same aggregate', latency.raw, latency.raw),
      ],
    };
    console.log(`\n${formatReport(report)}\n\nwritten to ${writeReport(report, options.stamp)}`);
  } finally {
    await app.close();
  }
}
