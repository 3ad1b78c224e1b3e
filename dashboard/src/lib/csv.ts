import { csvLine } from '@cx-pulse/api/csv';

export type Cell = string | number | null;

/**
 * A chart's data as CSV, written exactly as the API writes /export/*.csv (the same function): RFC 4180
 * quoting, CRLF line ends, and text that a spreadsheet would run as a formula neutralised with a leading
 * quote (OWASP), while numbers, negative ones included, stay numbers.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => csvLine(row)).join('\r\n') + '\r\n';
}

/** Saves `content` as a file named `name` through a temporary link (the browser's download). */
export function download(name: string, content: Blob | string, type = 'text/csv;charset=utf-8'): void {
  const url =
    typeof content === 'string' && content.startsWith('data:')
      ? content
      : URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  if (!url.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(url), 1000);
}
