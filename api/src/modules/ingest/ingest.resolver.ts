import { Arg, Ctx, Extensions, Mutation, Resolver } from 'type-graphql';
import { OWN_DATA_VERSION_EXTENSION } from '../cache/data-version.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { userInputError } from '../../graphql/user-input-error.js';
import { AgentRowInput } from './dto/agent-row.input.js';
import { ContactRowInput } from './dto/contact-row.input.js';
import { CustomerRowInput } from './dto/customer-row.input.js';
import { IngestResult } from './dto/ingest-result.type.js';
import { SelfServiceSessionRowInput } from './dto/self-service-session-row.input.js';
import { SurveyResponseRowInput } from './dto/survey-response-row.input.js';
import { IngestApply } from './dto/ingest-apply.js';
import { IngestQueue } from './ingest-queue.js';
import { IngestService } from './ingest.service.js';
import type { NumberedRow, RawRow, RecordKind } from './record-kind.js';
import { problemMessage } from './row-problem.js';

/** Most rows one mutation takes; larger loads belong in several calls or a file import. */
export const MAX_INGEST_ROWS = 5_000;

const APPLY_DESCRIPTION =
  'NOW (the default): written before the answer. BACKGROUND: acknowledged once stored durably, applied by the ingest worker (for systems that stream).';

const ROWS_DESCRIPTION = `The rows, at most ${MAX_INGEST_ROWS.toLocaleString('en')}, upserted by id as one transaction.`;

/**
 * Push ingestion for other systems. Each mutation runs the rows through the same validation and upsert
 * as `cx import`: all rows are written or, if any is invalid, none, and every problem is reported in
 * the words of the CLI but naming the input field.
 */
@Resolver()
export class IngestResolver {
  @Extensions({ [OWN_DATA_VERSION_EXTENSION]: true })
  @Mutation(() => IngestResult, { description: 'Creates or updates customers, keyed by customerId.' })
  ingestCustomers(
    @Arg('rows', () => [CustomerRowInput], { description: ROWS_DESCRIPTION }) rows: CustomerRowInput[],
    @Ctx() ctx: GraphQLContext,
    @Arg('apply', () => IngestApply, { defaultValue: IngestApply.NOW, description: APPLY_DESCRIPTION })
    apply: IngestApply = IngestApply.NOW,
  ): Promise<IngestResult> {
    return ingest(ctx, 'customers', rows, apply);
  }

  @Extensions({ [OWN_DATA_VERSION_EXTENSION]: true })
  @Mutation(() => IngestResult, {
    description: 'Creates or updates survey responses, keyed by responseId; their customers must exist.',
  })
  ingestSurveyResponses(
    @Arg('rows', () => [SurveyResponseRowInput], { description: ROWS_DESCRIPTION })
    rows: SurveyResponseRowInput[],
    @Ctx() ctx: GraphQLContext,
    @Arg('apply', () => IngestApply, { defaultValue: IngestApply.NOW, description: APPLY_DESCRIPTION })
    apply: IngestApply = IngestApply.NOW,
  ): Promise<IngestResult> {
    return ingest(ctx, 'surveys', rows, apply);
  }

  @Extensions({ [OWN_DATA_VERSION_EXTENSION]: true })
  @Mutation(() => IngestResult, {
    description: 'Creates or updates assisted contacts, keyed by contactId; their customers must exist.',
  })
  ingestContacts(
    @Arg('rows', () => [ContactRowInput], { description: ROWS_DESCRIPTION }) rows: ContactRowInput[],
    @Ctx() ctx: GraphQLContext,
    @Arg('apply', () => IngestApply, { defaultValue: IngestApply.NOW, description: APPLY_DESCRIPTION })
    apply: IngestApply = IngestApply.NOW,
  ): Promise<IngestResult> {
    return ingest(ctx, 'contacts', rows, apply);
  }

  @Extensions({ [OWN_DATA_VERSION_EXTENSION]: true })
  @Mutation(() => IngestResult, {
    description: 'Creates or updates self-service sessions, keyed by sessionId; their customers must exist.',
  })
  ingestSelfServiceSessions(
    @Arg('rows', () => [SelfServiceSessionRowInput], { description: ROWS_DESCRIPTION })
    rows: SelfServiceSessionRowInput[],
    @Ctx() ctx: GraphQLContext,
    @Arg('apply', () => IngestApply, { defaultValue: IngestApply.NOW, description: APPLY_DESCRIPTION })
    apply: IngestApply = IngestApply.NOW,
  ): Promise<IngestResult> {
    return ingest(ctx, 'selfservice', rows, apply);
  }

  @Mutation(() => IngestResult, {
    description:
      'Creates or updates contact-center agents, keyed by agentId. Optional: contacts may name agents never imported.',
  })
  ingestAgents(
    @Arg('rows', () => [AgentRowInput], { description: ROWS_DESCRIPTION }) rows: AgentRowInput[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<IngestResult> {
    // Agents are reference data, imported now and then: never streamed through the background queue.
    return ingest(ctx, 'agents', rows, IngestApply.NOW);
  }
}

async function ingest(
  ctx: GraphQLContext,
  kind: RecordKind,
  rows: object[],
  apply: IngestApply,
): Promise<IngestResult> {
  if (rows.length > MAX_INGEST_ROWS) {
    throw userInputError(
      'rows',
      `${rows.length} rows`,
      `at most ${MAX_INGEST_ROWS} rows per call (split larger loads)`,
    );
  }
  const numbered: NumberedRow[] = rows.map((input, index) => ({ row: index + 1, values: asRawRow(input) }));
  const summary =
    apply === IngestApply.BACKGROUND
      ? await new IngestQueue(ctx.em, ctx.ingestQueue).enqueue(kind, numbered, 'graphql')
      : await new IngestService(ctx.em).importRows(kind, numbered, { source: 'graphql' });
  const queued = 'batchId' in summary && summary.batchId !== null;
  return {
    inserted: 'inserted' in summary ? summary.inserted : 0,
    updated: 'updated' in summary ? summary.updated : 0,
    unchanged: 'unchanged' in summary ? summary.unchanged : 0,
    queued: queued ? summary.rowsRead : 0,
    batchId: queued ? String(summary.batchId) : null,
    problemCount: summary.problemCount,
    problems: summary.problems.map(({ row, column, value, expected }) => {
      const field = camelCase(column);
      return {
        row,
        field,
        value,
        expected,
        message: problemMessage({ row, column: field, value, expected }, 'field'),
      };
    }),
  };
}

/**
 * An input row as the import pipeline reads it: input fields are the canonical columns in camelCase; enum
 * values arrive already as import values.
 */
export function asRawRow(input: object): RawRow {
  const row: RawRow = {};
  for (const [field, value] of Object.entries(input)) {
    // A list (an agent's channels) arrives as the file's `;`-separated text.
    row[snakeCase(field)] = Array.isArray(value) ? value.join(';') : (value as RawRow[string]);
  }
  return row;
}

/** Column names by field name: the same few dozen fields arrive in every row of every batch. */
const columnNames = new Map<string, string>();

function snakeCase(name: string): string {
  let column = columnNames.get(name);
  if (column === undefined) {
    column = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    // Field names are the schema's (unknown ones fail coercion), so the map stays small.
    columnNames.set(name, column);
  }
  return column;
}

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
