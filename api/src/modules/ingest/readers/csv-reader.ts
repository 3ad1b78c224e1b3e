import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { NumberedRow, RawRow } from '../record-kind.js';
import type { RecordSpec } from '../record-specs.js';
import { EXPECTED, rowProblem } from '../row-problem.js';
import { checkHeader } from './csv-header.js';
import { encodingProblem, strictUtf8 } from './strict-utf8.js';

/** Longer records are malformed (usually a quote left open); stop before buffering the rest of the file. */
const MAX_RECORD_CHARACTERS = 1_000_000;

interface SyntaxError {
  error: CsvError;
  /** Records the parser had emitted when it met the error. */
  records: number;
}

/**
 * Streams a CSV file with a header row into numbered rows. A row's number is the line where its record
 * starts, counted from the parsed values (a quoted value may span lines) rather than from csv-parse's
 * line counter, which counts a quoted CRLF twice; empty lines come through as records of one empty value
 * so that they are counted too (and `info: true`, which copies two objects per record, is not needed).
 * A row with the wrong number of values becomes a problem; a quoting error becomes one problem and ends
 * the reading, as nothing after it can be trusted; so do bytes that are not UTF-8.
 */
export async function* readCsv(input: Readable, spec: RecordSpec): AsyncGenerator<NumberedRow> {
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

  let header: string[] | undefined;
  let columns: [index: number, name: string][] = [];
  let records = 0;
  let lastLine = 0;
  const syntaxProblem = ({ error }: SyntaxError): NumberedRow => {
    const row = lastLine + 1;
    const column = header && typeof error.column === 'number' ? (header[error.column] ?? '') : '';
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

    if (!header) {
      header = record;
      const checked = checkHeader(spec, header, row);
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
    for (const [index, name] of columns) values[name] = record[index];
    yield { row, values };
  }
  const pending = syntaxErrors[0];
  if (decoded.encodingError) yield encodingProblem(decoded.encodingError);
  else if (pending) yield syntaxProblem(pending);
  else if (!header) {
    const checked = checkHeader(spec, [], 1);
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
