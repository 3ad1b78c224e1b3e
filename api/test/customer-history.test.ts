import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../src/modules/customers/customer.entity.js';
import { startTestApi, statementLog, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import {
  makeContact,
  makeCustomer,
  makeSelfServiceSession,
  makeSurveyResponse,
} from './support/factories.js';

const T0 = new Date('2026-03-02T08:00:00Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

/** Customers of the N+1 check, each with two facts of every kind. */
const PAGE_CUSTOMERS = 20;
const PAGE_REGION = 'page-of-twenty';

interface Event {
  __typename: 'SurveyResponse' | 'Contact' | 'SelfServiceSession';
  id: string;
  at: string;
}

const EVENT_FIELDS = `
  __typename
  ... on SurveyResponse { id at: respondedAt }
  ... on Contact { id at: startedAt }
  ... on SelfServiceSession { id at: startedAt }
`;

describe.each(DIALECTS)('customer 360 view on %s', (dialect) => {
  let api: TestApi;
  let journey: Customer;
  let quiet: Customer;
  /** External ids of the journey customer's facts, named by kind and time. */
  const ids: Record<string, string> = {};
  /** SQL statements the database received since the last reset. */
  let statements: string[] = [];

  beforeAll(async () => {
    api = await startTestApi(dialect);
    statements = statementLog(api);
    const em = api.database.orm.em.fork();
    journey = makeCustomer(em);
    quiet = makeCustomer(em);
    const other = makeCustomer(em);

    // Inserted out of time order, so that import order alone would give a wrong answer.
    ids.contactAt10 = makeContact(em, journey, { startedAt: hours(2) }).externalId;
    ids.contactAt8 = makeContact(em, journey, { startedAt: T0 }).externalId;
    ids.contactAt10Later = makeContact(em, journey, { startedAt: hours(2) }).externalId;
    // 09:30 at +02:00 is 07:30 UTC: the earliest event, though its local time reads later than 08:00.
    ids.contactAt7h30 = makeContact(em, journey, {
      startedAt: new Date('2026-03-02T09:30:00+02:00'),
    }).externalId;
    ids.surveyAt11 = makeSurveyResponse(em, journey, { respondedAt: hours(3) }).externalId;
    ids.surveyAt8 = makeSurveyResponse(em, journey, { respondedAt: T0 }).externalId;
    // 12:00 at -03:00 is 15:00 UTC: the latest event.
    ids.sessionAt15 = makeSelfServiceSession(em, journey, {
      startedAt: new Date('2026-03-02T12:00:00-03:00'),
    }).externalId;
    ids.sessionAt8 = makeSelfServiceSession(em, journey, { startedAt: T0 }).externalId;
    makeContact(em, other, { startedAt: hours(1) });
    makeSurveyResponse(em, other, { respondedAt: hours(1) });
    makeSelfServiceSession(em, other, { startedAt: hours(1) });

    for (let i = 0; i < PAGE_CUSTOMERS; i++) {
      const customer = makeCustomer(em, { region: PAGE_REGION });
      for (const hour of [i, i + 1]) {
        makeSurveyResponse(em, customer, { respondedAt: hours(hour) });
        makeContact(em, customer, { startedAt: hours(hour) });
        makeSelfServiceSession(em, customer, { startedAt: hours(hour) });
      }
    }
    await em.flush();
  });

  afterAll(async () => {
    await api?.close();
  });

  beforeEach(() => {
    statements.length = 0;
  });

  /** The data of a query that must succeed. */
  async function query<T = any>(source: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await api.graphql<T>(source, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function history(customer: Customer, last?: number) {
    const data = await query(
      `query ($id: ID!, $last: Int) {
        customer(id: $id) {
          surveyResponses(last: $last) { id respondedAt }
          contacts(last: $last) { id startedAt }
          selfServiceSessions(last: $last) { id startedAt }
          timeline(last: $last) { ${EVENT_FIELDS} }
        }
      }`,
      { id: customer.externalId, last },
    );
    return data.customer as {
      surveyResponses: { id: string; respondedAt: string }[];
      contacts: { id: string; startedAt: string }[];
      selfServiceSessions: { id: string; startedAt: string }[];
      timeline: Event[];
    };
  }

  const contact = (name: string, at: string): Event => ({ __typename: 'Contact', id: ids[name]!, at });
  const survey = (name: string, at: string): Event => ({ __typename: 'SurveyResponse', id: ids[name]!, at });
  const session = (name: string, at: string): Event => ({
    __typename: 'SelfServiceSession',
    id: ids[name]!,
    at,
  });
  /** The journey customer's whole timeline, as the API must list it. */
  const fullTimeline = () => [
    contact('contactAt7h30', '2026-03-02T07:30:00.000Z'),
    session('sessionAt8', '2026-03-02T08:00:00.000Z'),
    contact('contactAt8', '2026-03-02T08:00:00.000Z'),
    survey('surveyAt8', '2026-03-02T08:00:00.000Z'),
    contact('contactAt10', '2026-03-02T10:00:00.000Z'),
    contact('contactAt10Later', '2026-03-02T10:00:00.000Z'),
    survey('surveyAt11', '2026-03-02T11:00:00.000Z'),
    session('sessionAt15', '2026-03-02T15:00:00.000Z'),
  ];

  it('lists each kind oldest first by UTC instant, ties in import order', async () => {
    const { surveyResponses, contacts, selfServiceSessions } = await history(journey);
    expect(contacts).toEqual([
      { id: ids.contactAt7h30, startedAt: '2026-03-02T07:30:00.000Z' },
      { id: ids.contactAt8, startedAt: '2026-03-02T08:00:00.000Z' },
      { id: ids.contactAt10, startedAt: '2026-03-02T10:00:00.000Z' },
      { id: ids.contactAt10Later, startedAt: '2026-03-02T10:00:00.000Z' },
    ]);
    expect(surveyResponses).toEqual([
      { id: ids.surveyAt8, respondedAt: '2026-03-02T08:00:00.000Z' },
      { id: ids.surveyAt11, respondedAt: '2026-03-02T11:00:00.000Z' },
    ]);
    expect(selfServiceSessions).toEqual([
      { id: ids.sessionAt8, startedAt: '2026-03-02T08:00:00.000Z' },
      { id: ids.sessionAt15, startedAt: '2026-03-02T15:00:00.000Z' },
    ]);
  });

  it('merges the kinds into one timeline: by time, then session before contact before survey', async () => {
    expect((await history(journey)).timeline).toEqual(fullTimeline());
  });

  it('with last, keeps the most recent rows, still oldest first, cutting ties by import order', async () => {
    const one = await history(journey, 1);
    expect(one.contacts.map((c) => c.id)).toEqual([ids.contactAt10Later]);
    expect(one.surveyResponses.map((r) => r.id)).toEqual([ids.surveyAt11]);
    expect(one.selfServiceSessions.map((s) => s.id)).toEqual([ids.sessionAt15]);
    expect(one.timeline).toEqual(fullTimeline().slice(-1));

    const three = await history(journey, 3);
    expect(three.contacts.map((c) => c.id)).toEqual([ids.contactAt8, ids.contactAt10, ids.contactAt10Later]);
    expect(three.surveyResponses.map((r) => r.id)).toEqual([ids.surveyAt8, ids.surveyAt11]);
    expect(three.timeline).toEqual(fullTimeline().slice(-3));

    // Five cuts through the three events at 08:00, of three kinds.
    for (const last of [5, 6, 7, 8, 1_000]) {
      expect((await history(journey, last)).timeline).toEqual(fullTimeline().slice(-last));
    }
  });

  it('answers empty lists for a customer without facts', async () => {
    const empty = { surveyResponses: [], contacts: [], selfServiceSessions: [], timeline: [] };
    expect(await history(quiet)).toEqual(empty);
    expect(await history(quiet, 10)).toEqual(empty);
  });

  it.each([0, -1, 1_001])('refuses last: %d', async (last) => {
    for (const field of ['surveyResponses', 'contacts', 'selfServiceSessions', 'timeline']) {
      const { data, errors } = await api.graphql(
        `query ($id: ID!, $last: Int) { customer(id: $id) { ${field}(last: $last) { __typename } } }`,
        { id: journey.externalId, last },
      );
      expect(data).toEqual({ customer: null });
      expect(errors).toHaveLength(1);
      expect(errors![0]).toMatchObject({
        message: `last: got ${last}, expected a count from 1 to 1000 (how many of the most recent to list)`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'last' },
      });
    }
  });

  describe('a page of customers with their history', () => {
    async function page(first: number, selection: string) {
      const data = await query(
        `query ($first: Int!, $regions: [String!]) {
          customers(first: $first, filter: { regions: $regions }) { nodes { id ${selection} } }
        }`,
        { first, regions: [PAGE_REGION] },
      );
      return data.customers.nodes as Record<string, any>[];
    }

    /** SQL statements one page of `first` customers costs. */
    async function statementsFor(first: number, selection: string): Promise<number> {
      statements.length = 0;
      const nodes = await page(first, selection);
      expect(nodes).toHaveLength(first);
      return statements.length;
    }

    const everything = `
      surveyResponses { id }
      contacts { id }
      selfServiceSessions { id }
      timeline { __typename }
    `;

    it('costs one query for the page and one per fact kind, however many customers it holds', async () => {
      const counts = [];
      for (const first of [1, 5, PAGE_CUSTOMERS]) counts.push(await statementsFor(first, everything));
      expect(counts).toEqual([4, 4, 4]);
    });

    it('costs one more query per fact kind and distinct last, not per customer', async () => {
      const selection = `
        surveyResponses(last: 1) { id }
        contacts { id }
        selfServiceSessions(last: 1) { id }
        timeline(last: 3) { __typename }
      `;
      // page, surveys ×2 (last 1, last 3), contacts ×2 (all, last 3), sessions ×2 (last 1, last 3)
      const counts = [];
      for (const first of [1, 5, PAGE_CUSTOMERS]) counts.push(await statementsFor(first, selection));
      expect(counts).toEqual([7, 7, 7]);
    });

    it('gives every customer of the page its own facts, in time order', async () => {
      const nodes = await page(
        PAGE_CUSTOMERS,
        `contacts { startedAt } timeline(last: 4) { ${EVENT_FIELDS} }`,
      );
      nodes.forEach((node, i) => {
        const [first, second] = [hours(i), hours(i + 1)].map((date) => date.toISOString());
        expect(node.contacts).toEqual([{ startedAt: first }, { startedAt: second }]);
        expect(node.timeline.map((event: Event) => [event.__typename, event.at])).toEqual([
          ['SurveyResponse', first],
          ['SelfServiceSession', second],
          ['Contact', second],
          ['SurveyResponse', second],
        ]);
      });
    });
  });
});
