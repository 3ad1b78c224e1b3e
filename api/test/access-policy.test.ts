import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCxSchema } from '../src/graphql/schema.js';
import {
  AGENT_DATA_FIELDS,
  allowedRootFields,
  EXPORT_ACCESS,
  PERSONAL_DATA_FIELDS,
  PERSONAL_DATA_READERS,
  personalDataReaders,
  ROOT_FIELD_ACCESS,
  SCHEMA_READERS,
} from '../src/modules/auth/access-policy.js';
import { nestedListAccess } from '../src/graphql/enforce-access.js';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { UserService } from '../src/modules/auth/user.service.js';
import { Role } from '../src/modules/auth/role.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { makeCustomer } from './support/factories.js';
import { rootOperations } from './support/root-operations.js';

const ROLES = Object.values(Role);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCxSchema();
});

describe('the access policy', () => {
  it('has an entry for every root field of the schema, and none for a field that does not exist', () => {
    const fields = rootOperations(schema).map((operation) => operation.coordinate);
    expect(fields.filter((field) => !(field in ROOT_FIELD_ACCESS))).toEqual([]);
    expect(Object.keys(ROOT_FIELD_ACCESS).filter((field) => !fields.includes(field))).toEqual([]);
  });

  it('keeps to the intent: every role reads aggregates, only INGEST and ADMIN write, only ADMIN manages credentials', () => {
    expect(ROOT_FIELD_ACCESS['Query.metrics']).toEqual(ROLES);
    expect(ROOT_FIELD_ACCESS['Query.customer']).toEqual([
      Role.EXECUTIVE,
      Role.ANALYST,
      Role.SUPERVISOR,
      Role.BI,
      Role.ADMIN,
    ]);
    for (const [field, roles] of Object.entries(ROOT_FIELD_ACCESS)) {
      // Supervisors review exceptions: their one write.
      if (field === 'Mutation.reviewException') expect(roles).toEqual([Role.SUPERVISOR, Role.ADMIN]);
      else if (field.startsWith('Mutation.'))
        expect(roles.every((role) => role === Role.INGEST || role === Role.ADMIN)).toBe(true);
    }
    for (const field of ['Query.apiKeys', 'Query.users', 'Mutation.createApiKey', 'Mutation.createUser']) {
      expect(ROOT_FIELD_ACCESS[field]).toEqual([Role.ADMIN]);
    }
  });
});

describe('the SUPERVISOR role', () => {
  it('reads every root field ANALYST reads, writes only reviews, and exports and introspects nothing', () => {
    expect(allowedRootFields(Role.SUPERVISOR, 'Query')).toEqual(allowedRootFields(Role.ANALYST, 'Query'));
    expect(allowedRootFields(Role.SUPERVISOR, 'Mutation')).toEqual(['reviewException']);
    expect(Object.entries(EXPORT_ACCESS).filter(([, roles]) => roles.includes(Role.SUPERVISOR))).toEqual([
      ['metrics', ROLES],
    ]);
    expect(SCHEMA_READERS).not.toContain(Role.SUPERVISOR);
  });

  it("sees agents' names and review notes but none of the customers' personal data", () => {
    expect(PERSONAL_DATA_READERS).not.toContain(Role.SUPERVISOR);
    expect(AGENT_DATA_FIELDS.filter((field) => !PERSONAL_DATA_FIELDS.includes(field))).toEqual([]);
    expect(
      PERSONAL_DATA_FIELDS.filter((field) => personalDataReaders(field).includes(Role.SUPERVISOR)),
    ).toEqual([
      'Agent.name',
      'AgentScorecard.agentName',
      'SuperAgentRow.agentName',
      'PolicyException.agentName',
      'ExceptionReviewRecord.note',
      'ExceptionReviewRecord.reviewerName',
    ]);
  });
});

describe('the lists nested in other types', () => {
  it('follow the root lists of the same records: no role reads through a customer what it may not list', () => {
    const records = ['Query.surveyResponses', 'Query.contacts', 'Query.selfServiceSessions'];
    const everyRecordReader = ROOT_FIELD_ACCESS['Query.contacts']!.filter((role) =>
      records.every((list) => ROOT_FIELD_ACCESS[list]!.includes(role)),
    );
    expect(nestedListAccess(schema)).toEqual({
      'Customer.alerts': ROOT_FIELD_ACCESS['Query.alerts'],
      'Customer.contacts': ROOT_FIELD_ACCESS['Query.contacts'],
      'Customer.selfServiceSessions': ROOT_FIELD_ACCESS['Query.selfServiceSessions'],
      'Customer.surveyResponses': ROOT_FIELD_ACCESS['Query.surveyResponses'],
      // The timeline merges the three kinds: the roles that may list all three.
      'Customer.timeline': everyRecordReader,
    });
    // Machines that only write list no records, nested or not.
    expect(nestedListAccess(schema)['Customer.contacts']).not.toContain(Role.INGEST);
  });
});

describe.each(DIALECTS)('every role against every root operation on %s', (dialect) => {
  let api: TestApi;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    api = await startTestApi(dialect);
    for (const role of ROLES) tokens.set(role, await api.createKey(role));
    // A customer, so that the lists nested in a page of customers are resolved (and guarded).
    const em = api.database.orm.em.fork();
    makeCustomer(em, { externalId: 'C-POLICY' });
    await em.flush();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses a request without a credential, or with an unknown or malformed one, with 401 UNAUTHENTICATED', async () => {
    for (const authorization of [
      undefined,
      'Bearer cxk_not-a-key',
      'Bearer cxs_not-a-session',
      `Basic ${tokens.get(Role.ADMIN)}`,
    ]) {
      const response = await api.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: authorization ?? '' },
        body: JSON.stringify({ query: '{ dataVersion }' }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="CX Pulse"');
      expect(await response.json()).toEqual({
        errors: [
          {
            message: expect.stringContaining('Authentication required'),
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
    }
  });

  const cases = () =>
    rootOperations(schema).flatMap((operation) => ROLES.map((role) => ({ ...operation, role })));

  it('lets each role run exactly the root fields the policy gives it, and refuses the others with FORBIDDEN', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const { coordinate, source, role } of cases()) {
      const { data, errors } = await api.graphql(source, {}, { token: tokens.get(role)! });
      const forbidden = errors?.some((error) => error.extensions?.code === 'FORBIDDEN') ?? false;
      outcomes.push(`${role} ${coordinate}: ${forbidden ? 'forbidden' : 'allowed'}`);
      expected.push(
        `${role} ${coordinate}: ${ROOT_FIELD_ACCESS[coordinate]!.includes(role) ? 'allowed' : 'forbidden'}`,
      );
      if (forbidden) {
        expect(data?.[coordinate.split('.')[1]!] ?? null).toBeNull();
        expect(errors).toEqual([
          expect.objectContaining({
            message: `Your role (${role.toUpperCase()}) may not use ${coordinate}.`,
            extensions: { code: 'FORBIDDEN' },
          }),
        ]);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('lets each role read the lists nested in a page of customers exactly as it may read their root lists', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [coordinate, roles] of Object.entries(nestedListAccess(schema))) {
      const field = coordinate.split('.')[1]!;
      for (const role of ROOT_FIELD_ACCESS['Query.customers']!) {
        const { data, errors } = await api.graphql(
          `{ customers(first: 1) { nodes { id ${field} { __typename } } } }`,
          {},
          { token: tokens.get(role)! },
        );
        const forbidden = errors?.some((error) => error.extensions?.code === 'FORBIDDEN') ?? false;
        outcomes.push(`${role} ${coordinate}: ${forbidden ? 'forbidden' : 'allowed'}`);
        expected.push(`${role} ${coordinate}: ${roles.includes(role) ? 'allowed' : 'forbidden'}`);
        if (forbidden) {
          // The refused list is non-null in a non-null node list: the null reaches the (nullable) data.
          expect(data).toBeNull();
          expect(errors).toEqual([
            expect.objectContaining({
              message: `Your role (${role.toUpperCase()}) may not use ${coordinate}.`,
            }),
          ]);
        }
      }
    }
    expect(outcomes).toEqual(expected);
    // Executives list the rows behind a chart (personal data masked), so a customer's history as well.
    expect(outcomes).toContain('executive Customer.timeline: allowed');
  });

  it('runs nothing of a refused mutation: a non-admin cannot create a key', async () => {
    const before = (await api.graphql('{ apiKeys { id } }')).data!.apiKeys.length;
    for (const role of ROLES.filter((role) => role !== Role.ADMIN)) {
      const { errors } = await api.graphql(
        'mutation { createApiKey(name: "sneaky", role: ADMIN) { token } }',
        {},
        { token: tokens.get(role)! },
      );
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.graphql('{ apiKeys { id } }')).data!.apiKeys).toHaveLength(before);
  });
});

describe.each(DIALECTS)('agent names and review notes for every role on %s', (dialect) => {
  let api: TestApi;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    api = await startTestApi(dialect);
    for (const role of ROLES) tokens.set(role, await api.createKey(role));
    const ingest = (kind: 'customers' | 'agents' | 'contacts', values: Record<string, unknown>) =>
      new IngestService(api.database.orm.em.fork()).importRows(kind, [{ row: 2, values: values as never }]);
    await ingest('customers', {
      customer_id: 'C1',
      name: 'Cy Customer',
      birth_year: 1980,
      signup_date: '2025-01-01',
    });
    await ingest('agents', { agent_id: 'A1', name: 'Ada Agent', team: 'red' });
    await ingest('agents', { agent_id: 'A2', name: 'Bo Peer', team: 'blue' });
    // An out-of-policy contact after self-service: it shows in every agent view.
    await ingest('contacts', {
      contact_id: 'K1',
      customer_id: 'C1',
      channel: 'phone',
      agent_id: 'A1',
      started_at: '2026-02-01T10:00:00Z',
      self_service_session_id: 'S1',
      resolved: true,
      out_of_policy: true,
      peer_approved: true,
      approved_by: 'A2',
    });
    const reviewed = await api.graphql(
      'mutation { reviewException(contactId: "K1", status: UPHELD, note: "Mrs C1 was told so") { reviewStatus } }',
    );
    expect(reviewed.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Each new personal-data field, the root field it is read through, and how to reach it. */
  const READS = [
    // A customer's own personal data, beside the agents': supervisors read the agents' only.
    {
      field: 'Customer.name',
      root: 'Query.customer',
      query: '{ customer(id: "C1") { name } }',
      value: 'Cy Customer',
    },
    { field: 'Agent.name', root: 'Query.agents', query: '{ agents { nodes { name } } }', value: 'Ada Agent' },
    {
      field: 'AgentScorecard.agentName',
      root: 'Query.agentScorecards',
      query: '{ agentScorecards { agentName } }',
      value: 'Ada Agent',
    },
    {
      field: 'SuperAgentRow.agentName',
      root: 'Query.superAgents',
      query: '{ superAgents(minSample: 1) { rows { agentName } } }',
      value: 'Ada Agent',
    },
    {
      field: 'PolicyException.agentName',
      root: 'Query.exceptions',
      query: '{ exceptions { nodes { agentName } } }',
      value: 'Ada Agent',
    },
    // The exceptions name the deciding agent and the approving peer as Agent objects.
    {
      field: 'Agent.name',
      root: 'Query.exceptions',
      query: '{ exceptions { nodes { agent { name } } } }',
      value: 'Ada Agent',
    },
    {
      field: 'Agent.name',
      root: 'Query.exceptions',
      query: '{ exceptions { nodes { approvedBy approver { name } } } }',
      value: 'Bo Peer',
    },
    {
      field: 'ExceptionReviewRecord.note',
      root: 'Query.exceptions',
      query: '{ exceptions { nodes { review { note } } } }',
      value: 'Mrs C1 was told so',
    },
    {
      field: 'ExceptionReviewRecord.reviewerName',
      root: 'Query.exceptions',
      query: '{ exceptions { nodes { review { reviewerName } } } }',
      value: 'test admin',
    },
    // The customer history names the agent and the approving peer of each contact.
    {
      field: 'Agent.name',
      root: 'Query.customer',
      query: '{ customer(id: "C1") { contacts { agentId agent { name } } } }',
      value: 'Ada Agent',
    },
    {
      field: 'Agent.name',
      root: 'Query.customer',
      query: '{ customer(id: "C1") { timeline { ... on Contact { approvedBy approver { name } } } } }',
      value: 'Bo Peer',
    },
  ];

  it('lists each of them as personal data', () => {
    expect(READS.map(({ field }) => field).filter((field) => !PERSONAL_DATA_FIELDS.includes(field))).toEqual(
      [],
    );
  });

  it('shows them to their readers, null to the other roles that may read the view, nothing to the rest', async () => {
    const seen: string[] = [];
    const expected: string[] = [];
    for (const { field, root, query, value } of READS) {
      for (const role of ROLES) {
        const { data, errors } = await api.graphql(query, {}, { token: tokens.get(role)! });
        const text = JSON.stringify(data ?? null);
        const outcome = errors?.length
          ? String(errors[0]!.extensions?.code)
          : text.includes(JSON.stringify(value))
            ? 'shown'
            : text.includes('null')
              ? 'masked'
              : text;
        seen.push(`${role} ${field}: ${outcome}`);
        const allowed = ROOT_FIELD_ACCESS[root]!.includes(role);
        expected.push(
          `${role} ${field}: ${!allowed ? 'FORBIDDEN' : personalDataReaders(field).includes(role) ? 'shown' : 'masked'}`,
        );
      }
    }
    expect(seen).toEqual(expected);
    // Executives see the views, masked; INGEST keys (contact-center systems) see none of them.
    expect(seen).toContain('executive Agent.name: masked');
    expect(seen).toContain('ingest PolicyException.agentName: FORBIDDEN');
    expect(seen).toContain('supervisor Agent.name: shown');
    expect(seen).toContain('supervisor Customer.name: masked');
  });

  it('lets a SUPERVISOR user review an exception, recorded with the reviewer, and nothing of the alert workflow', async () => {
    await new IngestService(api.database.orm.em.fork()).importRows('contacts', [
      {
        row: 2,
        values: {
          contact_id: 'K2',
          customer_id: 'C1',
          channel: 'chat',
          agent_id: 'A2',
          started_at: '2026-02-02T10:00:00Z',
          out_of_policy: true,
        },
      },
    ]);
    await new UserService(api.database.orm.em.fork()).create({
      email: 'sue@example.com',
      name: 'Sue Supervisor',
      role: Role.SUPERVISOR,
      password: 'a long enough passphrase',
    });
    const login = await api.fetch('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sue@example.com', password: 'a long enough passphrase' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const viewer = await api.graphql('{ viewer { role mutations } }', {}, { token });
    expect(viewer.data!.viewer).toEqual({ role: 'SUPERVISOR', mutations: ['reviewException'] });
    const reviewed = await api.graphql(
      `mutation { reviewException(contactId: "K2", status: CORRECTED, note: "beyond what a chat may give") {
        reviewStatus agent { name } review { status note reviewerName reviewerKind } } }`,
      {},
      { token },
    );
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewException).toEqual({
      reviewStatus: 'CORRECTED',
      agent: { name: 'Bo Peer' },
      review: {
        status: 'CORRECTED',
        note: 'beyond what a chat may give',
        reviewerName: 'Sue Supervisor',
        reviewerKind: 'USER',
      },
    });
    // What every reader of the exceptions sees afterwards: the review, by whom.
    const listed = await api.graphql(
      '{ exceptions(filter: { statuses: [CORRECTED] }) { nodes { contactId review { reviewerName reviewerKind } } } }',
    );
    expect(listed.data!.exceptions.nodes).toEqual([
      { contactId: 'K2', review: { reviewerName: 'Sue Supervisor', reviewerKind: 'USER' } },
    ]);
    const alert = await api.graphql('mutation { acknowledgeAlert(id: "1") { id } }', {}, { token });
    expect(alert.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
