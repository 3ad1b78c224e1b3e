/**
 * CSV fields that a spreadsheet opens as data, never as a formula: the one implementation shared by the
 * API's /export/*.csv and the dashboard's chart downloads (the dashboard imports it as
 * `@cx-pulse/api/csv`). No imports, no Node APIs: it runs in the browser as well.
 *
 * The rule follows OWASP's CSV Injection guidance:
 * - a text cell that begins with `=`, `+`, `-`, `@`, tab (0x09), carriage return (0x0D) or line feed
 *   (0x0A) gets a single quote in front, which spreadsheets read as "this is text" (Excel and
 *   LibreOffice hide it); so does one that begins with single quotes followed by such a character, so
 *   that the import can take exactly one quote off again (restoreFormulaText) and a round trip through
 *   export and import gives back the stored text;
 * - a cell that is a plain decimal number (`-12.5`, `-3e-7`, as numbers are written) is left as it is:
 *   a spreadsheet reads it as a number constant, which runs nothing, and a negative NPS must stay a
 *   number a spreadsheet can sum;
 * - the field separator and quotes cannot start a new cell: a field holding a comma, a semicolon (the
 *   list separator of Excel in many locales), a tab, a quote or a line break is quoted (RFC 4180), quotes
 *   doubled.
 */

/** What a CSV cell may hold; null and undefined are written as an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/** The first characters that make a spreadsheet evaluate a cell (OWASP), after any leading quotes. */
const FORMULA_START = /^'*[=+\-@\t\r\n]/;
/** A number as JavaScript and the databases write one: a spreadsheet reads it as a constant. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** Characters that need the field quoted: separators (`,` and `;`), tab, quote, line breaks. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** `text` as a spreadsheet must show it: a leading quote when it would otherwise start a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The inverse of neutralizeFormula, for CSV read back in: one quote off a neutralised cell. */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}

/** One CSV field: neutralised, then quoted when it holds a separator, a quote or a line break. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = neutralizeFormula(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (without its line end). */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}
