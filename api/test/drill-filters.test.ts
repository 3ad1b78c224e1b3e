import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryData, startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { ingestOverHttp, sessionRow } from './support/ingest-over-http.js';

/*
 * The filters the dashboard's drill-through needs to list the rows behind a funnel stage, a churn bar and a
 * recovery group. A hand-made March 2025 (C = customer, S = session, K = contact); each expected list is worked
 * out by hand from the rows below.
 */
const customer = (customerId: string, churnedAt?: string) => ({
  customerId,
  birthYear: 1980,
  signupDate: '2024-01-01',
  churnedAt,
});
const session = (
  id: string,
  customerId: string,
  outcome: string,
  startedAt: string,
  steps: number,
  extra = {},
) => ({
  ...sessionRow(id, customerId, 'FAQ', outcome, startedAt),
  steps,
  ...extra,
});
const contact = (
  contactId: string,
  customerId: string,
  startedAt: string,
  extra: Record<string, unknown> = {},
) => ({
  contactId,
  customerId,
  channel: 'PHONE',
  startedAt,
  ...extra,
});

const DATASET = {
  customers: [
    customer('C1', '2025-03-10T00:00:00Z'),
    customer('C2', '2025-04-02T00:00:00Z'),
    customer('C3'),
    customer('C4', '2025-02-15T00:00:00Z'),
  ],
  selfServiceSessions: [
    // Resolved, C1 never calls: truly deflected.
    session('S1', 'C1', 'RESOLVED', '2025-03-01T00:00:00Z', 3),
    // Resolved, but C2 calls the next day (K2): not truly deflected; one step: not engaged.
    session('S2', 'C2', 'RESOLVED', '2025-03-02T00:00:00Z', 1),
    // Escalated to K3, which was resolved; C3's NPS 3 two days later makes it backfire.
    session('S3', 'C3', 'ESCALATED', '2025-03-10T00:00:00Z', 2, { escalatedContactId: 'K3' }),
    // Escalated with no contact named and nothing after it.
    session('S4', 'C2', 'ESCALATED', '2025-03-20T00:00:00Z', 5),
    session('S5', 'C1', 'ABANDONED', '2025-03-04T00:00:00Z', 4),
  ],
  contacts: [
    contact('K2', 'C2', '2025-03-03T00:00:00Z'),
    contact('K3', 'C3', '2025-03-10T01:00:00Z', { resolved: true }),
    // Recovery: an apology out of policy with a peer's approval; perks alone out of policy without one;
    // neither, within policy.
    contact('KA', 'C1', '2025-03-05T00:00:00Z', { apology: true, outOfPolicy: true, peerApproved: true }),
    contact('KP', 'C2', '2025-03-06T00:00:00Z', {
      apology: false,
      recompenseType: 'credit',
      recompenseValue: 10,
      outOfPolicy: true,
    }),
    contact('KN', 'C3', '2025-03-07T00:00:00Z', { outOfPolicy: false }),
  ],
  surveyResponses: [
    { responseId: 'R1', customerId: 'C3', type: 'NPS', score: 3, respondedAt: '2025-03-12T00:00:00Z' },
  ],
};

describe.each(DIALECTS)('drill-through filters on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    await ingestOverHttp(api, DATASET);
  });
  afterAll(async () => {
    await api?.close();
  });

  const ids = async (field: string, filterType: string, filter: Record<string, unknown>) => {
    const data = await queryData(
      api,
      `query ($filter: ${filterType}) { ${field}(filter: $filter, first: 100) { totalCount nodes { id } } }`,
      { filter },
    );
    const { totalCount, nodes } = data[field];
    expect(totalCount).toBe(nodes.length);
    return nodes.map((node: { id: string }) => node.id).sort();
  };

  it('lists the sessions of each funnel stage', async () => {
    const sessions = (filter: Record<string, unknown>) =>
      ids('selfServiceSessions', 'SelfServiceSessionFilter', filter);
    expect(await sessions({ minSteps: 2 })).toEqual(['S1', 'S3', 'S4', 'S5']);
    expect(await sessions({ trulyDeflected: true })).toEqual(['S1']);
    expect(await sessions({ outcomes: ['RESOLVED'], trulyDeflected: false })).toEqual(['S2']);
    expect(await sessions({ escalationResolved: true })).toEqual(['S3']);
    expect(await sessions({ backfired: true })).toEqual(['S3']);
    expect(await sessions({ outcomes: ['ESCALATED'], backfired: false })).toEqual(['S4']);
  });

  it('lists the customers who churned in a window', async () => {
    const customers = (filter: Record<string, unknown>) => ids('customers', 'CustomerFilter', filter);
    const MARCH = { churnedFrom: '2025-03-01T00:00:00Z', churnedTo: '2025-04-01T00:00:00Z' };
    expect(await customers(MARCH)).toEqual(['C1']);
    expect(await customers({ churnedFrom: '2025-03-01T00:00:00Z' })).toEqual(['C1', 'C2']);
    expect(await customers({ churnedTo: '2025-03-10T00:00:00Z' })).toEqual(['C4']);
    expect(await customers({ ...MARCH, churned: true })).toEqual(['C1']);
    expect(await customers({ ...MARCH, churned: false })).toEqual([]);
    const { errors } = await api.graphql(
      'query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount } }',
      {
        filter: { churnedFrom: '2025-03-02T00:00:00Z', churnedTo: '2025-03-01T00:00:00Z' },
      },
    );
    expect(errors?.[0]?.message).toMatch(
      /^filter\.churnedTo: got "2025-03-01T00:00:00.000Z", expected an instant not before/,
    );
  });

  it('lists the contacts of each recovery group, as many as recoveryEffectiveness counts', async () => {
    const { recoveryEffectiveness } = await queryData(
      api,
      '{ recoveryEffectiveness { byRecovery { group contacts } byPolicy { group contacts } } }',
    );
    const expected: Record<string, string[]> = {
      APOLOGY: ['KA'],
      PERKS_ONLY: ['KP'],
      NEITHER: ['KN'],
      WITHIN_POLICY: ['KN'],
      OUT_OF_POLICY_PEER_APPROVED: ['KA'],
      OUT_OF_POLICY_NOT_APPROVED: ['KP'],
    };
    for (const { group, contacts } of [
      ...recoveryEffectiveness.byRecovery,
      ...recoveryEffectiveness.byPolicy,
    ]) {
      const listed = await ids('contacts', 'ContactFilter', { recovery: group });
      expect(listed).toEqual(expected[group]);
      expect(listed.length).toBe(contacts);
    }
  });
});
