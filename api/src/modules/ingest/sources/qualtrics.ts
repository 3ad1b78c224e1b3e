import type { Readable } from 'node:stream';
import { SurveyType } from '../../surveys/survey-type.js';
import type { NumberedRow, RawRow, RowAt, RowProblem } from '../record-kind.js';
import { EXPECTED, rowProblem } from '../row-problem.js';
import { readCsvRecords } from '../readers/csv-reader.js';
import type { SourceRows } from './source-rows.js';
import { DEFAULT_VENDOR_SETTINGS, lookup, type QualtricsSettings } from './vendor-settings.js';
import { zonedTimeToUtc } from './zoned-time.js';

/*
 * Qualtrics survey responses, as "Data & Analysis → Export & Import → Export Data → CSV" writes them
 * (the Data Table export Qualtrics has used since 2017, numeric values or choice text alike for 0-10
 * and 1-5/1-7 questions): three header rows — column ids (StartDate, RecordedDate, ResponseId,
 * ExternalReference, Q7, Q7_NPS_GROUP, embedded data…), question texts, then one JSON object per column
 * with its ImportId and, for dates, the time zone they are written in — then one response per record.
 *
 * Each response becomes one survey response per metric question it answers: NPS (response id
 * ResponseId), CSAT (ResponseId-csat) and CES (ResponseId-ces); the comment question's answer goes with
 * the first of them. Which question is which comes from the settings or from the export itself (see
 * QualtricsSettings.questions). customer_id is ExternalReference (the CRM id passed to the survey link
 * or contact list); a response without one is matched by the respondent's e-mail (RecipientEmail) when
 * matchByEmail is on, and skipped (counted) when it has neither. responded_at is RecordedDate read in
 * the export's time zone; channel and touchpoint come from embedded data fields so named, and the
 * touchpoint falls back to the distribution channel (email, anonymous link, SMS…).
 *
 * Skipped and counted, never refused: unfinished responses (Finished = False), previews, tests and
 * spam (Status), and finished responses that answered none of the metric questions. A pre-2017 export
 * (ResponseID, ExternalDataReference, two header rows) is refused with what to do instead.
 *
 * Row numbers are record numbers, the three header rows included (the 4th response is row 7, as a
 * spreadsheet shows it), with the physical line in brackets when a value with line breaks came before.
 */

const HEADER_ROWS = 3;
const NPS_GROUP_SUFFIX = '_NPS_GROUP';
const METRIC_TYPES = [SurveyType.NPS, SurveyType.CSAT, SurveyType.CES] as const;
/** Suffix of each metric's response id: NPS keeps ResponseId as it is. */
const ID_SUFFIX: Record<SurveyType, string> = { nps: '', csat: '-csat', ces: '-ces' };
/** Question texts that say what a question measures, when the settings do not. */
const QUESTION_TEXT: Partial<Record<SurveyType, RegExp>> = {
  csat: /\bsatisf/i,
  ces: /\beas(?:y|ier|e)\b|\beffort/i,
};
/** Status values of responses that are not real: previews, tests, spam (codes and choice text). */
const NOT_REAL_STATUS = /^(?:1|2|8|9|12|17)$|preview|test|spam/i;
const UNFINISHED = /^(?:0|false)$/i;
const OLD_LAYOUT_COLUMNS = ['ResponseID', 'ExternalDataReference'];

export const QUALTRICS_SKIPPED = {
  unfinished: 'unfinished responses (Finished = False)',
  notReal: 'survey previews, tests and spam (Status)',
  unanswered: 'finished responses without an answer to the metric questions',
  anonymous: (settings: QualtricsSettings) =>
    settings.matchByEmail
      ? `anonymous responses (no ${settings.customerId}, no ${settings.email})`
      : `anonymous responses (no ${settings.customerId}; matching by e-mail is off)`,
};

interface Layout {
  index: Map<string, number>;
  /** The column of each metric question found. */
  metrics: [SurveyType, string][];
  comment?: string;
  channel?: string;
  touchpoint?: string;
  zone: string;
}

export function readQualtrics(input: Readable, settings = DEFAULT_VENDOR_SETTINGS.qualtrics): SourceRows {
  const labels: Record<string, string> = {};
  async function* rows(): AsyncGenerator<NumberedRow> {
    const header: string[][] = [];
    let layout: Layout | undefined;
    for await (const entry of readCsvRecords(input, (index) => header[0]?.[index] ?? '')) {
      if (!('record' in entry)) {
        yield entry;
        return;
      }
      const at = { row: entry.row, line: entry.line };
      if (header.length < HEADER_ROWS) {
        header.push(entry.record);
        const old = header.length <= 2 ? oldLayout(entry.record, at) : undefined;
        if (old) {
          yield { ...at, values: {}, problems: [old], header: true };
          return;
        }
        if (header.length < HEADER_ROWS) continue;
        const found = readLayout(header, at, settings);
        if (!('index' in found)) {
          yield { ...at, values: {}, problems: found, header: true };
          return;
        }
        layout = found;
        Object.assign(labels, {
          response_id: 'ResponseId',
          customer_id: settings.customerId,
          responded_at: 'RecordedDate',
          ...(layout.channel && { channel: layout.channel }),
          ...(layout.touchpoint && { touchpoint: layout.touchpoint }),
          ...(layout.comment && { comment: layout.comment }),
        });
        continue;
      }
      if (entry.record.length !== header[0]!.length) {
        const expected = EXPECTED.valuesPerLine(header[0]!.length);
        yield { ...at, values: {}, problems: [rowProblem(at, '', entry.record.join(','), expected)] };
        continue;
      }
      yield* responses(at, entry.record, layout!, settings);
    }
    if (header.length < HEADER_ROWS) {
      const expected = 'the three header rows of a Qualtrics export (column ids, question texts, ImportIds)';
      const row = header.length + 1;
      yield { row, values: {}, problems: [rowProblem(row, '', null, expected)], header: true };
    }
  }
  return { rows: rows(), labels };
}

/** The old layout names its columns ResponseID and ExternalDataReference, in its first or second row. */
function oldLayout(ids: string[], at: RowAt): RowProblem | undefined {
  const old = OLD_LAYOUT_COLUMNS.find((id) => ids.includes(id));
  if (!old || ids.includes('ResponseId')) return undefined;
  return rowProblem(
    at,
    old,
    old,
    'the response export layout Qualtrics writes since 2017 (ResponseId, ExternalReference, three header rows): ' +
      'this is the old layout; re-export with Data & Analysis → Export & Import → Export Data → CSV ' +
      '(the Data Table export, not the legacy one)',
  );
}

function readLayout(
  [ids, texts, importCells]: string[][],
  at: RowAt,
  settings: QualtricsSettings,
): Layout | RowProblem[] {
  const index = new Map(ids!.map((id, position) => [id, position]));
  const importIds = importCells!.map((cell) => importIdOf(cell));
  const problems: RowProblem[] = [];
  const column = (reference: string) => {
    if (index.has(reference)) return reference;
    const position = importIds.findIndex((found) => found.importId === reference);
    return position === -1 ? undefined : ids![position];
  };
  const named = (setting: 'nps' | 'csat' | 'ces' | 'comment', found: () => string[]): string | undefined => {
    const reference = settings.questions[setting];
    if (reference === 'none') return undefined;
    if (reference !== undefined) {
      const id = column(reference);
      if (id === undefined)
        problems.push(
          rowProblem(1, reference, reference, `a column id or ImportId of the export (questions.${setting})`),
        );
      return id;
    }
    const candidates = found();
    if (candidates.length > 1) {
      problems.push(
        rowProblem(
          1,
          candidates.join(', '),
          null,
          `one ${setting} question (the export has ${candidates.length}): name it as questions.${setting} in the settings, or none`,
        ),
      );
    }
    return candidates.length === 1 ? candidates[0] : undefined;
  };
  /** Question columns: an ImportId QIDn or QIDn_m, not a text entry nor an NPS group. */
  const questionColumns = ids!.filter((_, position) =>
    /^QID\d+(?:_\d+)?$/.test(importIds[position]!.importId),
  );
  const metrics: [SurveyType, string][] = [];
  for (const type of METRIC_TYPES) {
    const id = named(type, () =>
      type === SurveyType.NPS
        ? ids!
            .filter((id) => id.endsWith(NPS_GROUP_SUFFIX))
            .map((id) => id.slice(0, -NPS_GROUP_SUFFIX.length))
        : questionColumns.filter(
            (id) =>
              !id.endsWith(NPS_GROUP_SUFFIX) &&
              !index.has(`${id}${NPS_GROUP_SUFFIX}`) &&
              QUESTION_TEXT[type]!.test(texts![index.get(id)!] ?? ''),
          ),
    );
    if (id !== undefined) metrics.push([type, id]);
  }
  const comment = named('comment', () =>
    ids!.filter((_, position) => /^QID\d+_TEXT$/.test(importIds[position]!.importId)),
  );
  for (const id of ['ResponseId', 'RecordedDate', settings.customerId]) {
    if (!index.has(id))
      problems.push(
        rowProblem(
          1,
          id,
          null,
          `${EXPECTED.headerColumn}; a Qualtrics response export has ResponseId, RecordedDate and ExternalReference`,
        ),
      );
  }
  if (!metrics.length && !problems.length) {
    problems.push(
      rowProblem(
        1,
        '',
        null,
        'an NPS, CSAT or CES question: an NPS question has a <id>_NPS_GROUP column; name the others as questions.csat or questions.ces in the settings',
      ),
    );
  }
  const zone = settings.timeZone ?? importIds[index.get('RecordedDate') ?? -1]?.timeZone;
  if (!problems.length && !zone) {
    const expected =
      'the ImportId JSON of RecordedDate with its timeZone, e.g. {"ImportId":"recordedDate","timeZone":"America/Denver"} (or timeZone in the settings)';
    problems.push(rowProblem(at, 'RecordedDate', importCells![index.get('RecordedDate')!], expected));
  } else if (zone && !validZone(zone)) {
    problems.push(rowProblem(at, 'RecordedDate', zone, 'an IANA time zone such as America/Denver'));
  }
  if (problems.length) return problems;
  const embedded = (setting: string | undefined, name: string) =>
    setting !== undefined ? column(setting) : ids!.find((id) => id.toLowerCase() === name);
  return {
    index,
    metrics,
    comment,
    channel: embedded(settings.channel, 'channel'),
    touchpoint: embedded(settings.touchpoint, 'touchpoint'),
    zone: zone!,
  };
}

function importIdOf(cell: string): { importId: string; timeZone?: string } {
  if (!cell.startsWith('{')) return { importId: '' };
  try {
    const parsed = JSON.parse(cell) as { ImportId?: unknown; timeZone?: unknown };
    return {
      importId: typeof parsed.ImportId === 'string' ? parsed.ImportId : '',
      ...(typeof parsed.timeZone === 'string' && { timeZone: parsed.timeZone }),
    };
  } catch {
    return { importId: '' };
  }
}

/** Qualtrics writes Z for UTC; anything else must be an IANA name the runtime knows. */
function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone === 'Z' ? 'UTC' : zone });
    return true;
  } catch {
    return false;
  }
}

function* responses(
  at: { row: number; line: number },
  record: string[],
  layout: Layout,
  settings: QualtricsSettings,
): Generator<NumberedRow> {
  const cell = (id: string | undefined) =>
    id === undefined ? '' : (record[layout.index.get(id) ?? -1] ?? '');
  const place = at.line === at.row ? { row: at.row } : at;
  const skip = (reason: string): NumberedRow => ({ ...place, values: {}, skipped: reason });
  if (UNFINISHED.test(cell('Finished'))) {
    yield skip(QUALTRICS_SKIPPED.unfinished);
    return;
  }
  if (NOT_REAL_STATUS.test(cell('Status'))) {
    yield skip(QUALTRICS_SKIPPED.notReal);
    return;
  }
  const answered = layout.metrics.filter(([, id]) => cell(id) !== '');
  if (!answered.length) {
    yield skip(QUALTRICS_SKIPPED.unanswered);
    return;
  }

  let customer = cell(settings.customerId);
  let byEmail = false;
  if (customer === '' && settings.matchByEmail && cell(settings.email) !== '') {
    customer = cell(settings.email);
    byEmail = true;
  }
  if (customer === '') {
    yield skip(QUALTRICS_SKIPPED.anonymous(settings));
    return;
  }

  const recorded = cell('RecordedDate');
  const zone = layout.zone === 'Z' ? 'UTC' : layout.zone;
  // Written in the export's time zone without an offset; an unreadable date goes on as written, to be reported.
  const respondedAt = zonedTimeToUtc(recorded, zone)?.toISOString() ?? recorded;
  const channel = cell(layout.channel);
  const touchpoint = layout.touchpoint ? cell(layout.touchpoint) : cell('DistributionChannel');
  const responseId = cell('ResponseId');
  for (const [position, [type, id]] of answered.entries()) {
    const values: RawRow = {
      response_id: responseId === '' ? '' : `${responseId}${ID_SUFFIX[type]}`,
      customer_id: customer,
      type,
      score: cell(id),
      comment: position === 0 ? cell(layout.comment) : '',
      channel: channel === '' ? '' : (lookup(settings.channels, channel) ?? channel.toLowerCase()),
      touchpoint,
      responded_at: respondedAt,
    };
    const rowLabels = { score: id, ...(byEmail && { customer_id: settings.email }) };
    yield { ...place, values, labels: rowLabels, ...(byEmail && { customerByEmail: true as const }) };
  }
}
