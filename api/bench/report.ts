import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/config.js';
import type { Dialect } from '../src/database/dialect.js';
import type { LatencySummary } from './timing.js';

export interface ResultLine {
  label: string;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** p50 of this line over the p50 of the raw SQL it is compared with; null when there is none. */
  ratioToRaw: number | null;
}

export interface BenchReport {
  startedAt: string;
  dialect: Dialect;
  database: string;
  options: { customers: number; months: number; seed: number; until: string; warmup: number; runs: number };
  machine: { node: string; cpus: number; loadAverageBefore: number[]; loadAverageAfter: number[] };
  /** Rows per table after seeding. */
  dataset: Record<string, number>;
  seeding: { rows: number; seconds: number; rowsPerSecond: number };
  /** Groups returned by the metrics query, and every difference from the raw SQL's (none expected). */
  verification: { metricRows: number; mismatches: string[] };
  results: ResultLine[];
}

export function resultLine(label: string, latency: LatencySummary, raw?: LatencySummary): ResultLine {
  return {
    label,
    p50Ms: latency.p50,
    p95Ms: latency.p95,
    maxMs: latency.max,
    ratioToRaw: raw ? latency.p50 / raw.p50 : null,
  };
}

export function formatReport(report: BenchReport): string {
  const count = (value: number) => value.toLocaleString('en');
  const ms = (value: number) => value.toFixed(1).padStart(9);
  const width = Math.max(...report.results.map((line) => line.label.length));
  const table = report.results.map(
    (line) =>
      `${line.label.padEnd(width)}${ms(line.p50Ms)}${ms(line.p95Ms)}${ms(line.maxMs)}` +
      (line.ratioToRaw === null ? '        —' : `${line.ratioToRaw.toFixed(2).padStart(8)}×`),
  );
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  return [
    `${report.dialect} (${report.database}), ${report.options.runs} runs after ${report.options.warmup} warm-up, ` +
      `data up to ${report.options.until}`,
    `data set: ${Object.entries(report.dataset)
      .map(([table, rows]) => `${count(rows)} ${table}`)
      .join(', ')}`,
    `seeded ${count(report.seeding.rows)} rows in ${report.seeding.seconds.toFixed(1)} s ` +
      `(${count(Math.round(report.seeding.rowsPerSecond))} rows/s)`,
    `load average (1/5/15 min) ${load(report.machine.loadAverageBefore)} before, ` +
      `${load(report.machine.loadAverageAfter)} after, on ${report.machine.cpus} cores`,
    `metrics rows: ${report.verification.metricRows}, ` +
      (report.verification.mismatches.length === 0
        ? 'identical to the raw SQL'
        : `${report.verification.mismatches.length} DIFFERENCES from the raw SQL`),
    '',
    `${'query'.padEnd(width)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}  API/raw`,
    ...table,
  ].join('\n');
}

/** Writes the report to bench-results/ at the repository root (git-ignored) and returns the file's path. */
export function writeReport(report: BenchReport, stamp: string): string {
  const dir = join(REPO_ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `metrics-${report.dialect}-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
