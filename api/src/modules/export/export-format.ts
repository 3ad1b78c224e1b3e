import { csvLine } from './csv.js';

/** The two file formats of /export: Excel-friendly CSV and newline-delimited JSON. */
export type ExportFormat = 'csv' | 'ndjson';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'ndjson'];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** A value as exported: dates become ISO 8601 UTC strings; null stays null (an empty CSV cell). */
export type ExportValue = string | number | boolean | Date | null;

/**
 * Turns rows (objects with the columns as keys, in column order) into the lines of a file. CSV opens
 * with a UTF-8 byte-order mark, without which Excel reads UTF-8 as the local code page, and follows
 * RFC 4180 (CRLF line ends, quoting); text that a spreadsheet would run as a formula is neutralised
 * (csv.ts has the rule).
 */
export interface RowEncoder {
  /** What comes before the first row: the BOM and the header line for CSV, nothing for NDJSON. */
  head(): string;
  line(row: Record<string, ExportValue>): string;
}

export function rowEncoder(format: ExportFormat, columns: readonly string[]): RowEncoder {
  if (format === 'ndjson') {
    return { head: () => '', line: (row) => `${JSON.stringify(row)}\n` };
  }
  return {
    head: () => `\uFEFF${csvLine(columns)}\r\n`,
    line: (row) => `${csvLine(columns.map((column) => csvValue(row[column] ?? null)))}\r\n`,
  };
}

function csvValue(value: ExportValue): string | number | boolean | null {
  return value instanceof Date ? value.toISOString() : value;
}
