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
 * RFC 4180: CRLF line ends, a value quoted when it holds a comma, quote or line break, quotes doubled.
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
    head: () => `\uFEFF${columns.map(csvCell).join(',')}\r\n`,
    line: (row) => `${columns.map((column) => csvCell(row[column] ?? null)).join(',')}\r\n`,
  };
}

function csvCell(value: ExportValue): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
