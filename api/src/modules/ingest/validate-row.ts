import type { CellRow } from './cells.js';
import type { NumberedRow, RawRow, RowProblem } from './record-kind.js';
import type { RecordSpec, ValidRecord } from './record-specs.js';
import { EXPECTED, rowProblem } from './row-problem.js';

export type RowResult = { record: ValidRecord; problems?: undefined } | { problems: RowProblem[] };

/**
 * Validates one row of any source. Values arrive as CSV text or JSON/GraphQL scalars; numbers and
 * booleans are turned into their text first so that every source takes the same path, and an empty
 * value means null. Each failing column is reported once, with the phrase its column expects. A column
 * the row does not have at all (not in the CSV header, not a key of the JSON object, a GraphQL field
 * not sent) is undefined in the record: the writer keeps the stored value there.
 */
export function validateRow(spec: RecordSpec, { row, line, values }: NumberedRow): RowResult {
  const cells: CellRow = { ...spec.blankCells };
  // Column names are never names of Object.prototype's properties, so a plain read is safe.
  for (const name of spec.columnNames) cells[name] = asCell(values[name]);
  let known = 0;
  let unknown = false;
  for (const name of Object.keys(values)) {
    if (spec.columnSet.has(name)) known++;
    else unknown = true;
  }
  // Most rows pass: spec.read accepts them without zod, which is asked only what is wrong with a row.
  const record = unknown ? undefined : spec.read(cells);
  // A row with every column leaves none out (a file's rows usually all have the same columns).
  if (record) return { record: known === spec.columnNames.length ? record : leftOut(spec, values, record) };

  const at = { row, line };
  const problems: RowProblem[] = [];
  for (const name of Object.keys(values)) {
    if (!Object.hasOwn(spec.columns, name))
      problems.push(rowProblem(at, name, values[name], EXPECTED.knownColumn(Object.keys(spec.columns))));
  }
  const parsed = spec.schema.safeParse(cells);
  if (parsed.success) return problems.length ? { problems } : { record: leftOut(spec, values, parsed.data) };
  const reported = new Set<string>();
  for (const issue of parsed.error.issues) {
    const column = String(issue.path[0]);
    if (reported.has(column)) continue;
    reported.add(column);
    const ruleExpected = issue.code === 'custom' ? (issue.params?.expected as string | undefined) : undefined;
    const expected = spec.columns[column]!.expected;
    problems.push(
      rowProblem(
        at,
        column,
        cells[column],
        ruleExpected ?? (typeof expected === 'string' ? expected : expected(cells)),
      ),
    );
  }
  // Rule problems come after the cells' own; a reader expects them in column order.
  if (problems.length > 1) problems.sort((a, b) => columnOrder(spec, a.column) - columnOrder(spec, b.column));
  return { problems };
}

/** `record` with the optional columns that `values` does not have (and what derives from them) undefined. */
function leftOut(spec: RecordSpec, values: NumberedRow['values'], record: ValidRecord): ValidRecord {
  for (const name of spec.columnNames) if (!Object.hasOwn(values, name)) record[name] = undefined;
  for (const [derived, source] of Object.entries(spec.derivedFrom))
    if (record[source] === undefined) record[derived] = undefined;
  return record;
}

function columnOrder(spec: RecordSpec, column: string): number {
  return spec.columnNames.indexOf(column);
}

function asCell(value: RawRow[string]): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : String(value);
}
