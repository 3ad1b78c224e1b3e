import type { Readable } from 'node:stream';
import type { NumberedRow, RawRow } from '../record-kind.js';
import { EXPECTED, rowProblem } from '../row-problem.js';
import { readCsvRecords } from '../readers/csv-reader.js';
import type { SourceRows } from './source-rows.js';
import { zonedTimeToUtc } from './zoned-time.js';

/*
 * Qualtrics survey responses, as "Data & Analysis → Export & Import → Export data → CSV" writes them
 * (the export format Qualtrics has used since 2017, with numeric values, "Use choice text" off or on
 * alike for a 0-10 question): three header lines — column ids (StartDate, RecordedDate, ResponseId,
 * ExternalReference, Q7, Q7_NPS_GROUP, embedded data…), question texts, then one JSON object per column
 * with its ImportId and, for dates, the time zone they are written in — then one response per line.
 *
 * Each response becomes an nps survey response: ResponseId → response_id, ExternalReference →
 * customer_id (the CRM id passed to the survey link or contact list), the NPS question → score (the
 * question whose companion column <id>_NPS_GROUP Qualtrics adds to NPS questions), RecordedDate (in the
 * export's time zone) → responded_at, and embedded data fields named channel and touchpoint, if any.
 */

const HEADER_LINES = 3;
const NPS_GROUP_SUFFIX = '_NPS_GROUP';

interface Layout {
  index: Record<string, number>;
  /** Columns read, by canonical name. */
  columns: Record<string, string>;
  recordedDateZone: string;
}

export function readQualtrics(input: Readable): SourceRows {
  const labels: Record<string, string> = {};
  async function* rows(): AsyncGenerator<NumberedRow> {
    const header: string[][] = [];
    let layout: Layout | undefined;
    for await (const entry of readCsvRecords(input, (index) => header[0]?.[index] ?? '')) {
      if (!('record' in entry)) {
        yield entry;
        return;
      }
      if (header.length < HEADER_LINES) {
        header.push(entry.record);
        if (header.length < HEADER_LINES) continue;
        const found = readLayout(header, entry.row);
        if (!('index' in found)) {
          yield found;
          return;
        }
        layout = found;
        Object.assign(labels, layout.columns);
        continue;
      }
      if (entry.record.length !== header[0]!.length) {
        const expected = EXPECTED.valuesPerLine(header[0]!.length);
        yield {
          row: entry.row,
          values: {},
          problems: [rowProblem(entry.row, '', entry.record.join(','), expected)],
        };
        continue;
      }
      yield response(entry.row, entry.record, layout!);
    }
    if (header.length < HEADER_LINES) {
      const expected = 'the three header lines of a Qualtrics export (column ids, question texts, ImportIds)';
      yield {
        row: header.length + 1,
        values: {},
        problems: [rowProblem(header.length + 1, '', null, expected)],
        header: true,
      };
    }
  }
  return { rows: rows(), labels };
}

function readLayout([ids, , importIds]: string[][], row: number): Layout | NumberedRow {
  const index = Object.fromEntries(ids!.map((id, at) => [id, at]));
  const npsQuestion = ids!.find((id) => id.endsWith(NPS_GROUP_SUFFIX))?.slice(0, -NPS_GROUP_SUFFIX.length);
  const columns: Record<string, string> = {
    response_id: 'ResponseId',
    customer_id: 'ExternalReference',
    responded_at: 'RecordedDate',
  };
  if (npsQuestion !== undefined) columns.score = npsQuestion;
  for (const name of ['channel', 'touchpoint']) {
    const embedded = ids!.find((id) => id.toLowerCase() === name);
    if (embedded) columns[name] = embedded;
  }
  const missing = Object.values(columns).filter((id) => index[id] === undefined);
  if (npsQuestion === undefined) missing.push('an NPS question');
  if (missing.length) {
    const problems = missing.map((id) =>
      rowProblem(
        1,
        id,
        null,
        `${EXPECTED.headerColumn}; a Qualtrics response export has ResponseId, RecordedDate, ExternalReference and an NPS question with its ${NPS_GROUP_SUFFIX} column`,
      ),
    );
    return { row: 1, values: {}, problems, header: true };
  }
  const zoneCell = importIds![index.RecordedDate!] ?? '';
  const zone = /"timeZone"\s*:\s*"([^"]+)"/.exec(zoneCell)?.[1];
  if (!zone) {
    const expected =
      'the ImportId JSON of RecordedDate with its timeZone, e.g. {"ImportId":"recordedDate","timeZone":"America/Denver"}';
    return { row, values: {}, problems: [rowProblem(row, 'RecordedDate', zoneCell, expected)], header: true };
  }
  return { index, columns, recordedDateZone: zone };
}

function response(row: number, record: string[], { index, columns, recordedDateZone }: Layout): NumberedRow {
  const values: RawRow = { type: 'nps' };
  for (const [name, id] of Object.entries(columns)) values[name] = record[index[id]!];
  // Written in the export's time zone without an offset; an unreadable date goes on as written, to be reported.
  const recorded = String(values.responded_at ?? '');
  values.responded_at = zonedTimeToUtc(recorded, recordedDateZone)?.toISOString() ?? recorded;
  if (typeof values.channel === 'string') values.channel = values.channel.toLowerCase();
  return { row, values };
}
