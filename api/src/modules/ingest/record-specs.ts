import { z } from 'zod';
import { Channel } from '../contacts/channel.js';
import { generationOf } from '../customers/generation.js';
import { Tier } from '../customers/tier.js';
import { SelfServiceEntry, SelfServiceOutcome } from '../selfservice/entry.js';
import { SCORE_RANGE, SurveyType } from '../surveys/survey-type.js';
import { cell, optional, type Column } from './cells.js';
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
  /** The canonical columns, in the order of docs/importing.md. */
  columns: Record<string, Column>;
  columnNames: string[];
  schema: z.ZodType<ValidRecord>;
  /** Database columns written besides external_id, created_at and updated_at. */
  writtenColumns: string[];
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
function rowRule<T extends Record<string, unknown>>(
  reads: (keyof T & string)[],
  check: (row: T, report: (column: keyof T & string, expected: string) => void) => void,
) {
  return z.superRefine<T>(
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
  birth_year: cell.birthYear(),
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

function spec(
  table: string,
  idColumn: string,
  columns: Record<string, Column>,
  schema: z.ZodType<ValidRecord>,
  derivedColumns: string[] = [],
): RecordSpec {
  return {
    table,
    idColumn,
    referencesCustomer: idColumn !== 'customer_id',
    columns,
    columnNames: Object.keys(columns),
    schema,
    writtenColumns: [...Object.keys(columns).filter((name) => name !== idColumn), ...derivedColumns],
  };
}

export const RECORD_SPECS: Record<RecordKind, RecordSpec> = {
  customers: spec(
    'customers',
    'customer_id',
    customerColumns,
    z
      .object(shape(customerColumns))
      .check(
        rowRule<CustomerRow>(['signup_date', 'churned_at'], (row, report) => {
          if (row.churned_at && row.churned_at < row.signup_date)
            report('churned_at', EXPECTED.notBeforeSignup);
        }),
      )
      .transform((row) => ({ ...row, generation: generationOf(row.birth_year) })),
    ['generation'],
  ),
  surveys: spec(
    'survey_responses',
    'response_id',
    surveyColumns,
    z.object(shape(surveyColumns)).check(
      rowRule<SurveyRow>(['type', 'score'], (row, report) => {
        const { min, max } = SCORE_RANGE[row.type];
        if (row.score < min || row.score > max) report('score', EXPECTED.score(row.type));
      }),
    ),
  ),
  contacts: spec(
    'contacts',
    'contact_id',
    contactColumns,
    z.object(shape(contactColumns)).check(
      rowRule<ContactRow>(['resolved', 'first_contact_resolution'], (row, report) => {
        if (row.first_contact_resolution === true && row.resolved === false)
          report('first_contact_resolution', EXPECTED.fcrNeedsResolution);
      }),
      rowRule<ContactRow>(['recompense_type', 'recompense_value'], (row, report) => {
        if (row.recompense_value !== null && row.recompense_type === null)
          report('recompense_value', EXPECTED.valueNeedsType);
      }),
    ),
  ),
  selfservice: spec(
    'self_service_sessions',
    'session_id',
    selfServiceColumns,
    z.object(shape(selfServiceColumns)).check(
      rowRule<SelfServiceRow>(['outcome', 'escalated_contact_id'], (row, report) => {
        if (row.escalated_contact_id !== null && row.outcome !== SelfServiceOutcome.ESCALATED)
          report('escalated_contact_id', EXPECTED.escalatedOnly);
      }),
    ),
  ),
};
