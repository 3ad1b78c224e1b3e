import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { NumberedRow, RawRow } from '../record-kind.js';
import type { RecordSpec } from '../record-specs.js';
import { EXPECTED, rowProblem } from '../row-problem.js';
import type { CheckedHeader } from '../readers/csv-header.js';
import { readCsvTable } from '../readers/csv-reader.js';
import type { SourceRows } from './source-rows.js';

/**
 * A column-mapping file (JSON, or YAML for .yaml/.yml) that reads any CSV as a canonical kind:
 *
 *     columns:   { canonical column: column of the CSV }   e.g. contact_id: Ticket Number
 *     values:    { canonical column: { value in the CSV: canonical value } }   (optional)
 *     constants: { canonical column: value for every row }   e.g. type: nps   (optional)
 *
 * Columns of the CSV that are not mapped are not read. Values not listed under `values` pass as they are.
 */
export const columnMappingSchema = z.strictObject({
  columns: z.record(z.string(), z.string().min(1)),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  constants: z.record(z.string(), z.string()).default({}),
});

export type ColumnMapping = z.output<typeof columnMappingSchema>;

/** Why a mapping file cannot be used; the message names the file and the key. */
export class MappingError extends Error {
  override name = 'MappingError';
}

export async function loadColumnMapping(
  path: string,
  shown: string,
  spec: RecordSpec,
): Promise<ColumnMapping> {
  let raw: unknown;
  try {
    const text = await readFile(path, 'utf8');
    raw = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new MappingError(`${shown}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = columnMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MappingError(`${shown}: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const mapping = parsed.data;
  for (const [section, keys] of Object.entries({
    columns: Object.keys(mapping.columns),
    values: Object.keys(mapping.values),
    constants: Object.keys(mapping.constants),
  })) {
    const unknown = keys.find((key) => !spec.columnNames.includes(key));
    if (unknown) {
      throw new MappingError(
        `${shown}: ${section}.${unknown}: expected ${EXPECTED.knownColumn(spec.columnNames)}`,
      );
    }
  }
  for (const [name, column] of Object.entries(spec.columns)) {
    if (column.required && !(name in mapping.columns) && !(name in mapping.constants)) {
      throw new MappingError(
        `${shown}: columns.${name}: required, expected the CSV column holding it (or constants.${name})`,
      );
    }
  }
  return mapping;
}

/** A CSV read through a column mapping: problems name the CSV's own columns. */
export function readMappedCsv(input: Readable, mapping: ColumnMapping): SourceRows {
  const checkHeaderLine = (header: string[], row: number): CheckedHeader => {
    const missing = Object.values(mapping.columns).filter((column) => !header.includes(column));
    return {
      problems: missing.map((column) => rowProblem(row, column, null, EXPECTED.headerColumn)),
      readable: missing.length === 0,
      columns: Object.entries(mapping.columns).map(([canonical, column]) => [
        header.indexOf(column),
        canonical,
      ]),
    };
  };
  async function* rows(): AsyncGenerator<NumberedRow> {
    for await (const read of readCsvTable(input, checkHeaderLine)) {
      if (read.problems) {
        yield read;
        continue;
      }
      const values: RawRow = { ...mapping.constants };
      for (const [canonical, value] of Object.entries(read.values)) {
        values[canonical] = mapping.values[canonical]?.[String(value)] ?? value;
      }
      yield { row: read.row, values };
    }
  }
  return { rows: rows(), labels: { ...mapping.columns } };
}
