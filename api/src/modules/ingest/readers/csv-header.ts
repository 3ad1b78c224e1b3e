import type { RowProblem } from '../record-kind.js';
import type { RecordSpec } from '../record-specs.js';
import { REJECT_PROBLEMS_COLUMN } from '../rejects/reject-column.js';
import { EXPECTED, rowProblem } from '../row-problem.js';

export interface CheckedHeader {
  problems: RowProblem[];
  /** Whether the rows can still be validated: every required column is present, none twice. */
  readable: boolean;
  /** Position and name of each known column; values under unknown columns are not read. */
  columns: [index: number, name: string][];
}

/**
 * Each header problem is reported once, on the header's line, instead of on every row. Names are
 * compared with the known columns as strings (`constructor` or `__proto__` is an unknown column like any
 * other); the column a rejects file adds is skipped.
 */
export function checkHeader(spec: RecordSpec, header: string[], row: number): CheckedHeader {
  const known = Object.keys(spec.columns);
  const problems: RowProblem[] = [];
  const columns: [number, string][] = [];
  const seen = new Set<string>();
  let readable = true;
  header.forEach((name, index) => {
    if (name === REJECT_PROBLEMS_COLUMN) return;
    if (seen.has(name)) {
      problems.push(rowProblem(row, name, name, EXPECTED.columnOnce));
      readable = false;
    } else if (!known.includes(name)) {
      problems.push(rowProblem(row, name, name, EXPECTED.knownColumn(known)));
    } else {
      columns.push([index, name]);
    }
    seen.add(name);
  });
  for (const [name, column] of Object.entries(spec.columns)) {
    if (column.required && !seen.has(name)) {
      problems.push(rowProblem(row, name, null, EXPECTED.headerColumn));
      readable = false;
    }
  }
  return { problems, readable, columns };
}
