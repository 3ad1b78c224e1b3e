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
import { lookup } from './vendor-settings.js';
import { zonedTimeToUtc } from './zoned-time.js';

/**
 * A column-mapping file (JSON, or YAML for .yaml/.yml) that reads any CSV as a canonical kind:
 *
 *     columns:   { canonical column: column of the CSV }   e.g. contact_id: Ticket Number
 *     values:    { canonical column: { value in the CSV (or derived): canonical value } }
 *     constants: { canonical column: value for every row }   e.g. type: nps
 *     derived:   { canonical column: template of CSV columns }   e.g. reason: "{Category} / {Subcategory}"
 *     prefixes:  { canonical column: text put before every value }   e.g. contact_id: zendesk-
 *     customerEmail: column of the CSV holding the customer's e-mail, used when customer_id is empty
 *     skipRows:  records after the header row that are not data (2 for a Qualtrics export)
 *     timeZone:  IANA time zone of timestamps written without an offset (default UTC)
 *     keep:      { column of the CSV: [values] }   only rows holding one of these are read
 *     drop:      { column of the CSV: [values] }   rows holding one of these are skipped
 *
 * All but `columns` are optional. Columns of the CSV that are not named are not read. Values not listed
 * under `values` pass as they are. Rows left out by keep/drop are counted, not refused. A prefix lets a
 * mapped import use the same ids as a `--format` import of the same source (zendesk- for tickets), so
 * the two update the same records instead of duplicating them.
 */
export const columnMappingSchema = z.strictObject({
  columns: z.record(z.string(), z.string().min(1)),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  constants: z.record(z.string(), z.string()).default({}),
  derived: z.record(z.string(), z.string().min(1)).default({}),
  prefixes: z.record(z.string(), z.string().min(1)).default({}),
  customerEmail: z.string().min(1).optional(),
  skipRows: z.number().int().min(0).max(100).default(0),
  timeZone: z
    .string()
    .min(1)
    .refine((zone) => zonedTimeToUtc('2026-01-01 00:00:00', zone) !== undefined, {
      message: 'expected an IANA time zone such as Europe/Paris',
    })
    .optional(),
  keep: z.record(z.string(), z.array(z.string())).default({}),
  drop: z.record(z.string(), z.array(z.string())).default({}),
});

export type ColumnMapping = z.output<typeof columnMappingSchema>;

/** The skip reason of rows a mapping's keep or drop leaves out. */
export const FILTERED_OUT = 'rows left out by the mapping (keep/drop)';

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
  for (const section of ['columns', 'values', 'constants', 'derived', 'prefixes'] as const) {
    const unknown = Object.keys(mapping[section]).find((key) => !Object.hasOwn(spec.columns, key));
    if (unknown !== undefined) {
      throw new MappingError(
        `${shown}: ${section}.${unknown}: expected ${EXPECTED.knownColumn(spec.columnNames)}`,
      );
    }
  }
  for (const [name, column] of Object.entries(spec.columns)) {
    const given = [mapping.columns, mapping.constants, mapping.derived].some((section) =>
      Object.hasOwn(section, name),
    );
    const byEmail = name === 'customer_id' && mapping.customerEmail !== undefined;
    if (column.required && !given && !byEmail) {
      throw new MappingError(
        `${shown}: columns.${name}: required, expected the CSV column holding it (or constants.${name}, derived.${name})`,
      );
    }
  }
  return mapping;
}

const TEMPLATE_COLUMN = /\{([^{}]+)\}/g;

/** The CSV columns a mapping reads: mapped, in templates, filtered on, the e-mail. */
function columnsRead(mapping: ColumnMapping): string[] {
  const templates = Object.values(mapping.derived).flatMap((template) =>
    [...template.matchAll(TEMPLATE_COLUMN)].map((match) => match[1]!),
  );
  return [
    ...new Set([
      ...Object.values(mapping.columns),
      ...templates,
      ...Object.keys(mapping.keep),
      ...Object.keys(mapping.drop),
      ...(mapping.customerEmail === undefined ? [] : [mapping.customerEmail]),
    ]),
  ];
}

/** A CSV read through a column mapping: problems name the CSV's own columns. */
export function readMappedCsv(input: Readable, mapping: ColumnMapping, spec: RecordSpec): SourceRows {
  const needed = columnsRead(mapping);
  // Values are read under a key of their own (`csv:` and the CSV's name), never the CSV's name itself.
  const key = (column: string) => `csv:${column}`;
  const checkHeaderLine = (header: string[], row: number): CheckedHeader => {
    const missing = needed.filter((column) => !header.includes(column));
    return {
      problems: missing.map((column) => rowProblem(row, column, null, EXPECTED.headerColumn)),
      readable: missing.length === 0,
      columns: needed.map((column) => [header.indexOf(column), key(column)]),
    };
  };
  const timestamps = spec.columnNames.filter((name) => spec.columns[name]!.expected === EXPECTED.timestamp);
  async function* rows(): AsyncGenerator<NumberedRow> {
    let skipping = mapping.skipRows;
    for await (const read of readCsvTable(input, checkHeaderLine)) {
      if (read.header) {
        yield read;
        continue;
      }
      if (skipping > 0) {
        skipping--;
        continue;
      }
      if (read.problems) {
        yield read;
        continue;
      }
      const csv = (column: string) => {
        const value = read.values[key(column)];
        return value === null || value === undefined ? '' : String(value);
      };
      const kept =
        Object.entries(mapping.keep).every(([column, allowed]) => allowed.includes(csv(column))) &&
        !Object.entries(mapping.drop).some(([column, refused]) => refused.includes(csv(column)));
      const { row, line } = read;
      const at = line === undefined ? { row } : { row, line };
      if (!kept) {
        yield { ...at, values: {}, skipped: FILTERED_OUT };
        continue;
      }
      const values: RawRow = { ...mapping.constants };
      for (const [canonical, column] of Object.entries(mapping.columns)) {
        const value = csv(column);
        values[canonical] = lookup(mapping.values[canonical] ?? {}, value) ?? value;
      }
      for (const [canonical, template] of Object.entries(mapping.derived)) {
        const value = template.replace(TEMPLATE_COLUMN, (_, column: string) => csv(column)).trim();
        values[canonical] = lookup(mapping.values[canonical] ?? {}, value) ?? value;
      }
      for (const [canonical, prefix] of Object.entries(mapping.prefixes)) {
        const value = values[canonical];
        if (value !== null && value !== undefined && value !== '')
          values[canonical] = `${prefix}${String(value)}`;
      }
      if (mapping.timeZone !== undefined) {
        for (const name of timestamps) {
          const value = values[name];
          if (typeof value === 'string' && value !== '')
            values[name] = zonedTimeToUtc(value, mapping.timeZone)?.toISOString() ?? value;
        }
      }
      const email = mapping.customerEmail === undefined ? '' : csv(mapping.customerEmail);
      if ((values.customer_id ?? '') === '' && email !== '') {
        values.customer_id = email;
        yield { ...at, values, customerByEmail: true, labels: { customer_id: mapping.customerEmail! } };
        continue;
      }
      yield { ...at, values };
    }
  }
  const labels: Record<string, string> = { ...mapping.columns };
  for (const [canonical, template] of Object.entries(mapping.derived)) labels[canonical] = template;
  return { rows: rows(), labels };
}
