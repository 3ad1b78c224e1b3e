import { userInputError } from '../../core/errors.js';
import { parseTimestamp } from '../ingest/parse-timestamp.js';
import { RECORD_KINDS, type RecordKind } from '../ingest/record-kind.js';
import { EXPECTED } from '../ingest/row-problem.js';
import { Dimension, graphqlEnumName } from '../metrics/dimension.js';
import { FORMER_NAMES, MEASURE_NAMES, measureNamed } from '../metrics/measures.js';
import type { MetricsRequest } from '../metrics/metrics.service.js';
import { TimeGrain } from '../metrics/time-grain.js';
import { EXPORT_FORMATS, type ExportFormat } from './export-format.js';
import type { SyncStart } from './record-export.service.js';

/*
 * Query parameters of /export, checked with the words of GraphQL's BAD_USER_INPUT errors: each error
 * names the parameter, what it got and what was expected. Unknown parameters are refused, as unknown
 * import columns are, so that a typo never silently exports everything.
 */

export type Query = Record<string, string | string[] | undefined>;

export type ExportDataset = RecordKind | 'metrics';

const DATASETS: readonly ExportDataset[] = [...RECORD_KINDS, 'metrics'];

/** `contacts.csv` → contacts as CSV; undefined for any other file name. */
export function parseExportFile(file: string): { dataset: ExportDataset; format: ExportFormat } | undefined {
  const [dataset, format, ...rest] = file.split('.');
  if (rest.length || !DATASETS.includes(dataset as ExportDataset)) return undefined;
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) return undefined;
  return { dataset: dataset as ExportDataset, format: format as ExportFormat };
}

export const EXPORT_FILES = DATASETS.flatMap((dataset) =>
  EXPORT_FORMATS.map((format) => `${dataset}.${format}`),
);

export function parseSyncStart(query: Query): SyncStart {
  refuseUnknown(query, ['updatedSince', 'cursor', 'limit']);
  const limit = single(query, 'limit');
  if (limit !== undefined && !/^[1-9]\d{0,8}$/.test(limit)) {
    throw userInputError('limit', limit, 'a whole number of rows from 1 to 999999999');
  }
  return {
    updatedSince: timestamp(query, 'updatedSince'),
    cursor: single(query, 'cursor'),
    limit: limit === undefined ? undefined : Number(limit),
  };
}

/** A metric table's request, with the measure columns as named (a renamed measure by its former name too). */
export interface MetricsExportRequest extends MetricsRequest {
  measureColumns: readonly string[];
}

export function parseMetricsQuery(query: Query): MetricsExportRequest {
  refuseUnknown(query, ['measures', 'dimensions', 'grain', 'from', 'to']);
  const columns = list(query, 'measures', [...MEASURE_NAMES, ...FORMER_NAMES.keys()], (name) => name);
  if (!columns.length) throw userInputError('measures', null, `one or more of ${MEASURE_NAMES.join(', ')}`);
  const measures = columns.map((name) => measureNamed(name)!);
  const grain = single(query, 'grain');
  const grains = Object.values(TimeGrain);
  if (grain !== undefined && !grains.includes(grain.toLowerCase() as TimeGrain)) {
    throw userInputError('grain', grain, EXPECTED.oneOf(grains.map(graphqlEnumName)));
  }
  return {
    measures: [...new Set(measures)],
    measureColumns: [...new Set(columns)],
    dimensions: [...new Set(list(query, 'dimensions', Object.values(Dimension), graphqlEnumName))],
    grain: grain === undefined ? null : (grain.toLowerCase() as TimeGrain),
    filter: { from: timestamp(query, 'from'), to: timestamp(query, 'to') },
  };
}

function refuseUnknown(query: Query, known: string[]): void {
  const unknown = Object.keys(query).find((name) => !known.includes(name));
  if (unknown) throw userInputError(unknown, query[unknown], `one of the parameters ${known.join(', ')}`);
}

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw userInputError(name, value, `${name} given once`);
  return value;
}

function timestamp(query: Query, name: string): Date | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  const parsed = parseTimestamp(value);
  if (!parsed) throw userInputError(name, value, EXPECTED.timestamp);
  return parsed;
}

/** A comma-separated list of values, each one of `allowed` as written by `shown` (case-insensitive). */
function list<V extends string>(
  query: Query,
  name: string,
  allowed: readonly V[],
  shown: (value: V) => string,
): V[] {
  const value = single(query, name);
  if (value === undefined || value === '') return [];
  return value.split(',').map((item) => {
    const found = allowed.find((candidate) => shown(candidate).toLowerCase() === item.trim().toLowerCase());
    if (!found)
      throw userInputError(name, item, `a comma-separated list of ${allowed.map(shown).join(', ')}`);
    return found;
  });
}
