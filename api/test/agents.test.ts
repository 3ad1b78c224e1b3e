import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role.js';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { openRecordFile, readerFor } from '../src/modules/ingest/readers/read-file.js';
import type { RecordKind } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { EXPECTED } from '../src/modules/ingest/row-problem.js';
import { startTestApi, statementLog, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';

/*
 * Agents, the agent dimensions and contact_id on survey responses, from the files of fixtures/ingest:
 *   agents.csv               A1 (red), A2 (blue), "A3/ü é" (no team); agents are optional
 *   contacts-agents.csv      K1 K2 of C1 by A1 (billing); K3 of C2 by A2 (cards); K4 of C2 by "A3/ü é"
 *                            (cards); K5 of C2 without agent or queue. K2 and K4 are out of policy, approved
 *                            by A2 and by an agent never imported. Recoveries: K2 an apology and a credit
 *                            of 20, K3 a refund of 5 (resolved). C2 churns on 2026-04-01.
 *   surveys-about-contacts   R1 nps 10 about K1, R2 csat 2 about K2, R3 nps 3 about K3, R4 nps 9 about
 *                            K4, R5 nps 8 about no contact.
 *   selfservice-agents.csv   S0 of C1 resolved (2026-02-01), S1 of C1 escalated 2 hours before K2, S2 of C2
 *                            abandoned 22 hours before K3; K5 names a session (S3): the contacts after
 *                            self-service are K2 (not resolved), K3 (resolved) and K5 (not resolved).
 * Repeats: K2 starts 3 days after K1 (K1 repeated); K5 5 days after K4 (K4 repeated); K3 → K4 is 10 days.
 */
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/ingest/${name}`, import.meta.url));

const FEB = { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' };
/** Not whole days: answered from the facts rather than the rollups. */
const FEB_INSIDE_DAYS = { from: '2026-02-01T06:00:00Z', to: '2026-02-28T12:00:00Z' };

const METRICS = (select: string) =>
  `query ($dimensions: [Dimension!], $filter: MetricFilter) {
    metrics(dimensions: $dimensions, filter: $filter) { ${select} }
  }`;

type Row = Record<string, string | number | null>;

describe.each(DIALECTS)('agents on %s', (dialect) => {
  let api: TestApi;
  const importFile = (kind: RecordKind, name: string) => {
    const path = fixture(name);
    return new IngestService(api.database.orm.em.fork()).importRows(
      kind,
      openRecordFile(path, RECORD_SPECS[kind], readerFor(path)!).rows,
    );
  };

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const customers = await new IngestService(api.database.orm.em.fork()).importRows('customers', [
      { row: 2, values: { customer_id: 'C1', birth_year: 1980, signup_date: '2025-01-01' } },
      {
        row: 3,
        values: { customer_id: 'C2', birth_year: 1960, signup_date: '2025-01-01', churned_at: '2026-04-01' },
      },
    ]);
    expect(customers.committed).toBe(true);
    for (const [kind, file] of [
      ['agents', 'agents.csv'],
      ['contacts', 'contacts-agents.csv'],
      ['surveys', 'surveys-about-contacts.csv'],
      ['selfservice', 'selfservice-agents.csv'],
    ] as const) {
      const summary = await importFile(kind, file);
      expect(summary.problems, file).toEqual([]);
      expect(summary.committed, file).toBe(true);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  async function metrics(dimensions: string[], filter: object, select: string): Promise<Row[]> {
    const response = await api.graphql(METRICS(select), { dimensions, filter });
    expect(response.errors).toBeUndefined();
    return response.data!.metrics;
  }

  it('stores agents as imported: odd characters kept, channels checked and deduplicated', async () => {
    const rows = await api.database.orm.em
      .getKnex()('agents')
      .select('external_id', 'name', 'team', 'channels')
      .orderBy('external_id');
    expect(rows).toEqual([
      { external_id: 'A1', name: 'Ada Lovelace, Jr.', team: 'red', channels: 'phone;chat' },
      { external_id: 'A2', name: 'Bo Ng', team: 'blue', channels: 'email' },
      // "phone; chat ;phone": spaces around names dropped, the repeated phone once.
      { external_id: 'A3/ü é', name: 'Zoë "Z" Quinn', team: null, channels: 'phone;chat' },
    ]);
  });

  it('rejects an agents file whole, naming row, column and expectation of each bad row', async () => {
    const summary = await importFile('agents', 'agents-invalid.csv');
    expect(summary.committed).toBe(false);
    expect(summary.problems.map(({ row, column, expected }) => ({ row, column, expected }))).toEqual([
      { row: 2, column: 'agent_id', expected: EXPECTED.id },
      { row: 3, column: 'agent_id', expected: EXPECTED.id },
      {
        row: 4,
        column: 'channels',
        expected: EXPECTED.channelList(['phone', 'chat', 'email', 'social', 'video', 'in_person']),
      },
      { row: 5, column: 'hired_on', expected: EXPECTED.timestamp },
    ]);
    expect(summary.problems[2]!.message).toBe(
      'row 4, column channels: got "phone;fax", expected channels separated by ; ' +
        '(each one of phone, chat, email, social, video, in_person)',
    );
    const stored = await api.database.orm.em.getKnex()('agents').count({ n: '*' });
    expect(Number(stored[0]!.n)).toBe(3);
  });

  it("refuses a survey's contact_id of another customer naming both, and one that names no contact", async () => {
    const summary = await importFile('surveys', 'surveys-wrong-contact.csv');
    expect(summary.committed).toBe(false);
    expect(summary.problems.map(({ message }) => message)).toEqual([
      // R6: K3 is C2's contact.
      'row 2, column contact_id: got "K3", expected a contact of customer "C1", the response\'s customer_id ' +
        '(this contact belongs to customer "C2")',
      'row 3, column contact_id: got "K404", expected ' + EXPECTED.existingContact,
      // R8: the unknown customer is the problem; its contact_id is not judged against it.
      'row 4, column customer_id: got "C404", expected ' + EXPECTED.existingCustomer,
    ]);
  });

  it('splits contact measures by AGENT: unknown and odd agent ids as given, no agent last', async () => {
    const select = 'agent contacts avgHandleSeconds avgWaitSeconds fcrRate escalationRate repeatContactRate';
    const expected = [
      // K1 K2: handle (300 + 500) / 2, wait (60 + 20) / 2; K1 first-contact resolved, K2 escalated, K1 repeated.
      {
        agent: 'A1',
        contacts: 2,
        avgHandleSeconds: 400,
        avgWaitSeconds: 40,
        fcrRate: 50,
        escalationRate: 50,
        repeatContactRate: 50,
      },
      {
        agent: 'A2',
        contacts: 1,
        avgHandleSeconds: 200,
        avgWaitSeconds: 100,
        fcrRate: 100,
        escalationRate: 0,
        repeatContactRate: 0,
      },
      // Never imported, with a slash, a non-ASCII letter and a space: known by its id only.
      {
        agent: 'A3/ü é',
        contacts: 1,
        avgHandleSeconds: 400,
        avgWaitSeconds: null,
        fcrRate: 0,
        escalationRate: 0,
        repeatContactRate: 100,
      },
      {
        agent: null,
        contacts: 1,
        avgHandleSeconds: null,
        avgWaitSeconds: null,
        fcrRate: 0,
        escalationRate: 0,
        repeatContactRate: 0,
      },
    ];
    // Whole days from the rollups, inside days from the facts: the same rows.
    expect(await metrics(['AGENT'], FEB, select)).toEqual(expected);
    expect(await metrics(['AGENT'], FEB_INSIDE_DAYS, select)).toEqual(expected);
  });

  it('splits by TEAM through the agents import and by QUEUE, and filters by each', async () => {
    for (const filter of [FEB, FEB_INSIDE_DAYS]) {
      expect(await metrics(['TEAM'], filter, 'team contacts avgHandleSeconds repeatContactRate')).toEqual([
        { team: 'blue', contacts: 1, avgHandleSeconds: 200, repeatContactRate: 0 },
        { team: 'red', contacts: 2, avgHandleSeconds: 400, repeatContactRate: 50 },
        // K4 (agent without team) and K5 (no agent): handle known for K4 only, K4 repeated.
        { team: null, contacts: 2, avgHandleSeconds: 400, repeatContactRate: 50 },
      ]);
      expect(await metrics(['QUEUE'], filter, 'queue contacts avgHandleSeconds fcrRate')).toEqual([
        { queue: 'billing', contacts: 2, avgHandleSeconds: 400, fcrRate: 50 },
        // K3 K4: (200 + 400) / 2; K3 first-contact resolved.
        { queue: 'cards', contacts: 2, avgHandleSeconds: 300, fcrRate: 50 },
        { queue: null, contacts: 1, avgHandleSeconds: null, fcrRate: 0 },
      ]);
      expect(await metrics([], { ...filter, teams: ['red'] }, 'contacts')).toEqual([{ contacts: 2 }]);
      expect(await metrics([], { ...filter, agents: ['A3/ü é'] }, 'contacts')).toEqual([{ contacts: 1 }]);
      expect(await metrics(['AGENT'], { ...filter, queues: ['cards'] }, 'agent contacts')).toEqual([
        { agent: 'A2', contacts: 1 },
        { agent: 'A3/ü é', contacts: 1 },
      ]);
    }
  });

  it('credits survey responses to the agent, team and queue of the contact they are about', async () => {
    for (const filter of [FEB, FEB_INSIDE_DAYS]) {
      expect(await metrics(['AGENT'], filter, 'agent nps npsResponses avgCsat')).toEqual([
        // R1 promoter; R2 a csat of 2.
        { agent: 'A1', nps: 100, npsResponses: 1, avgCsat: 2 },
        // R3 detractor.
        { agent: 'A2', nps: -100, npsResponses: 1, avgCsat: null },
        { agent: 'A3/ü é', nps: 100, npsResponses: 1, avgCsat: null },
        // R5, about no contact: a passive.
        { agent: null, nps: 0, npsResponses: 1, avgCsat: null },
      ]);
      expect(await metrics(['TEAM'], filter, 'team nps')).toEqual([
        { team: 'blue', nps: -100 },
        { team: 'red', nps: 100 },
        // R4 promoter (agent without team) and R5 passive: 100 × (1 − 0) / 2.
        { team: null, nps: 50 },
      ]);
      expect(await metrics(['QUEUE'], { ...filter, queues: ['cards'] }, 'queue nps')).toEqual([
        // R3 detractor and R4 promoter.
        { queue: 'cards', nps: 0 },
      ]);
    }
  });

  const SCORECARD = `agentId agentName team agents contacts contactsTooFew channels { channel contacts } fcrRate
    repeatContactRate escalationRate avgHandleSeconds avgWaitSeconds nps npsResponses npsTooFew avgCsat
    csatResponses csatTooFew recoveries apologies recompenseCost recoveryResolvedRate recoveryChurnRate
    recoveryNpsAfter recoveryNpsResponsesAfter outOfPolicy peerApproved`;
  const scorecards = async (by: string, filter: object) => {
    const response = await api.graphql(
      `query ($by: ScorecardGrouping, $filter: MetricFilter) {
        agentScorecards(by: $by, filter: $filter, minSample: 2) { ${SCORECARD} }
      }`,
      { by, filter },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.agentScorecards;
  };
  const EMPTY_RECOVERY = {
    recoveries: 0,
    apologies: 0,
    recompenseCost: 0,
    recoveryResolvedRate: null,
    recoveryChurnRate: null,
    recoveryNpsAfter: null,
    recoveryNpsResponsesAfter: 0,
  };
  const A2_CARD = {
    agents: 1,
    contacts: 1,
    contactsTooFew: true, // 1 < minSample 2
    channels: [{ channel: 'PHONE', contacts: 1 }],
    fcrRate: 100,
    repeatContactRate: 0,
    escalationRate: 0,
    avgHandleSeconds: 200,
    avgWaitSeconds: 100,
    nps: -100, // R3, a 3, about K3
    npsResponses: 1,
    npsTooFew: true,
    avgCsat: null,
    csatResponses: 0,
    csatTooFew: true,
    // K3: a refund of 5, resolved; C2 churned 50 days later; C2 answered R3 (3) and R4 (9) within 14 days.
    recoveries: 1,
    apologies: 0,
    recompenseCost: 5,
    recoveryResolvedRate: 100,
    recoveryChurnRate: 100,
    recoveryNpsAfter: 0,
    recoveryNpsResponsesAfter: 2,
    outOfPolicy: 0,
    peerApproved: 0,
  };
  const A1_CARD = {
    agents: 1,
    contacts: 2,
    contactsTooFew: false,
    // One each: ties by channel name.
    channels: [
      { channel: 'CHAT', contacts: 1 },
      { channel: 'PHONE', contacts: 1 },
    ],
    fcrRate: 50,
    repeatContactRate: 50,
    escalationRate: 50,
    avgHandleSeconds: 400,
    avgWaitSeconds: 40,
    nps: 100, // R1 about K1
    npsResponses: 1,
    npsTooFew: true,
    avgCsat: 2, // R2 about K2
    csatResponses: 1,
    csatTooFew: true,
    // K2: an apology and a credit of 20, not recorded resolved; C1 stays; no nps from C1 in the 14 days after.
    recoveries: 1,
    apologies: 1,
    recompenseCost: 20,
    recoveryResolvedRate: 0,
    recoveryChurnRate: 0,
    recoveryNpsAfter: null,
    recoveryNpsResponsesAfter: 0,
    outOfPolicy: 1,
    peerApproved: 1,
  };

  it('scores each agent over the window, names of unknown agents null, no agent last', async () => {
    expect(await scorecards('AGENT', FEB)).toEqual([
      { agentId: 'A1', agentName: 'Ada Lovelace, Jr.', team: 'red', ...A1_CARD },
      { agentId: 'A2', agentName: 'Bo Ng', team: 'blue', ...A2_CARD },
      {
        agentId: 'A3/ü é',
        agentName: 'Zoë "Z" Quinn',
        team: null,
        agents: 1,
        contacts: 1,
        contactsTooFew: true,
        channels: [{ channel: 'EMAIL', contacts: 1 }],
        fcrRate: 0,
        repeatContactRate: 100, // K5 five days later
        escalationRate: 0,
        avgHandleSeconds: 400,
        avgWaitSeconds: null,
        nps: 100, // R4, a 9
        npsResponses: 1,
        npsTooFew: true,
        avgCsat: null,
        csatResponses: 0,
        csatTooFew: true,
        ...EMPTY_RECOVERY,
        outOfPolicy: 1,
        peerApproved: 1,
      },
      {
        agentId: null,
        agentName: null,
        team: null,
        agents: 0,
        contacts: 1,
        contactsTooFew: true,
        channels: [{ channel: 'PHONE', contacts: 1 }],
        fcrRate: 0,
        repeatContactRate: 0,
        escalationRate: 0,
        avgHandleSeconds: null,
        avgWaitSeconds: null,
        nps: null,
        npsResponses: 0,
        npsTooFew: true,
        avgCsat: null,
        csatResponses: 0,
        csatTooFew: true,
        ...EMPTY_RECOVERY,
        outOfPolicy: 0,
        peerApproved: 0,
      },
    ]);
  });

  it('scores each team, and keeps to the filter', async () => {
    expect(await scorecards('TEAM', FEB)).toEqual([
      { agentId: null, agentName: null, team: 'blue', ...A2_CARD },
      { agentId: null, agentName: null, team: 'red', ...A1_CARD },
      {
        agentId: null,
        agentName: null,
        team: null,
        agents: 1, // "A3/ü é"; K5 has no agent
        contacts: 2,
        contactsTooFew: false,
        channels: [
          { channel: 'EMAIL', contacts: 1 },
          { channel: 'PHONE', contacts: 1 },
        ],
        fcrRate: 0,
        repeatContactRate: 50,
        escalationRate: 0,
        avgHandleSeconds: 400,
        avgWaitSeconds: null,
        nps: 100,
        npsResponses: 1,
        npsTooFew: true,
        avgCsat: null,
        csatResponses: 0,
        csatTooFew: true,
        ...EMPTY_RECOVERY,
        outOfPolicy: 1,
        peerApproved: 1,
      },
    ]);
    // Only K1: from the 3rd, only billing.
    const [only] = await scorecards('AGENT', {
      ...FEB,
      from: '2026-02-01T00:00:00Z',
      to: '2026-02-03T00:00:00Z',
    });
    expect(only).toMatchObject({ agentId: 'A1', contacts: 1, nps: 100, recoveries: 0, outOfPolicy: 0 });
    expect(await scorecards('TEAM', { ...FEB, queues: ['cards'] })).toMatchObject([
      { team: 'blue', contacts: 1 },
      { team: null, contacts: 1 },
    ]);
  });

  it('masks agent names for roles without personal data, and refuses a bad minSample', async () => {
    const executive = await api.createKey(Role.EXECUTIVE);
    const response = await api.graphql(
      '{ agentScorecards(filter: { teams: ["red"] }) { agentId agentName } agents { nodes { id name team } } }',
      {},
      { token: executive },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.agentScorecards).toEqual([{ agentId: 'A1', agentName: null }]);
    expect(response.data!.agents.nodes[0]).toEqual({ id: 'A1', name: null, team: 'red' });
    const bad = await api.graphql('{ agentScorecards(minSample: 0) { agentId } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/minSample/);
  });

  it('ranks agents on the contacts after self-service by the lower end of the Wilson interval', async () => {
    const ranking = async (minSample: number) => {
      const response = await api.graphql(
        `query ($filter: MetricFilter, $minSample: Int) { superAgents(filter: $filter, minSample: $minSample) {
          contacts resolutionRate minSample rows { agentId team contacts resolved resolutionRate resolutionLow
          resolutionHigh rank verdict npsAfter npsResponsesAfter csatAfter csatResponsesAfter churnRateAfter } } }`,
        { filter: FEB, minSample },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.superAgents;
    };
    // Wilson 95%, z² = 3.8416: 0 of 1 gives center = half = (3.8416 / 2) / (1 + 3.8416) = 0.396727, so
    // 0 to 79.3454%; 1 of 1 gives center 0.603273 and the same half, so 20.6546% to 100%.
    const none = { low: 0, high: (100 * (2 * 1.9208)) / 4.8416 };
    const one = { low: 100 * (1 - (2 * 1.9208) / 4.8416), high: 100 };
    const near = (value: number) => expect.closeTo(value, 9);
    const A2 = {
      agentId: 'A2',
      team: 'blue',
      contacts: 1, // K3
      resolved: 1,
      resolutionRate: 100,
      resolutionLow: near(one.low),
      resolutionHigh: near(one.high),
      npsAfter: -100, // R3 about K3
      npsResponsesAfter: 1,
      csatAfter: null,
      csatResponsesAfter: 0,
      churnRateAfter: 100, // C2 churned 50 days after K3
    };
    const A1 = {
      agentId: 'A1',
      team: 'red',
      contacts: 1, // K2 (K1 follows a resolved session: not hard)
      resolved: 0,
      resolutionRate: 0,
      resolutionLow: near(none.low),
      resolutionHigh: near(none.high),
      npsAfter: null,
      npsResponsesAfter: 0,
      csatAfter: 2, // R2 about K2
      csatResponsesAfter: 1,
      churnRateAfter: 0,
    };
    const NO_AGENT = {
      ...A1,
      agentId: null,
      team: null,
      csatAfter: null,
      csatResponsesAfter: 0,
      churnRateAfter: 100,
    };
    // Everyone: 1 of 3 resolved, inside every interval.
    expect(await ranking(1)).toEqual({
      contacts: 3,
      resolutionRate: near(100 / 3),
      minSample: 1,
      rows: [
        { ...A2, rank: 1, verdict: 'TYPICAL' },
        // Tied at 0 and 1 contact: by agent id, no agent last.
        { ...A1, rank: 2, verdict: 'TYPICAL' },
        { ...NO_AGENT, rank: 3, verdict: 'TYPICAL' },
      ],
    });
    // Below minSample nobody is ranked: by contacts, then by agent id.
    expect((await ranking(2)).rows).toEqual([
      { ...A1, rank: null, verdict: 'TOO_FEW' },
      { ...A2, rank: null, verdict: 'TOO_FEW' },
      { ...NO_AGENT, rank: null, verdict: 'TOO_FEW' },
    ]);
  });

  it('counts a contact whose failed session started before the window, and none whose contact falls outside it', async () => {
    const hard = async (from: string, to: string) => {
      const response = await api.graphql(
        `query ($filter: MetricFilter) { superAgents(filter: $filter, minSample: 1) { contacts rows { agentId contacts } } }`,
        { filter: { from, to } },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.superAgents;
    };
    // S1 (escalated, 08:00 on the 5th) is before the window, K2 (10:00) in it; S2 (the 9th) and K3 (the 10th) both in it.
    expect(await hard('2026-02-05T09:00:00Z', '2026-02-10T11:00:00Z')).toEqual({
      contacts: 2,
      // K3 was resolved, K2 not: A2 ranks first.
      rows: [
        { agentId: 'A2', contacts: 1 },
        { agentId: 'A1', contacts: 1 },
      ],
    });
    // The window ends as K3 starts (to is exclusive): S2 is in it, its contact is not.
    expect(await hard('2026-02-09T13:00:00Z', '2026-02-10T10:00:00Z')).toEqual({ contacts: 0, rows: [] });
  });

  const EXCEPTION = `contactId customerId agentId agentName team peerApproved approvedBy apology recompenseType
    recompenseValue resolved nextScoreType nextScore repeatContact churnedWithin90Days reviewStatus
    review { status note reviewerKind }`;
  const exceptions = async (filter: object = FEB) => {
    const response = await api.graphql(
      `query ($filter: ExceptionFilter) { exceptions(filter: $filter) { nodes { ${EXCEPTION} } } }`,
      { filter },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.exceptions.nodes;
  };
  const review = (contactId: string, status: string, note: string, token?: string) =>
    api.graphql(
      `mutation ($contactId: ID!, $status: ReviewStatus!, $note: String!) {
        reviewException(contactId: $contactId, status: $status, note: $note) { contactId reviewStatus review { status note reviewerKind } }
      }`,
      { contactId, status, note },
      token ? { token } : undefined,
    );

  it('lists every out-of-policy contact as an exception with what happened next, most recent first', async () => {
    expect(await exceptions()).toEqual([
      {
        contactId: 'K4',
        customerId: 'C2',
        agentId: 'A3/ü é',
        agentName: 'Zoë "Z" Quinn',
        team: null,
        peerApproved: true,
        approvedBy: 'NOT-IMPORTED', // a peer never imported is still named
        apology: null,
        recompenseType: null,
        recompenseValue: null,
        resolved: null,
        nextScoreType: 'NPS', // R4, the day after
        nextScore: 9,
        repeatContact: true, // K5 five days later
        churnedWithin90Days: true, // C2 left 40 days later
        reviewStatus: 'PENDING',
        review: null,
      },
      {
        contactId: 'K2',
        customerId: 'C1',
        agentId: 'A1',
        agentName: 'Ada Lovelace, Jr.',
        team: 'red',
        peerApproved: true,
        approvedBy: 'A2',
        apology: true,
        recompenseType: 'credit',
        recompenseValue: 20,
        resolved: null,
        nextScoreType: 'CSAT', // R2, the day after
        nextScore: 2,
        repeatContact: false,
        churnedWithin90Days: false,
        reviewStatus: 'PENDING',
        review: null,
      },
    ]);
  });

  it('names the deciding and approving agents of each exception as Agent objects, in one batched query', async () => {
    const statements = statementLog(api);
    const response = await api.graphql(
      `query ($filter: ExceptionFilter) { exceptions(filter: $filter) { nodes {
        contactId agentId agent { id name team } approvedBy approver { id name team } } } }`,
      { filter: FEB },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.exceptions.nodes).toEqual([
      {
        contactId: 'K4',
        agentId: 'A3/ü é',
        agent: { id: 'A3/ü é', name: 'Zoë "Z" Quinn', team: null },
        // A peer never imported is known only by its id.
        approvedBy: 'NOT-IMPORTED',
        approver: null,
      },
      {
        contactId: 'K2',
        agentId: 'A1',
        agent: { id: 'A1', name: 'Ada Lovelace, Jr.', team: 'red' },
        approvedBy: 'A2',
        approver: { id: 'A2', name: 'Bo Ng', team: 'blue' },
      },
    ]);
    // The agents of the whole page (deciders and peers alike) come in one query through the agentById loader.
    expect(statements.filter((sql) => /\bfrom [`"]?agents\b/i.test(sql))).toHaveLength(1);
    const executive = await api.createKey(Role.EXECUTIVE);
    const masked = await api.graphql(
      `query ($filter: ExceptionFilter) { exceptions(filter: $filter) { nodes { agent { id name team } approver { id name } } } }`,
      { filter: FEB },
      { token: executive },
    );
    expect(masked.errors).toBeUndefined();
    expect(masked.data!.exceptions.nodes).toEqual([
      { agent: { id: 'A3/ü é', name: null, team: null }, approver: null },
      { agent: { id: 'A1', name: null, team: 'red' }, approver: { id: 'A2', name: null } },
    ]);
  });

  it('pages through the exceptions by cursor, most recent first, and refuses a foreign cursor or a huge page', async () => {
    const page = async (variables: object) => {
      const response = await api.graphql(
        `query ($filter: ExceptionFilter, $first: Int, $after: String) {
          exceptions(filter: $filter, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { contactId } }
          }
        }`,
        { filter: FEB, ...variables },
      );
      return response;
    };
    const first = (await page({ first: 1 })).data!.exceptions;
    expect(first).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
      edges: [{ node: { contactId: 'K4' } }],
    });
    expect(first.pageInfo.endCursor).toBe(first.edges[0].cursor);
    const secondPage = await page({ first: 1, after: first.pageInfo.endCursor });
    expect(secondPage.errors).toBeUndefined();
    const second = secondPage.data!.exceptions;
    expect(second).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: false },
      edges: [{ node: { contactId: 'K2' } }],
    });
    const past = (await page({ first: 5, after: second.pageInfo.endCursor })).data!.exceptions;
    expect(past).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    // Only K2 in the agent's window: one page, nothing after it.
    expect((await page({ first: 5, filter: { ...FEB, agents: ['A1'] } })).data!.exceptions).toMatchObject({
      totalCount: 1,
      pageInfo: { hasNextPage: false },
      edges: [{ node: { contactId: 'K2' } }],
    });
    const agentCursor = (await api.graphql('{ agents(first: 1) { pageInfo { endCursor } } }')).data!.agents
      .pageInfo.endCursor;
    for (const [variables, mention] of [
      [{ after: agentCursor }, /a cursor from pageInfo.endCursor/],
      [{ after: 'not-a-cursor' }, /a cursor from pageInfo.endCursor/],
      [{ first: 1001 }, /a page size from 0 to 1000/],
    ] as const) {
      const refused = await page(variables);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(mention);
    }
  });

  it('reviews an exception once, refuses invalid steps, and lets one of two concurrent reviews win', async () => {
    const upheld = await review('K2', 'UPHELD', '  a fair credit for a double charge  ');
    expect(upheld.errors).toBeUndefined();
    expect(upheld.data!.reviewException).toEqual({
      contactId: 'K2',
      reviewStatus: 'UPHELD',
      review: { status: 'UPHELD', note: 'a fair credit for a double charge', reviewerKind: 'API_KEY' },
    });
    const refused = (response: Awaited<ReturnType<typeof review>>, mention: RegExp) => {
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(mention);
    };
    refused(await review('K2', 'CORRECTED', 'second thoughts'), /already UPHELD/);
    refused(await review('K3', 'UPHELD', 'fine'), /out-of-policy contact \(this one is within policy\)/);
    refused(await review('K404', 'UPHELD', 'fine'), /contact_id of an imported contact/);
    refused(await review('K4', 'PENDING', 'undo'), /UPHELD or CORRECTED/);
    refused(await review('K4', 'UPHELD', '   '), /non-blank text/);
    const executive = await api.createKey(Role.EXECUTIVE);
    const forbidden = await review('K4', 'UPHELD', 'fine', executive);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Two supervisors at once: exactly one review stands, the other is told it came second.
    const race = await Promise.all([review('K4', 'UPHELD', 'ok'), review('K4', 'CORRECTED', 'no')]);
    const winners = race.filter((response) => !response.errors);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.data!.reviewException.reviewStatus as string;
    refused(
      race.find((response) => response.errors)!,
      new RegExp(`already ${winner}`),
    );
    expect(await exceptions({ ...FEB, statuses: ['PENDING'] })).toEqual([]);
    expect((await exceptions({ ...FEB, statuses: [winner] }))[0]).toMatchObject({ contactId: 'K4' });

    const report = await api.graphql(
      `query ($filter: ExceptionFilter) { exceptionReport(filter: $filter) { exceptions peerApproved peerApprovedPct peerApprovedShare
        reviewed upheld corrected upheldRate correctedRate peerApprovedCorrectedRate
        outOfPolicy { contacts resolvedRate repeatContactRate churnRate recompenseCost avgRecompense }
        withinPolicyRecoveries { contacts resolvedRate repeatContactRate churnRate recompenseCost avgRecompense } } }`,
      { filter: FEB },
    );
    expect(report.errors).toBeUndefined();
    const corrected = winner === 'CORRECTED' ? 1 : 0;
    expect(report.data!.exceptionReport).toEqual({
      exceptions: 2, // K2 K4, both peer-approved
      peerApproved: 2,
      peerApprovedPct: 100,
      peerApprovedShare: 100, // the deprecated alias, the same value
      reviewed: 2,
      upheld: 2 - corrected,
      corrected,
      upheldRate: (100 * (2 - corrected)) / 2,
      correctedRate: (100 * corrected) / 2,
      peerApprovedCorrectedRate: (100 * corrected) / 2,
      // K2 (credit 20, C1 stays) and K4 (repeated, C2 churned): neither recorded resolved.
      outOfPolicy: {
        contacts: 2,
        resolvedRate: 0,
        repeatContactRate: 50,
        churnRate: 50,
        recompenseCost: 20,
        avgRecompense: 20,
      },
      // K3: a refund of 5, resolved, C2 churned 50 days later.
      withinPolicyRecoveries: {
        contacts: 1,
        resolvedRate: 100,
        repeatContactRate: 0,
        churnRate: 100,
        recompenseCost: 5,
        avgRecompense: 5,
      },
    });
  });

  it("shows each contact's agent and approving peer in the customer history, known or not", async () => {
    const history = await api.graphql(
      '{ customer(id: "C1") { contacts { id agentId agent { id name team } approvedBy approver { id name } } } }',
    );
    expect(history.errors).toBeUndefined();
    expect(history.data!.customer.contacts).toEqual([
      {
        id: 'K1',
        agentId: 'A1',
        agent: { id: 'A1', name: 'Ada Lovelace, Jr.', team: 'red' },
        approvedBy: null,
        approver: null,
      },
      {
        id: 'K2',
        agentId: 'A1',
        agent: { id: 'A1', name: 'Ada Lovelace, Jr.', team: 'red' },
        approvedBy: 'A2',
        approver: { id: 'A2', name: 'Bo Ng' },
      },
    ]);
    const other = await api.graphql(
      '{ customer(id: "C2") { contacts { id agent { id } approvedBy approver { id } } } }',
    );
    expect(other.data!.customer.contacts).toEqual([
      { id: 'K3', agent: { id: 'A2' }, approvedBy: null, approver: null },
      // A peer never imported is named by id, with no agent record.
      { id: 'K4', agent: { id: 'A3/ü é' }, approvedBy: 'NOT-IMPORTED', approver: null },
      { id: 'K5', agent: null, approvedBy: null, approver: null },
    ]);
  });

  it('moves past contacts and responses with a team or contact that is imported again', async () => {
    const again = await new IngestService(api.database.orm.em.fork()).importRows('agents', [
      { row: 2, values: { agent_id: 'A2', team: 'red' } },
    ]);
    expect(again.committed).toBe(true);
    // K4 re-imported with agent A1 (of team red): its response R4 follows it.
    const moved = await new IngestService(api.database.orm.em.fork()).importRows('contacts', [
      {
        row: 2,
        values: {
          contact_id: 'K4',
          customer_id: 'C2',
          channel: 'email',
          queue: 'cards',
          agent_id: 'A1',
          started_at: '2026-02-20T10:00:00Z',
          handle_seconds: 400,
        },
      },
    ]);
    expect(moved.committed).toBe(true);
    for (const filter of [FEB, FEB_INSIDE_DAYS]) {
      // red: A1 (K1 K2 K4) and A2 (K3); R1 R4 promoters, R3 a detractor: 100 × (2 − 1) / 3.
      expect(await metrics(['TEAM'], filter, 'team contacts nps')).toEqual([
        { team: 'red', contacts: 4, nps: 100 / 3 },
        { team: null, contacts: 1, nps: 0 },
      ]);
    }
  });

  it('refuses the agent dimensions for measures without an agent', async () => {
    const response = await api.graphql(METRICS('deflectionRate'), { dimensions: ['AGENT'], filter: FEB });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/AGENT/);
  });
});

describe.each(DIALECTS)('routing to the team that resolves after self-service on %s', (dialect) => {
  let api: TestApi;
  const now = Date.now();
  const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();
  const numbered = (rows: Record<string, unknown>[]) =>
    rows.map((values, index) => ({ row: index + 2, values: values as never }));

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ingest = async (kind: RecordKind, rows: Record<string, unknown>[]) => {
      const summary = await new IngestService(api.database.orm.em.fork()).importRows(kind, numbered(rows));
      expect(summary.problems).toEqual([]);
    };
    const ids = Array.from({ length: 60 }, (_, i) => `H${i}`);
    await ingest('customers', [
      ...[...ids, 'X-EXHAUSTED', 'X-CALM', 'X-RESOLVED', 'X-EDGE'].map((id) => ({
        customer_id: id,
        birth_year: 1970,
        signup_date: '2025-01-01',
      })),
    ]);
    await ingest('agents', [
      { agent_id: 'A1', team: 'red' },
      { agent_id: 'A2', team: 'blue' },
    ]);
    // Sixty escalated sessions ten days ago, each followed an hour later by a contact: red (A1) resolves 28
    // of its 30, blue (A2) 15 of 30.
    await ingest(
      'selfservice',
      ids.map((id, i) => ({
        session_id: `S-${id}`,
        customer_id: id,
        entry: 'chatbot',
        started_at: hoursAgo(240 + i),
        outcome: 'escalated',
      })),
    );
    await ingest(
      'contacts',
      ids.map((id, i) => ({
        contact_id: `K-${id}`,
        customer_id: id,
        channel: 'phone',
        agent_id: i < 30 ? 'A1' : 'A2',
        started_at: hoursAgo(239 + i),
        resolved: i < 30 ? i < 28 : i < 45,
      })),
    );
    // The 72-hour edge, without an agent (so the teams above keep their numbers): a contact exactly 72 hours
    // after an abandoned session arrives after self-service; one a second later does not.
    await ingest('selfservice', [
      {
        session_id: 'S-EDGE',
        customer_id: 'X-EDGE',
        entry: 'ivr',
        started_at: hoursAgo(500),
        outcome: 'abandoned',
      },
    ]);
    await ingest('contacts', [
      {
        contact_id: 'K-EDGE-IN',
        customer_id: 'X-EDGE',
        channel: 'phone',
        started_at: hoursAgo(500 - 72),
        resolved: true,
      },
      {
        contact_id: 'K-EDGE-OUT',
        customer_id: 'X-EDGE',
        channel: 'phone',
        started_at: new Date(now - (500 - 72) * 3_600_000 + 1_000).toISOString(),
      },
    ]);
    await ingest('selfservice', [
      {
        session_id: 'S-X1',
        customer_id: 'X-EXHAUSTED',
        entry: 'ivr',
        started_at: hoursAgo(1),
        outcome: 'abandoned',
      },
      {
        session_id: 'S-X2',
        customer_id: 'X-RESOLVED',
        entry: 'faq',
        started_at: hoursAgo(1),
        outcome: 'resolved',
      },
    ]);
  });
  afterAll(async () => {
    await api?.close();
  });

  const advice = async (customerId: string) => {
    const response = await api.graphql(
      'query ($customerId: ID!) { routingAdvice(customerId: $customerId) { skipSelfService suggestedTeam suggestedTeamReason } }',
      { customerId },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.routingAdvice;
  };

  it('suggests the best team to a customer who just gave up on self-service, and to one who wants a person', async () => {
    // Red: 28 of 30, p = 0.9333, Wilson low = (p + 0.064027 − 1.96 · sqrt(p(1 − p)/30 + 0.001067)) / 1.128053
    // = 78.7%, high 98.2%; blue: 15 of 30, 33.2% to 66.8%. Red is first.
    expect(await advice('X-EXHAUSTED')).toEqual({
      skipSelfService: false,
      suggestedTeam: 'red',
      suggestedTeamReason:
        'team red resolved 28 of 30 contacts after self-service in the last 90 days (93%, 95% interval 79-98%), ' +
        'the best of the teams',
    });
    // A resolved session is not a dead end; nor is nothing at all.
    expect(await advice('X-RESOLVED')).toMatchObject({ suggestedTeam: null, suggestedTeamReason: null });
    expect(await advice('X-CALM')).toMatchObject({ suggestedTeam: null });
    const marked = await api.graphql(
      'mutation { markLiveAgentPreference(customerId: "X-CALM", reason: "asked for a person") { skipSelfService suggestedTeam } }',
    );
    expect(marked.data!.markLiveAgentPreference).toEqual({ skipSelfService: true, suggestedTeam: 'red' });
  });

  it('counts a contact exactly 72 hours after a failed session as after self-service, not one a second later', async () => {
    const response = await api.graphql(
      `query ($filter: MetricFilter) { superAgents(by: TEAM, filter: $filter, minSample: 1) {
        contacts rows { team contacts resolved rank } } }`,
      { filter: { from: hoursAgo(24 * 30), to: hoursAgo(0) } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.superAgents).toEqual({
      contacts: 61, // 30 + 30 after escalated sessions, and K-EDGE-IN
      rows: [
        { team: 'red', contacts: 30, resolved: 28, rank: 1 }, // Wilson low 78.7
        { team: 'blue', contacts: 30, resolved: 15, rank: 2 }, // 33.2
        { team: null, contacts: 1, resolved: 1, rank: 3 }, // K-EDGE-IN alone, 1 of 1: 20.7
      ],
    });
  });
});
