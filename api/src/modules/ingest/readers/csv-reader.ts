import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { NumberedRow, RawRow } from '../record-kind.js';
import type { RecordSpec } from '../record-specs.js';
import { EXPECTED, rowProblem } from '../row-problem.js';
import { restoreFormulaText } from '../../export/csv.js';
import { checkHeader, type CheckedHeader } from './csv-header.js';
import { encodingProblem, strictUtf8 } from './strict-utf8.js';

/** Longer records are malformed (usually a quote left open); stop before buffering the rest of the file. */
const MAX_RECORD_CHARACTERS = 1_000_000;

interface SyntaxError {
  error: CsvError;
  /** Records the parser had emitted when it met the error. */
  records: number;
}

/** One CSV record, its record number (counted from 1, header rows included) and the line where it starts. */
export interface CsvRecord {
  row: number;
  line: number;
  record: string[];
}

/**
 * Streams the records of a CSV file, numbered as a spreadsheet numbers its rows (header rows and empty
 * lines included), each with the line where it starts, counted from the parsed values (a quoted value
 * may span lines) rather than from csv-parse's line counter, which counts a quoted CRLF twice; the two
 * differ once a value before has spanned lines. Empty lines come through as records of one empty value so that they are counted
 * too (and `info: true`, which copies two objects per record, is not needed), and are then skipped. A
 * quoting error becomes one problem and ends the reading, as nothing after it can be trusted; so do
 * bytes that are not UTF-8. `columnName` names the column at a position, for those problems.
 */
export async function* readCsvRecords(
  input: Readable,
  columnName: (index: number) => string,
): AsyncGenerator<CsvRecord | NumberedRow> {
  const syntaxErrors: SyntaxError[] = [];
  const parser = parse({
    bom: true,
    record_delimiter: ['\r\n', '\n'],
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARACTERS,
    on_skip: (error) => {
      if (error instanceof CsvError) syntaxErrors.push({ error, records: parser.info.records });
    },
  });
  const decoded = strictUtf8();
  pipeline(input, decoded, parser, () => {});

  let records = 0;
  let lastLine = 0;
  const syntaxProblem = ({ error, records: before }: SyntaxError): NumberedRow => {
    const at = { row: before + 1, line: lastLine + 1 };
    const column = typeof error.column === 'number' ? columnName(error.column) : '';
    const got = /got "(.*?)" at line/.exec(error.message)?.[1] ?? null;
    const expected = EXPECTED.csvSyntax[error.code] ?? EXPECTED.wellFormedCsv;
    // Nothing after a syntax error can be trusted: a problem of the file, even when skipping invalid rows.
    return { ...at, values: {}, problems: [{ ...rowProblem(at, column, got, expected), header: true }] };
  };

  for await (const record of parser as AsyncIterable<string[]>) {
    records++;
    const pending = syntaxErrors[0];
    if (pending && pending.records < records) {
      yield syntaxProblem(pending);
      return;
    }
    const line = lastLine + 1;
    lastLine = line + newlinesIn(record);
    if (record.length === 1 && record[0] === '') continue;
    yield { row: records, line, record };
  }
  const pending = syntaxErrors[0];
  if (decoded.encodingError) yield encodingProblem(decoded.encodingError, records + 1);
  else if (pending) yield syntaxProblem(pending);
}

/** Streams a CSV file with a header row of canonical columns into numbered rows (see readCsvTable). */
export function readCsv(input: Readable, spec: RecordSpec): AsyncGenerator<NumberedRow> {
  return readCsvTable(input, (header, row) => checkHeader(spec, header, row));
}

/**
 * Streams a CSV file with a header row into numbered rows (see readCsvRecords), keyed by the names
 * `checkHeaderLine` gives the columns it reads. Header problems are reported once, on the header's
 * line (a file without one is checked as an empty header); a row with the wrong number of values
 * becomes a problem.
 */
export async function* readCsvTable(
  input: Readable,
  checkHeaderLine: (header: string[], row: number) => CheckedHeader,
): AsyncGenerator<NumberedRow> {
  let header: string[] | undefined;
  let columns: [index: number, name: string][] = [];
  for await (const entry of readCsvRecords(input, (index) => header?.[index] ?? '')) {
    if (!('record' in entry)) {
      yield entry;
      return;
    }
    const { record } = entry;
    const at = { row: entry.row, line: entry.line };
    const row = entry.row;
    if (!header) {
      header = record;
      const checked = checkHeaderLine(header, row);
      if (checked.problems.length) yield { ...at, values: {}, problems: checked.problems, header: true };
      if (!checked.readable) return;
      columns = checked.columns;
      continue;
    }
    if (record.length !== header.length) {
      const problem = rowProblem(at, '', record.join(','), EXPECTED.valuesPerLine(header.length));
      yield { ...at, values: {}, problems: [problem] };
      continue;
    }
    const values: RawRow = {};
    // A cell an export neutralised ('=…, see export/csv.ts) reads back as the text it was.
    for (const [index, name] of columns) values[name] = restoreFormulaText(record[index]!);
    yield entry.line === row ? { row, values } : { ...at, values };
  }
  if (!header) {
    const checked = checkHeaderLine([], 1);
    yield { row: 1, values: {}, problems: checked.problems, header: true };
  }
}

function newlinesIn(record: string[]): number {
  let count = 0;
  for (const value of record) {
    for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) count++;
  }
  return count;
}
