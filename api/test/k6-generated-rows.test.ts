import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getVariableValues, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.js';
import { buildCxSchema } from '../src/graphql/schema.js';
import { asRawRow } from '../src/modules/ingest/ingest.resolver.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { validateRow } from '../src/modules/ingest/validate-row.js';
import { loadContactBatch, seeded, type ContactBatch } from './support/k6-contact-rows.js';

/*
 * k6 cannot run here, so the rows its ingest scenarios push are checked where the API would check them:
 * coerced by the real schema (enum names become import values), turned into an input row the way the
 * mutation does, and validated by the import's own row validation, cross-column rules included. A
 * generator that draws first-contact resolution apart from resolution fails here, as it failed on k6.
 */

let contactBatch: ContactBatch;
let definition: OperationDefinitionNode;
let schema: Awaited<ReturnType<typeof buildCxSchema>>;

/** Every problem the API would report for these rows sent as IngestContacts' $rows. */
function problems(rows: Record<string, unknown>[]): string[] {
  const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], { rows });
  if (coerced.errors) return coerced.errors.map((error) => error.message);
  const inputs = coerced.coerced.rows as object[];
  return inputs.flatMap(
    (input, index) =>
      validateRow(RECORD_SPECS.contacts, { row: index + 1, values: asRawRow(input) }).problems?.map(
        (problem) => problem.message,
      ) ?? [],
  );
}

beforeAll(async () => {
  contactBatch = await loadContactBatch();
  schema = await buildCxSchema();
  const document = parse(
    readFileSync(join(REPO_ROOT, 'schema', 'operations', 'IngestContacts.graphql'), 'utf8'),
  );
  definition = document.definitions.find(
    (node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION,
  )!;
});

describe('the contacts the k6 ingest scenarios generate', () => {
  it('pass the import validation, batch after batch', () => {
    const random = seeded(19);
    const now = Date.parse('2026-11-30T12:00:00Z');
    // 40 batches × 500 rows: with independent draws about 0.2 × 0.7 = 14% of rows broke the FCR rule.
    for (let batch = 0; batch < 40; batch++) {
      const rows = contactBatch({ run: 'test', batch, size: 500, customers: 20000, now, random });
      expect(rows).toHaveLength(500);
      expect(problems(rows)).toEqual([]);
    }
  });

  it('keep the demo shares: 80% resolved, 70% first-contact resolved, only among the resolved', () => {
    const rows = contactBatch({
      run: 'shares',
      batch: 0,
      size: 20000,
      customers: 20000,
      now: 0,
      random: seeded(7),
    });
    const share = (test: (row: Record<string, unknown>) => boolean) => rows.filter(test).length / rows.length;
    expect(share((row) => row.resolved === true)).toBeCloseTo(0.8, 1);
    expect(share((row) => row.firstContactResolution === true)).toBeCloseTo(0.7, 1);
    expect(share((row) => row.firstContactResolution === true && row.resolved !== true)).toBe(0);
  });

  it('would report a row the API refuses (the check can fail)', () => {
    const [row] = contactBatch({ run: 'bad', batch: 0, size: 1, customers: 1, now: 0 });
    expect(problems([{ ...row, resolved: false, firstContactResolution: true }])).toEqual([
      expect.stringMatching(/^row 1, column first_contact_resolution: got "true", expected /),
    ]);
  });
});
