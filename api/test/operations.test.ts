import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.js';
import { buildCxSchema } from '../src/graphql/schema.js';
import { seedDatabase } from '../src/seed/seed.service.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';

/*
 * schema/operations holds the named operations the dashboard and the load tests send: each must stay
 * valid against the schema and answer without errors on real data.
 */
const OPERATIONS_DIR = join(REPO_ROOT, 'schema/operations');
const OPERATIONS = readdirSync(OPERATIONS_DIR)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => ({ file, source: readFileSync(join(OPERATIONS_DIR, file), 'utf8') }));

const UNTIL = new Date('2026-07-01T00:00:00Z');
const WINDOW = { from: '2026-04-01T00:00:00Z', to: UNTIL.toISOString() };

/** Variables that make each operation cover the seeded months. */
const VARIABLES: Record<string, Record<string, unknown>> = {
  CustomerHistory: { id: 'C0000001', last: 20 },
  CustomerCare: { id: 'C0000001' },
  ChurnRisk: { minScore: 0 },
  // The drill-through's customers: those who left in the window, and every scored one.
  DrillCustomers: { filter: { churnedFrom: WINDOW.from, churnedTo: WINDOW.to } },
  DrillAtRisk: {},
  RiskBySegment: { filter: WINDOW, historyFrom: WINDOW.from, historyTo: WINDOW.to },
  ContactsPage: { first: 20 },
  IngestContacts: {
    rows: [
      {
        contactId: 'X-OPERATIONS-1',
        customerId: 'C0000001',
        channel: 'PHONE',
        startedAt: '2026-06-30T09:00:00Z',
      },
    ],
  },
  OpenAlerts: { first: 20 },
  // The first alert the seed's import raised, taken round the loop by the three alert-page mutations
  // (operations run in file-name order).
  AcknowledgeAlert: { id: '1' },
  AddAlertNote: { id: '1', text: 'Left a voicemail.' },
  AssignAlert: { id: '1', owner: 'Dana Reyes' },
  RecordCustomerContact: { id: '1', note: 'Called back; apologised for the wait.' },
  ResolveAlert: { id: '1', note: null },
  // The customer page's routing forms (Clear… runs before Mark…).
  ClearLiveAgentPreference: { customerId: 'C0000001' },
  MarkLiveAgentPreference: { customerId: 'C0000001', reason: 'Asked for a person, not the bot.' },
};

describe('schema/operations', () => {
  it('holds operations', () => {
    expect(OPERATIONS.length).toBeGreaterThan(0);
  });

  it.each(OPERATIONS)(
    '$file is one named operation, named after its file, valid against the schema',
    async ({ file, source }) => {
      const document = parse(source);
      expect(validate(await buildCxSchema(), document)).toEqual([]);
      const operations = document.definitions.filter(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      );
      expect(operations.map((operation) => operation.name?.value)).toEqual([file.replace(/\.graphql$/, '')]);
    },
  );
});

describe.each(DIALECTS)('schema/operations on seeded data on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    await seedDatabase(api.database.orm, { customers: 300, months: 3, seed: 7, until: UNTIL });
    // The exception page's review form acts on an exception still pending review: the seed's first one.
    const pending = await api.graphql<{ exceptions: { nodes: { contactId: string }[] } }>(
      'query { exceptions(filter: { statuses: [PENDING] }, first: 1) { nodes { contactId } } }',
    );
    VARIABLES.ReviewException = {
      contactId: pending.data!.exceptions.nodes[0]!.contactId,
      status: 'UPHELD',
      note: 'Within what a peer may grant.',
    };
  });
  afterAll(async () => {
    await api?.close();
  });

  it.each(OPERATIONS)('$file answers without errors', async ({ file, source }) => {
    const name = file.replace(/\.graphql$/, '');
    const response = await api.graphql(source, VARIABLES[name] ?? { filter: WINDOW });
    expect(response.errors).toBeUndefined();
    const [result] = Object.values(response.data ?? {});
    expect(Array.isArray(result) ? result.length : result).toBeTruthy();
  });
});
