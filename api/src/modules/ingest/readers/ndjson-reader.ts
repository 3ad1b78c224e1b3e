import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import type { NumberedRow, RawRow } from '../record-kind.js';
import type { RecordSpec } from '../record-specs.js';
import { REJECT_PROBLEMS_COLUMN } from '../rejects/reject-column.js';
import { EXPECTED, rowProblem } from '../row-problem.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { encodingProblem, strictUtf8 } from './strict-utf8.js';

/**
 * Streams NDJSON (one JSON object per line) into numbered rows; a row's number is its line. Blank lines
 * are skipped; a line that is not an object, nests deeper than MAX_JSON_DEPTH (refused before it is
 * parsed), or has a value that is an object or array, becomes a problem, and bytes that are not UTF-8
 * end the reading with a problem on their line.
 *
 * With the kind's spec, each key is checked against its columns before the row is built: an unknown
 * key (`constructor`, `__proto__` included) is a problem of the row and is never copied, so no key of
 * the file can reach an object's prototype. The column a rejects file adds (cx_problems) is ignored.
 */
export async function* readNdjson(input: Readable, spec?: RecordSpec): AsyncGenerator<NumberedRow> {
  let row = 0;
  const decoded = strictUtf8();
  pipeline(input, decoded, () => {});
  for await (const line of createInterface({ input: decoded, crlfDelay: Infinity })) {
    row++;
    const text = row === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (text.trim() === '') continue;
    if (nestsDeeperThan(text)) {
      yield { row, values: {}, problems: [rowProblem(row, '', text, EXPECTED.jsonDepth(MAX_JSON_DEPTH))] };
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      yield { row, values: {}, problems: [rowProblem(row, '', text, EXPECTED.jsonObject)] };
      continue;
    }
    const problems = [];
    const values: RawRow = Object.create(null) as RawRow;
    for (const [key, value] of Object.entries(parsed)) {
      if (key === REJECT_PROBLEMS_COLUMN) continue;
      if (spec && !Object.hasOwn(spec.columns, key)) {
        problems.push(rowProblem(row, key, value, EXPECTED.knownColumn(spec.columnNames)));
      } else if (value !== null && typeof value === 'object') {
        problems.push(rowProblem(row, key, value, EXPECTED.scalar));
      } else {
        values[key] = value as RawRow[string];
      }
    }
    yield problems.length ? { row, values: {}, problems } : { row, values };
  }
  if (decoded.encodingError) yield encodingProblem(decoded.encodingError);
}
