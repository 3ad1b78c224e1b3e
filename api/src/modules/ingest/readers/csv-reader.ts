import { pipeline, type Readable } from 'node:stream';
import type { NumberedRow, RawRow } from '../record-kind.js';
import type { RecordSpec } from '../record-specs.js';
import { EXPECTED, rowProblem } from '../row-problem.js';
import { restoreFormulaText } from '../../export/csv.js';
import { checkHeader, type CheckedHeader } from './csv-header.js';
import { csvRecords, type CsvSyntaxError } from './csv-records.js';
import { encodingProblem, strictUtf8 } from './strict-utf8.js';

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
 * differ once a value before has spanned lines. Empty lines come through as records of one empty value
 * so that they are counted too, and are then skipped. A quoting error becomes one problem and ends the
 * reading, as nothing after it can be trusted; so do bytes that are not UTF-8. `columnName` names the
 * column at a position, for those problems.
 */
export async function* readCsvRecords(
  input: Readable,
  columnName: (index: number) => string,
): AsyncGenerator<CsvRecord | NumberedRow> {
  for await (const entries of csvRecordBatches(input, columnName)) yield* entries;
}

/** readCsvRecords, by the records of each chunk read: one step of an async iteration per chunk, not per row. */
async function* csvRecordBatches(
  input: Readable,
  columnName: (index: number) => string,
): AsyncGenerator<(CsvRecord | NumberedRow)[]> {
  const decoded = strictUtf8();
  pipeline(input, decoded, () => {});

  let records = 0;
  let lastLine = 0;
  for await (const read of csvRecords(decoded)) {
    if (!Array.isArray(read)) {
      // A syntax error at the end of what could be read gives way to the bytes that stopped the reading.
      if (read.atEnd && decoded.encodingError) break;
      yield [syntaxProblem(read, { row: records + 1, line: lastLine + 1 }, columnName)];
      return;
    }
    const entries: CsvRecord[] = [];
    for (const record of read) {
      records++;
      const line = lastLine + 1;
      lastLine = line + newlinesIn(record);
      if (record.length === 1 && record[0] === '') continue;
      entries.push({ row: records, line, record });
    }
    yield entries;
  }
  if (decoded.encodingError) yield [encodingProblem(decoded.encodingError, records + 1)];
}

/** A syntax error as a problem of the file: nothing after it can be trusted, even when skipping invalid rows. */
function syntaxProblem(
  { error }: CsvSyntaxError,
  at: { row: number; line: number },
  columnName: (index: number) => string,
): NumberedRow {
  const column = typeof error.column === 'number' ? columnName(error.column) : '';
  const got = /got "(.*?)" at line/.exec(error.message)?.[1] ?? null;
  const expected = EXPECTED.csvSyntax[error.code] ?? EXPECTED.wellFormedCsv;
  return { ...at, values: {}, problems: [{ ...rowProblem(at, column, got, expected), header: true }] };
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
  let template: RawRow = {};
  for await (const entries of csvRecordBatches(input, (index) => header?.[index] ?? '')) {
    for (const entry of entries) {
      if (!('record' in entry)) {
        yield entry;
        return;
      }
      const { row, line, record } = entry;
      if (!header) {
        header = record;
        const checked = checkHeaderLine(header, row);
        if (checked.problems.length)
          yield { row, line, values: {}, problems: checked.problems, header: true };
        if (!checked.readable) return;
        columns = checked.columns;
        template = Object.fromEntries(columns.map(([, name]) => [name, '']));
        continue;
      }
      if (record.length !== header.length) {
        const problem = rowProblem(entry, '', record.join(','), EXPECTED.valuesPerLine(header.length));
        yield { row, line, values: {}, problems: [problem] };
        continue;
      }
      const values: RawRow = { ...template };
      // A cell an export neutralised ('=…, see export/csv.ts) reads back as the text it was.
      for (const [index, name] of columns) values[name] = restoreFormulaText(record[index]!);
      yield line === row ? { row, values } : { row, line, values };
    }
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
