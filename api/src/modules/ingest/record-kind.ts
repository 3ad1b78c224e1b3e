import { registerEnumType } from 'type-graphql';

/** The four canonical import kinds (docs/importing.md); the values are their names on the command line. */
export enum ImportKind {
  CUSTOMERS = 'customers',
  SURVEYS = 'surveys',
  CONTACTS = 'contacts',
  SELFSERVICE = 'selfservice',
}

registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'Which canonical record kind an import wrote.',
  valuesConfig: {
    CUSTOMERS: { description: 'Customers from the CRM.' },
    SURVEYS: { description: 'Survey responses (NPS, CSAT, CES).' },
    CONTACTS: { description: 'Assisted contact-center contacts.' },
    SELFSERVICE: { description: 'Self-service sessions.' },
  },
});

export type RecordKind = `${ImportKind}`;
export const RECORD_KINDS = Object.values(ImportKind) as RecordKind[];

/** One input row keyed by canonical snake_case column names, as read from CSV/NDJSON or generated. */
export type RawRow = Record<string, string | number | boolean | null | undefined>;

/** A row with the number a user sees for it: the line of the file where the record starts. */
export interface NumberedRow {
  row: number;
  values: RawRow;
  /**
   * Problems a reader found before validation (a bad CSV header, a malformed line, a nested JSON value).
   * Such an entry is reported as is, never validated or written.
   */
  problems?: RowProblem[];
  /** Marks the entry that reports a CSV header's problems: it is not a record, so not counted as read. */
  header?: true;
}

/** One validation problem, reported as `row N, column C: got "V", expected …`. */
export interface RowProblem {
  row: number;
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
  durationMs: number;
}
