import { z } from 'zod';
import { Channel } from '../contacts/channel.js';
import { generationOf } from '../customers/generation.js';
import { Tier } from '../customers/tier.js';
import { SelfServiceEntry, SelfServiceOutcome } from '../selfservice/entry.js';
import { SCORE_RANGE, SurveyType } from '../surveys/survey-type.js';
import { cell, optional, REJECTED, type CellRow, type Column } from './cells.js';
import type { RecordKind } from './record-kind.js';
import { EXPECTED } from './row-problem.js';

/** A validated row: values ready to bind, keyed by database column (customer_id still the external id). */
export type ValidRecord = Record<string, unknown>;

/** Everything the pipeline knows about one import kind. */
export interface RecordSpec {
  table: string;
  /** The column holding the record's own id; it is stored as external_id. */
  idColumn: string;
  /** Whether customer_id names a customer that must already exist (every kind but customers). */
  referencesCustomer: boolean;
  /** Whether contact_id names a contact that must exist and belong to the row's customer (surveys). */
  referencesContact: boolean;
  /** The canonical columns, in the order of docs/importing.md. */
  columns: Record<string, Column>;
  columnNames: string[];
  /** The same names, to tell a row's unknown keys from its columns. */
  columnSet: ReadonlySet<string>;
  /**
   * Every column null, in column order: a row's cells and record start as a copy of it, which takes one
   * allocation of their final shape rather than one per column added.
   */
  blankCells: Readonly<CellRow>;
  /** Validates a row of cells (every canonical column, empty ones null): zod, which names each problem. */
  schema: z.ZodType<ValidRecord>;
  /**
   * The same validation without zod, for the rows that pass: the record the schema returns, or undefined
   * for a row the schema rejects (validate it with the schema then, for its problems).
   */
  read: (cells: CellRow) => ValidRecord | undefined;
  /** Database columns written besides external_id, created_at and updated_at. */
  writtenColumns: string[];
  /** Written columns computed from a canonical one (generation from birth_year): kept when it is left out. */
  derivedFrom: Record<string, string>;
}

type Shape<C extends Record<string, Column>> = { [K in keyof C]: C[K]['schema'] };

function shape<C extends Record<string, Column>>(columns: C): Shape<C> {
  return Object.fromEntries(
    Object.entries(columns).map(([name, column]) => [name, column.schema]),
  ) as Shape<C>;
}

/**
 * A rule across columns of a row. It runs only when the columns it reads parsed cleanly, so a row still
 * gets its other problems reported, and it reports its own phrase on the column it blames.
 */
interface RowRule<T> {
  reads: (keyof T & string)[];
  check: (row: T, report: (column: keyof T & string, expected: string) => void) => void;
}

function rowRule<T>(
  reads: RowRule<T>['reads'],
  check: RowRule<T>['check'],
): RowRule<Record<string, unknown>> {
  return { reads, check } as RowRule<Record<string, unknown>>;
}

/** The rule as a zod check, for the schema. */
function ruleCheck({ reads, check }: RowRule<Record<string, unknown>>) {
  return z.superRefine<Record<string, unknown>>(
    (row, ctx) =>
      check(row, (column, expected) =>
        ctx.addIssue({ code: 'custom', path: [column], message: expected, params: { expected } }),
      ),
    { when: (payload) => payload.issues.every((issue) => !reads.includes(String(issue.path?.[0]))) },
  );
}

const customerColumns = {
  customer_id: cell.id(),
  name: optional(cell.text()),
  email: optional(cell.text()),
  birth_year: optional(cell.birthYear()),
  region: optional(cell.text()),
  tier: optional(cell.oneOf(Tier)),
  lifetime_value: optional(cell.amount()),
  signup_date: cell.timestamp(),
  churned_at: optional(cell.timestamp()),
};
type CustomerRow = z.output<z.ZodObject<Shape<typeof customerColumns>>>;

const surveyColumns = {
  response_id: cell.id(),
  customer_id: cell.id(),
  type: cell.oneOf(SurveyType),
  score: cell.score(),
  comment: optional(cell.text()),
  channel: optional(cell.oneOf(Channel)),
  touchpoint: optional(cell.text()),
  responded_at: cell.timestamp(),
  contact_id: optional(cell.id()),
};
type SurveyRow = z.output<z.ZodObject<Shape<typeof surveyColumns>>>;

const contactColumns = {
  contact_id: cell.id(),
  customer_id: cell.id(),
  channel: cell.oneOf(Channel),
  reason: optional(cell.text()),
  queue: optional(cell.text()),
  agent_id: optional(cell.id()),
  started_at: cell.timestamp(),
  wait_seconds: optional(cell.count()),
  handle_seconds: optional(cell.count()),
  transfers: optional(cell.count()),
  resolved: optional(cell.boolean()),
  first_contact_resolution: optional(cell.boolean()),
  escalated: optional(cell.boolean()),
  self_service_session_id: optional(cell.id()),
  out_of_policy: optional(cell.boolean()),
  peer_approved: optional(cell.boolean()),
  approved_by: optional(cell.id()),
  apology: optional(cell.boolean()),
  recompense_type: optional(cell.text()),
  recompense_value: optional(cell.amount()),
};
type ContactRow = z.output<z.ZodObject<Shape<typeof contactColumns>>>;

const selfServiceColumns = {
  session_id: cell.id(),
  customer_id: cell.id(),
  entry: cell.oneOf(SelfServiceEntry),
  started_at: cell.timestamp(),
  steps: optional(cell.count()),
  outcome: cell.oneOf(SelfServiceOutcome),
  escalated_contact_id: optional(cell.id()),
};
type SelfServiceRow = z.output<z.ZodObject<Shape<typeof selfServiceColumns>>>;

const agentColumns = {
  agent_id: cell.id(),
  name: optional(cell.text()),
  team: optional(cell.text()),
  hired_on: optional(cell.timestamp()),
  channels: optional(cell.channelList()),
};

/**
 * The spec of a kind: its zod schema (every column's, then the row rules, then `derive`) and the same
 * validation without zod (see RecordSpec.read).
 */
function spec(
  table: string,
  idColumn: string,
  columns: Record<string, Column>,
  rules: RowRule<Record<string, unknown>>[] = [],
  derive?: { from: Record<string, string>; values: (row: ValidRecord) => ValidRecord },
): RecordSpec {
  const object = z.object(shape(columns));
  const checked = rules.length ? object.check(...rules.map(ruleCheck)) : object;
  const names = Object.keys(columns);
  const readTexts = Object.values(columns).map((column) => column.readText);
  const required = Object.values(columns).map((column) => column.required);
  const blankCells: CellRow = Object.fromEntries(names.map((name) => [name, null]));
  // What a rule reports to read(): one function for every row (read runs synchronously, row by row).
  let broken = false;
  const report = () => (broken = true);
  return {
    table,
    idColumn,
    referencesCustomer: 'customer_id' in columns && idColumn !== 'customer_id',
    referencesContact: 'contact_id' in columns && idColumn !== 'contact_id',
    columns,
    columnNames: names,
    columnSet: new Set(names),
    blankCells,
    schema: derive ? checked.transform((row) => ({ ...row, ...derive.values(row) })) : checked,
    read: (cells) => {
      // Column.read, unrolled: an empty cell stays null (the copy's value) or rejects a required column.
      const row: ValidRecord = { ...blankCells };
      for (let at = 0; at < names.length; at++) {
        const cell = cells[names[at]!]!;
        if (cell === null) {
          if (required[at]) return undefined;
          continue;
        }
        const value = readTexts[at]!(cell);
        if (value === REJECTED) return undefined;
        row[names[at]!] = value;
      }
      broken = false;
      for (const { check } of rules) check(row, report);
      if (broken) return undefined;
      return derive ? Object.assign(row, derive.values(row)) : row;
    },
    writtenColumns: [
      ...Object.keys(columns).filter((name) => name !== idColumn),
      ...Object.keys(derive?.from ?? {}),
    ],
    derivedFrom: derive?.from ?? {},
  };
}

export const RECORD_SPECS: Record<RecordKind, RecordSpec> = {
  customers: spec(
    'customers',
    'customer_id',
    customerColumns,
    [
      rowRule<CustomerRow>(['signup_date', 'churned_at'], (row, report) => {
        if (row.churned_at && row.churned_at < row.signup_date)
          report('churned_at', EXPECTED.notBeforeSignup);
      }),
    ],
    {
      from: { generation: 'birth_year' },
      values: (row) => ({ generation: generationOf(row.birth_year as number | null) }),
    },
  ),
  surveys: spec('survey_responses', 'response_id', surveyColumns, [
    rowRule<SurveyRow>(['type', 'score'], (row, report) => {
      const { min, max } = SCORE_RANGE[row.type];
      if (row.score < min || row.score > max) report('score', EXPECTED.score(row.type));
    }),
  ]),
  contacts: spec('contacts', 'contact_id', contactColumns, [
    rowRule<ContactRow>(['resolved', 'first_contact_resolution'], (row, report) => {
      if (row.first_contact_resolution === true && row.resolved === false)
        report('first_contact_resolution', EXPECTED.fcrNeedsResolution);
    }),
    rowRule<ContactRow>(['recompense_type', 'recompense_value'], (row, report) => {
      if (row.recompense_value !== null && row.recompense_type === null)
        report('recompense_value', EXPECTED.valueNeedsType);
    }),
  ]),
  selfservice: spec('self_service_sessions', 'session_id', selfServiceColumns, [
    rowRule<SelfServiceRow>(['outcome', 'escalated_contact_id'], (row, report) => {
      if (row.escalated_contact_id !== null && row.outcome !== SelfServiceOutcome.ESCALATED)
        report('escalated_contact_id', EXPECTED.escalatedOnly);
    }),
  ]),
  agents: spec('agents', 'agent_id', agentColumns),
};
