import { z } from 'zod';
import { Channel } from '../contacts/channel.js';
import { SurveyType } from '../surveys/survey-type.js';
import { parseTimestamp } from './parse-timestamp.js';
import { EXPECTED, MAX_ID_LENGTH, MAX_INTEGER, MIN_BIRTH_YEAR } from './row-problem.js';

/** A row after normalisation: every canonical column present, empty or missing cells as null. */
export type CellRow = Record<string, string | null>;

/** What a column expects; a function when the phrase depends on another cell (the score on the type). */
export type Expected = string | ((row: CellRow) => string);

/** What `Column.read` returns for a cell its schema rejects. */
export const REJECTED: unique symbol = Symbol('rejected');

/**
 * How one column is read from text: the zod schema, the phrase every failure of it reports, and `read`,
 * the same reading without zod for the rows that pass (most of a large file). zod is the one source of
 * the problems: a row `read` rejects is validated again by the schema, which says what is wrong, so
 * `read` must accept exactly what the schema accepts and return the same value (a property test holds
 * them to it).
 */
export interface Column<T = unknown> {
  schema: z.ZodType<T>;
  read: (cell: string | null) => T | typeof REJECTED;
  /** `read` of a cell that is not empty: what a row's reading calls, one function deep per cell. */
  readText: (text: string) => T | typeof REJECTED;
  expected: Expected;
  required: boolean;
}

const CHANNELS: readonly string[] = Object.values(Channel);
const INTEGER = /^[+-]?\d{1,15}$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function required<T>(
  schema: z.ZodType<T, string>,
  readText: (text: string) => T | typeof REJECTED,
  expected: Expected,
): Column<T> {
  return {
    schema,
    read: (cell) => (cell === null ? REJECTED : readText(cell)),
    readText,
    expected,
    required: true,
  };
}

/** The same column where an empty cell is allowed and stored as null. */
export function optional<T>(column: Column<T>): Column<T | null> {
  const { readText } = column;
  return {
    ...column,
    schema: column.schema.nullable(),
    read: (cell) => (cell === null ? null : readText(cell)),
    required: false,
  };
}

/** A text column whose cells `valid` accepts as they are. */
function checked(valid: (text: string) => boolean, expected: Expected): Column<string> {
  return required(z.string().refine(valid), (text) => (valid(text) ? text : REJECTED), expected);
}

/**
 * A column read by one function that returns undefined for text it rejects. One transform per cell
 * rather than a chain of zod refinements and pipes: each link allocates per cell, and the cells of a
 * million-row import add up to a large share of its time.
 */
function parsed<T>(parse: (text: string) => T | undefined, expected: Expected): Column<T> {
  return required<T>(
    z.string().transform((text, ctx) => {
      const value = parse(text);
      if (value !== undefined) return value;
      // The message is not shown: every failure of a column reports the column's expected phrase.
      ctx.issues.push({ code: 'custom', message: 'rejected', input: text });
      return z.NEVER;
    }),
    (text) => {
      const value = parse(text);
      return value === undefined ? REJECTED : value;
    },
    expected,
  );
}

function oneOf<E extends Record<string, string>>(values: E): Column<E[keyof E]> {
  const allowed = new Set<string>(Object.values(values));
  return required(
    z.enum(values),
    (text) => (allowed.has(text) ? (text as E[keyof E]) : REJECTED),
    EXPECTED.oneOf(Object.values(values)),
  );
}

function integerIn(min: number, max: () => number) {
  return (text: string) => {
    if (!INTEGER.test(text)) return undefined;
    const value = Number(text);
    return value >= min && value <= max() ? value : undefined;
  };
}

function currentYear(): number {
  return new Date().getUTCFullYear();
}

function asSurveyType(value: string | null | undefined): SurveyType | undefined {
  return Object.values(SurveyType).includes(value as SurveyType) ? (value as SurveyType) : undefined;
}

export const cell = {
  id: () =>
    checked(
      (id) => id.length > 0 && id.length <= MAX_ID_LENGTH && id.trim() === id && !id.includes('\0'),
      EXPECTED.id,
    ),
  // PostgreSQL text cannot hold NUL, and SQLite would: refusing it keeps both databases alike.
  text: () => checked((text) => !text.includes('\0'), EXPECTED.text),
  boolean: () =>
    parsed((text) => (text === 'true' ? true : text === 'false' ? false : undefined), EXPECTED.boolean),
  count: () =>
    parsed(
      integerIn(0, () => MAX_INTEGER),
      EXPECTED.count,
    ),
  amount: () =>
    parsed((text) => {
      const value = DECIMAL.test(text) ? Number(text) : NaN;
      return Number.isFinite(value) && value >= 0 ? value : undefined;
    }, EXPECTED.amount),
  birthYear: () => parsed(integerIn(MIN_BIRTH_YEAR, currentYear), () => EXPECTED.year(currentYear())),
  /** Any integer: the range depends on the survey type and is checked by the surveys row rule. */
  score: () =>
    parsed(
      integerIn(-Infinity, () => Infinity),
      (row) => EXPECTED.score(asSurveyType(row.type)),
    ),
  oneOf,
  timestamp: () => parsed(parseTimestamp, EXPECTED.timestamp),
  /** `;`-separated channels, stored without duplicates in the order given (`phone; chat` → `phone;chat`). */
  channelList: () =>
    parsed((text) => {
      const names = text.split(';').map((name) => name.trim());
      if (!names.every((name) => CHANNELS.includes(name))) return undefined;
      return [...new Set(names)].join(';');
    }, EXPECTED.channelList(CHANNELS)),
};
