import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getVariableValues,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { dashboardMix } from '../k6/lib/dashboard-mix.js';
import { ANALYST_OPERATIONS, BI_OPERATIONS, INGEST_OPERATIONS } from '../k6/lib/operations.js';

/*
 * k6 cannot run here: this checks what the scenarios send instead. Every operation they name must be in
 * schema/operations and valid against schema/schema.graphql, and the dashboard mix's variables must be
 * accepted by its operations, so that a schema change cannot leave the load tests behind.
 */

const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));
const schema = buildSchema(readFileSync(`${SCHEMA_DIR}schema.graphql`, 'utf8'));

function operation(name: string): { document: DocumentNode; definition: OperationDefinitionNode } {
  const document = parse(readFileSync(`${SCHEMA_DIR}operations/${name}.graphql`, 'utf8'));
  const definition = document.definitions.find(
    (node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION,
  );
  if (!definition) throw new Error(`${name}.graphql holds no operation`);
  return { document, definition };
}

const mix = dashboardMix('2026-10-31');
const named = [
  ...new Set([
    ...mix.map((call) => call.operation),
    ...ANALYST_OPERATIONS,
    ...BI_OPERATIONS,
    ...INGEST_OPERATIONS,
  ]),
];

describe('the operations the k6 scenarios send', () => {
  it.each(named)('%s is valid against the schema', (name) => {
    const { document, definition } = operation(name);
    expect(validate(schema, document)).toEqual([]);
    expect(definition.name?.value).toBe(name);
  });

  it.each(mix.map((call, index) => ({ ...call, index })))(
    'dashboard mix call $index ($operation) has variables its operation accepts',
    ({ operation: name, variables }) => {
      const { definition } = operation(name);
      const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
      expect(coerced.errors).toBeUndefined();
    },
  );

  it('the dashboard mix covers every page with a load', () => {
    expect(new Set(mix.map((call) => call.operation))).toContain('Overview');
    expect(mix.length).toBeGreaterThan(10);
  });
});
