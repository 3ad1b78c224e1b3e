import { registerEnumType } from 'type-graphql';

/** The four canonical import kinds (docs/importing.md); the values are their names on the command line. */
export enum ImportKind {
  CUSTOMERS = 'customers',
  SURVEYS = 'surveys',
  CONTACTS = 'contacts',
  SELFSERVICE = 'selfservice',
  AGENTS = 'agents',
}

registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'Which canonical record kind an import wrote.',
  valuesConfig: {
    CUSTOMERS: { description: 'Customers from the CRM.' },
    SURVEYS: { description: 'Survey responses (NPS, CSAT, CES).' },
    CONTACTS: { description: 'Assisted contact-center contacts.' },
    SELFSERVICE: { description: 'Self-service sessions.' },
    AGENTS: { description: 'Contact-center agents (names, teams, channels).' },
  },
});

export type RecordKind = `${ImportKind}`;
export const RECORD_KINDS = Object.values(ImportKind) as RecordKind[];

/** One input row keyed by canonical snake_case column names, as read from CSV/NDJSON or generated. */
export type RawRow = Record<string, string | number | boolean | null | undefined>;

/**
 * A row with the number a user sees for it: its record number in the file (the row a spreadsheet shows,
 * the header rows included), and the physical line where it starts when that differs (a quoted value
 * spanning lines before it).
 */
export interface NumberedRow {
  row: number;
  /** The physical line where the record starts, when it is not `row`. */
  line?: number;
  values: RawRow;
  /**
   * Problems a reader found before validation (a bad CSV header, a malformed line, a nested JSON value).
   * Such an entry is reported as is, never validated or written.
   */
  problems?: RowProblem[];
  /** Marks the entry that reports a CSV header's problems: it is not a record, so not counted as read. */
  header?: true;
  /**
   * Why a vendor reader leaves this record out (an unfinished response, a deleted ticket…): it is counted
   * under this reason, never validated or written.
   */
  skipped?: string;
  /** The file's own names of canonical columns for this row (e.g. the question a score came from). */
  labels?: Record<string, string>;
  /** customer_id holds the customer's e-mail (a vendor file without the CRM id): matched on customers.email. */
  customerByEmail?: true;
}

/** Where a row is, as a problem names it. */
export type RowAt = number | Pick<NumberedRow, 'row' | 'line'>;

/** One validation problem, reported as `row N, column C: got "V", expected …`. */
export interface RowProblem {
  row: number;
  /** The physical line where the record starts, when it is not `row`. */
  line?: number;
  /** A problem of the file as a whole (its header): with --skip-invalid it still refuses the file. */
  header?: true;
  /** Canonical column name; empty when the problem is about the whole row (e.g. wrong number of values). */
  column: string;
  /** The offending value as given; null when the cell was empty or missing. */
  value: string | null;
  expected: string;
  message: string;
}

export interface ImportSummary {
  kind: RecordKind;
  rowsRead: number;
  inserted: number;
  updated: number;
  /** Rows whose id existed with identical values: nothing was written for them. */
  unchanged: number;
  /** The first problems found (at most 50); problemCount has the total. */
  problems: RowProblem[];
  problemCount: number;
  dryRun: boolean;
  /** True when the rows were written; false for a dry run or a rejected input. */
  committed: boolean;
  /** Records a vendor reader left out, counted by reason (unfinished responses, deleted tickets…). */
  skipped: Record<string, number>;
  /**
   * With skipInvalid: the rows refused, each with its problems' messages, in row order (the rest was
   * imported). Empty otherwise.
   */
  rejected: RejectedRow[];
  durationMs: number;
}

/** A row refused by an import that skips invalid rows, with why. */
export interface RejectedRow {
  row: number;
  messages: string[];
}
