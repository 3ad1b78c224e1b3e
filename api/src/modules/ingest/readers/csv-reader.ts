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

/** One CSV record and the line where it starts. */
export interface CsvRecord {
  row: number;
  record: string[];
}

/**
 * Streams the records of a CSV file, numbered by the line where each starts, counted from the parsed
 * values (a quoted value may span lines) rather than from csv-parse's line counter, which counts a
 * quoted CRLF twice; empty lines come through as records of one empty value so that they are counted
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
  const syntaxProblem = ({ error }: SyntaxError): NumberedRow => {
    const row = lastLine + 1;
    const column = typeof error.column === 'number' ? columnName(error.column) : '';
    const got = /got "(.*?)" at line/.exec(error.message)?.[1] ?? null;
    const expected = EXPECTED.csvSyntax[error.code] ?? EXPECTED.wellFormedCsv;
    return { row, values: {}, problems: [rowProblem(row, column, got, expected)] };
  };

  for await (const record of parser as AsyncIterable<string[]>) {
    records++;
    const pending = syntaxErrors[0];
    if (pending && pending.records < records) {
      yield syntaxProblem(pending);
      return;
    }
    const row = lastLine + 1;
    lastLine = row + newlinesIn(record);
    if (record.length === 1 && record[0] === '') continue;
    yield { row, record };
  }
  const pending = syntaxErrors[0];
  if (decoded.encodingError) yield encodingProblem(decoded.encodingError);
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
    const { row, record } = entry;
    if (!header) {
      header = record;
      const checked = checkHeaderLine(header, row);
      if (checked.problems.length) yield { row, values: {}, problems: checked.problems, header: true };
      if (!checked.readable) return;
      columns = checked.columns;
      continue;
    }
    if (record.length !== header.length) {
      const problem = rowProblem(row, '', record.join(','), EXPECTED.valuesPerLine(header.length));
      yield { row, values: {}, problems: [problem] };
      continue;
    }
    const values: RawRow = {};
    // A cell an export neutralised ('=…, see export/csv.ts) reads back as the text it was.
    for (const [index, name] of columns) values[name] = restoreFormulaText(record[index]!);
    yield { row, values };
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
