import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { RecordKind, RejectedRow } from '../record-kind.js';
import { readCsvRecords } from '../readers/csv-reader.js';
import { nestsDeeperThan } from '../readers/json-depth.js';
import type { SourceFormat } from '../sources/source-file.js';
import { REJECT_PROBLEMS_COLUMN } from './reject-column.js';

/** How the problems of one row are written in its cx_problems cell. */
const SEPARATOR = '; ';

/**
 * Writes the rows an import refused (`--skip-invalid --rejects FILE`) to FILE in the input's own format,
 * each with its problems in an added column (cx_problems), so that the user can correct them and import
 * the file as it is. The input is read a second time, so that the import never holds raw rows in memory:
 * a CSV keeps its header rows (three for Qualtrics, the header and the skipped rows of a mapping) and
 * gains the column; an NDJSON line gains the key (a line that was not a JSON object is written as
 * {"cx_line": …}); a Zendesk page keeps its users and lists only the refused tickets or ratings.
 * Returns the number of rows written.
 */
export async function writeRejects(
  input: string,
  output: string,
  kind: RecordKind,
  source: SourceFormat,
  rejected: RejectedRow[],
): Promise<number> {
  const problems = new Map(rejected.map(({ row, messages }) => [row, messages.join(SEPARATOR)]));
  if (source.format === 'zendesk') return writeZendesk(input, output, kind, problems);
  if (source.format === 'canonical' && !/\.csv$/i.test(input)) return writeNdjson(input, output, problems);
  const headerRows =
    source.format === 'qualtrics' ? 3 : source.format === 'mapping' ? 1 + source.mapping.skipRows : 1;
  const lines: string[] = [];
  let written = 0;
  for await (const entry of readCsvRecords(createReadStream(input), () => '')) {
    if (!('record' in entry)) break;
    if (entry.row <= headerRows) {
      lines.push(csvLine([...entry.record, entry.row === 1 ? REJECT_PROBLEMS_COLUMN : '']));
      continue;
    }
    const messages = problems.get(entry.row);
    if (messages === undefined) continue;
    lines.push(csvLine([...entry.record, messages]));
    written++;
  }
  await writeFile(output, lines.length ? `${lines.join('\r\n')}\r\n` : '');
  return written;
}

async function writeNdjson(input: string, output: string, problems: Map<number, string>): Promise<number> {
  const lines: string[] = [];
  let row = 0;
  for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
    const messages = problems.get(++row);
    if (messages === undefined) continue;
    const text = row === 1 ? line.replace(/^\uFEFF/, '') : line;
    let parsed: unknown;
    try {
      parsed = nestsDeeperThan(text) ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const object =
      parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? { ...parsed, [REJECT_PROBLEMS_COLUMN]: messages }
        : { cx_line: text, [REJECT_PROBLEMS_COLUMN]: messages };
    lines.push(JSON.stringify(object));
  }
  await writeFile(output, lines.length ? `${lines.join('\n')}\n` : '');
  return lines.length;
}

async function writeZendesk(
  input: string,
  output: string,
  kind: RecordKind,
  problems: Map<number, string>,
): Promise<number> {
  const page = JSON.parse(await readFile(input, 'utf8')) as Record<string, unknown>;
  const list =
    kind === 'surveys' && Array.isArray(page.satisfaction_ratings) ? 'satisfaction_ratings' : 'tickets';
  const items = (page[list] as unknown[]).flatMap((item, index) => {
    const messages = problems.get(index + 1);
    if (messages === undefined) return [];
    const object =
      item !== null && typeof item === 'object' && !Array.isArray(item) ? item : { cx_item: item };
    return [{ ...object, [REJECT_PROBLEMS_COLUMN]: messages }];
  });
  await writeFile(output, `${JSON.stringify({ ...page, [list]: items }, null, 2)}\n`);
  return items.length;
}

/** One CSV line, values quoted when they hold a delimiter, a quote, a line break or edge spaces. */
function csvLine(values: string[]): string {
  return values
    .map((value) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value))
    .join(',');
}
