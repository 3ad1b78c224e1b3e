import { SCORE_RANGE, type SurveyType } from '../surveys/survey-type.js';
import type { RowAt, RowProblem } from './record-kind.js';

export const MAX_ID_LENGTH = 255;
export const MIN_BIRTH_YEAR = 1900;
/** PostgreSQL `int` columns hold at most this; larger counts would fail at insert instead of validation. */
export const MAX_INTEGER = 2_147_483_647;

const ARTICLE: Record<SurveyType, string> = { nps: 'an', csat: 'a', ces: 'a' };

/**
 * Every "expected …" phrase of a problem message, written once: the CLI, the GraphQL mutations and the
 * tests all read them from here.
 */
export const EXPECTED = {
  id: `a non-empty id of at most ${MAX_ID_LENGTH} characters, without leading or trailing spaces or NUL characters`,
  text: 'text without NUL characters',
  boolean: 'true or false',
  timestamp:
    'an ISO 8601 timestamp such as 2026-03-01T09:30:00Z or 2026-03-01T12:30:00+03:00 (UTC when no offset), ' +
    'or a date such as 2026-03-01',
  count: `a whole number from 0 to ${MAX_INTEGER}`,
  amount: 'a number of 0 or more, such as 12.50',
  oneOf: (values: readonly string[]) => `one of ${values.join(', ')}`,
  year: (max: number) => `a year from ${MIN_BIRTH_YEAR} to ${max}`,
  score: (type: SurveyType | undefined) => {
    if (!type) return `an integer from ${SCORE_RANGE.nps.min} to ${SCORE_RANGE.nps.max}`;
    const { min, max } = SCORE_RANGE[type];
    return `an integer from ${min} to ${max} for ${ARTICLE[type]} ${type} response`;
  },
  existingCustomer: 'the id of an existing customer',
  existingCustomerEmail: 'the e-mail of an existing customer (the file has no CRM id for this row)',
  oneCustomerEmail: (count: number) =>
    `an e-mail that names one customer (${count} customers have it: give the row its CRM id)`,
  channelList: (values: readonly string[]) => `channels separated by ; (each one of ${values.join(', ')})`,
  existingContact: 'the id of an existing contact (import contacts before the surveys about them)',
  contactOfCustomer: (customerId: string, contactCustomerId: string) =>
    `a contact of customer ${JSON.stringify(customerId)}, the response's customer_id ` +
    `(this contact belongs to customer ${JSON.stringify(contactCustomerId)})`,
  notBeforeSignup: 'a timestamp not before signup_date',
  fcrNeedsResolution: 'false or empty when resolved is false',
  valueNeedsType: 'empty when recompense_type is empty',
  escalatedOnly: 'empty unless outcome is escalated',
  knownColumn: (columns: readonly string[]) => `one of the columns ${columns.join(', ')}`,
  headerColumn: 'a column of the header row (it is required)',
  columnOnce: 'each column once in the header row',
  scalar: 'a single value (text, number, true, false or null), not an object or array',
  jsonObject: 'a JSON object with the columns as keys',
  jsonDepth: (max: number) => `JSON nested at most ${max} levels deep`,
  valuesPerLine: (count: number) => `${count} values, one per header column`,
  csvSyntax: {
    CSV_INVALID_CLOSING_QUOTE:
      'a delimiter or line end after a closing quote (write "" for a quote inside quotes)',
    CSV_QUOTE_NOT_CLOSED: 'a closing quote before the end of the file',
    CSV_MAX_RECORD_SIZE: 'a record of at most 1,000,000 characters (is a quote left open?)',
  } as Record<string, string>,
  wellFormedCsv: 'well-formed CSV',
  utf8: 'text encoded as UTF-8 (export or save the file as UTF-8)',
};

/** Longest value a problem repeats back; a runaway quoted field must not flood the report. */
const MAX_VALUE_SHOWN = 200;

/** How a problem names where it is: `column` for files, `field` for the GraphQL mutations. */
export type ProblemLocation = 'column' | 'field';

export function problemMessage(
  problem: Pick<RowProblem, 'row' | 'line' | 'column' | 'value' | 'expected'>,
  location: ProblemLocation = 'column',
): string {
  const row =
    problem.line !== undefined && problem.line !== problem.row
      ? `row ${problem.row} (line ${problem.line})`
      : `row ${problem.row}`;
  const where = problem.column ? `${row}, ${location} ${problem.column}` : row;
  const got = problem.value === null ? 'nothing' : JSON.stringify(problem.value);
  return `${where}: got ${got}, expected ${problem.expected}`;
}

/** A problem at a row (a number, or a row with the physical line where it starts). */
export function rowProblem(at: RowAt, column: string, value: unknown, expected: string): RowProblem {
  const { row, line } = typeof at === 'number' ? { row: at, line: undefined } : at;
  const problem: Omit<RowProblem, 'message'> = { row, column, value: shownValue(value), expected };
  if (line !== undefined && line !== row) problem.line = line;
  return { ...problem, message: problemMessage(problem) };
}

function shownValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'string' ? value : jsonText(value);
  return text.length > MAX_VALUE_SHOWN ? `${text.slice(0, MAX_VALUE_SHOWN - 1)}…` : text;
}

/** A value as JSON, or its kind when it cannot be written (a cycle; nesting too deep to walk). */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? '[…]' : '{…}';
  }
}

/** `problem` with its column named as the source file names it (`labels`: column → the file's header). */
export function labelProblem(problem: RowProblem, labels: Record<string, string>): RowProblem {
  if (!Object.hasOwn(labels, problem.column)) return problem;
  const column = labels[problem.column]!;
  const labelled = { ...problem, column };
  return { ...labelled, message: problemMessage(labelled) };
}
