import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import type { NumberedRow, RawRow } from '../record-kind.js';
import { EXPECTED, rowProblem } from '../row-problem.js';
import { encodingProblem, strictUtf8 } from './strict-utf8.js';

/**
 * Streams NDJSON (one JSON object per line) into numbered rows; a row's number is its line. Blank lines
 * are skipped; a line that is not an object, or a value that is an object or array, becomes a problem,
 * and bytes that are not UTF-8 end the reading with a problem on their line.
 */
export async function* readNdjson(input: Readable): AsyncGenerator<NumberedRow> {
  let row = 0;
  const decoded = strictUtf8();
  pipeline(input, decoded, () => {});
  for await (const line of createInterface({ input: decoded, crlfDelay: Infinity })) {
    row++;
    const text = row === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (text.trim() === '') continue;
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
    const nested = Object.entries(parsed).filter(([, value]) => value !== null && typeof value === 'object');
    if (nested.length) {
      const problems = nested.map(([column, value]) => rowProblem(row, column, value, EXPECTED.scalar));
      yield { row, values: {}, problems };
      continue;
    }
    yield { row, values: parsed as RawRow };
  }
  if (decoded.encodingError) yield encodingProblem(decoded.encodingError);
}
