import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Dialect } from '../src/database/dialect.js';
import type { RecordKind } from '../src/modules/ingest/record-kind.js';
import type { IngestStreamResult } from './live.js';
import type { LoadResult } from './load.js';
import type { LatencySummary } from './timing.js';

/** Rows per second of one kind of record, imported through the normal import path. */
export interface ImportRate {
  kind: RecordKind;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * How the API ran for a pass: `off` with CX_RESULT_CACHE=off (every answer computed: cold), `on` with the
 * cache as configured (the default; repeated requests are answered from it: warm).
 */
export type CacheMode = 'off' | 'on';

export interface LatencyLine {
  operation: string;
  cache: CacheMode;
  latency: LatencySummary;
  /** p95 of the raw SQL floor over this line's p95; null where no floor is measured. */
  floorRatio: number | null;
}

export interface LoadLine {
  label: string;
  cache: CacheMode;
  result: LoadResult;
  /** Requests per second over those of `{ __typename }` on the same API process; null for the ceiling. */
  ratioToCeiling: number | null;
}

export interface BenchReport {
  startedAt: string;
  commit: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    loadAverageStart: number[];
    loadAverageEnd: number[];
  };
  database: { dialect: Dialect; location: string; reused: boolean };
  options: {
    months: number;
    until: string;
    runs: number;
    warmup: number;
    rawRuns: number;
    clients: number;
    durationSeconds: number;
    liveOnly: boolean;
  };
  /** Rows per table when the latencies were measured. */
  dataset: Record<string, number>;
  imports: {
    /** The seed of a fresh database, per kind (absent with --reuse). */
    seed: ImportRate[] | null;
    /** A slice of new customers with their records imported into the full database, per kind. */
    slice: { customers: number; byKind: ImportRate[] };
  };
  /** Groups returned by the metrics query, and every difference from the raw SQL's (none expected). */
  verification: { metricRows: number; mismatches: string[] } | null;
  /** Null when only the live run was measured (--live-only), as the verification. */
  rawFloor: LatencySummary | null;
  latency: LatencyLine[];
  load: LoadLine[];
  /** The contacts streamed in during the live run (beside the dashboard mix), with apply: BACKGROUND. */
  liveIngest: IngestStreamResult | null;
  /** Highest resident memory of the API process per pass, in MB; null where it cannot be read. */
  peakRssMb: Record<CacheMode, number | null>;
}

const CACHE_LABEL: Record<CacheMode, string> = { off: 'cold (cache off)', on: 'warm (cache default)' };

const count = (value: number) => Math.round(value).toLocaleString('en');
const ms = (value: number) => value.toFixed(1);

/** p95 by the result cache's answer, the most frequent first: "p95 by cache answer: hit 12.0 ms (700), …". */
function byCacheOutcome(summaries: Record<string, LatencySummary> | undefined): string {
  const outcomes = Object.entries(summaries ?? {}).sort(([, a], [, b]) => b.runs - a.runs);
  if (outcomes.length === 0) return '';
  const parts = outcomes.map(([outcome, { p95, runs }]) => `${outcome} ${ms(p95)} ms (${count(runs)})`);
  return `p95 by cache answer: ${parts.join(', ')}`;
}
const times = (value: number | null) => (value === null ? '' : `${value.toFixed(value < 10 ? 2 : 0)}×`);

/**
 * The report as markdown: a few lines naming the run (date, commit, machine, database, rows) and one
 * table, ready to paste into loadtest/RESULTS.md.
 */
export function formatReport(report: BenchReport): string {
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  const { options, machine, database } = report;
  const rows: string[][] = [];
  const importRows = (label: string, rates: ImportRate[]) => {
    for (const rate of rates) {
      rows.push([
        `import ${rate.kind} (${label})`,
        '',
        '',
        '',
        `${count(rate.rowsPerSecond)} rows/s`,
        `${count(rate.rows)} rows in ${rate.seconds.toFixed(1)} s`,
      ]);
    }
  };
  if (report.imports.seed) importRows('seed', report.imports.seed);
  importRows(`+${count(report.imports.slice.customers)} customers`, report.imports.slice.byKind);
  for (const line of report.latency) {
    rows.push([
      `${line.operation}, ${CACHE_LABEL[line.cache]}`,
      ms(line.latency.p50),
      ms(line.latency.p95),
      ms(line.latency.p99),
      '',
      line.floorRatio === null ? '' : `raw SQL p95 / API p95 = ${times(line.floorRatio)}`,
    ]);
  }
  if (report.rawFloor)
    rows.push([
      'raw SQL floor: 12 months × channel × generation over the fact tables',
      ms(report.rawFloor.p50),
      ms(report.rawFloor.p95),
      ms(report.rawFloor.p99),
      '',
      `${report.rawFloor.runs} runs`,
    ]);
  for (const line of report.load) {
    const { result } = line;
    rows.push([
      `${line.label}, ${
        result.clients === null
          ? `arriving at a constant rate (at most ${count(result.maxInFlight ?? 0)} requests waiting)`
          : `${result.clients} clients`
      }, ${CACHE_LABEL[line.cache]}`,
      ms(result.latency.p50),
      ms(result.latency.p95),
      ms(result.latency.p99),
      `${count(result.requestsPerSecond)} req/s`,
      [
        `${count(result.errors)} errors in ${count(result.requests)} requests`,
        line.ratioToCeiling === null ? '' : `${(100 * line.ratioToCeiling).toFixed(0)}% of the ceiling`,
        byCacheOutcome(result.byCacheOutcome),
      ]
        .filter(Boolean)
        .join(', '),
    ]);
  }
  const ingest = report.liveIngest;
  if (ingest) {
    rows.push([
      `ingest stream beside it: batches of 500 contacts, apply: BACKGROUND, time to acknowledgement`,
      ms(ingest.latency.p50),
      ms(ingest.latency.p95),
      ms(ingest.latency.p99),
      `${count(ingest.rowsPerSecond)} rows/s`,
      `${count(ingest.errors)} errors in ${count(ingest.batches)} batches; freshness lag max ` +
        `${ingest.maxLagSeconds.toFixed(1)} s while streaming, last batch applied ${ingest.drainSeconds.toFixed(1)} s after its acknowledgement`,
    ]);
  }
  const rss = (mode: CacheMode) => {
    const value = report.peakRssMb[mode];
    return value === null ? 'n/a' : `${count(value)} MB`;
  };
  rows.push(['API peak resident memory', '', '', '', '', `${rss('off')} cold, ${rss('on')} warm`]);
  const mismatches = report.verification?.mismatches.length ?? 0;
  return [
    `### ${database.dialect}, ${count(report.dataset.contacts ?? 0)} contacts`,
    '',
    `- ${report.startedAt}, commit ${report.commit}`,
    `- ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; load average (1/5/15 min) ` +
      `${load(machine.loadAverageStart)} at the start, ${load(machine.loadAverageEnd)} at the end`,
    `- ${database.dialect} at ${database.location}${database.reused ? ' (reused)' : ''}: ` +
      Object.entries(report.dataset)
        .map(([table, rows]) => `${count(rows)} ${table}`)
        .join(', '),
    `- ${options.months} months up to ${options.until}; latencies over ${options.runs} runs after ` +
      `${options.warmup} warm-up (raw SQL: ${options.rawRuns}); load runs of ${options.durationSeconds} s`,
    report.verification
      ? `- metrics query: ${report.verification.metricRows} groups, ` +
        (mismatches === 0 ? 'identical to the raw SQL' : `${mismatches} DIFFERENCES from the raw SQL`)
      : '- only the live run (--live-only)',
    '',
    markdownTable(['measure', 'p50 ms', 'p95 ms', 'p99 ms', 'rate', 'note'], rows),
  ].join('\n');
}

function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const numeric = (column: number) => column > 0 && column < 5;
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (numeric(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (numeric(column) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Writes the report as JSON to `path` (its folder created) for comparison between runs. */
export function writeReport(report: BenchReport, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
