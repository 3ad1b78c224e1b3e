import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Channel } from '../src/modules/contacts/channel.js';
import type { Contact } from '../src/modules/contacts/contact.entity.js';
import type { Customer } from '../src/modules/customers/customer.entity.js';
import { Tier } from '../src/modules/customers/tier.js';
import { SelfServiceEntry, SelfServiceOutcome } from '../src/modules/selfservice/entry.js';
import { SurveyType } from '../src/modules/surveys/survey-type.js';
import { isCredentialLookup, startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import {
  makeContact,
  makeCustomer,
  makeSelfServiceSession,
  makeSurveyResponse,
} from './support/factories.js';

const T0 = new Date('2026-03-02T08:00:00Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const iso = (date: Date) => date.toISOString();

/** 120 contacts on only three distinct start times, so that most rows share a timestamp with others. */
const CONTACT_COUNT = 120;
const SHARED_START_TIMES = [hours(2), hours(0), hours(1)];

interface Page<T> {
  totalCount?: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe.each(DIALECTS)('GraphQL API on %s', (dialect) => {
  let api: TestApi;
  let customers: Record<'boomer' | 'millennial' | 'northMillennial' | 'genX' | 'genZ', Customer>;
  let contacts: Contact[];

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const em = api.database.orm.em.fork();
    customers = {
      boomer: makeCustomer(em, { birthYear: 1955, region: 'north', tier: Tier.VIP, churnedAt: hours(-24) }),
      millennial: makeCustomer(em, { birthYear: 1990, region: 'south', tier: Tier.STANDARD }),
      northMillennial: makeCustomer(em, { birthYear: 1988, region: 'north' }),
      genX: makeCustomer(em, { birthYear: 1970, region: 'west', tier: Tier.STANDARD, churnedAt: hours(-48) }),
      genZ: makeCustomer(em, { birthYear: 2003 }),
    };
    const { boomer, millennial } = customers;
    makeSurveyResponse(em, boomer, {
      type: SurveyType.NPS,
      score: 9,
      channel: Channel.CHAT,
      respondedAt: hours(0),
    });
    makeSurveyResponse(em, boomer, {
      type: SurveyType.CSAT,
      score: 4,
      channel: Channel.PHONE,
      respondedAt: hours(1),
    });
    makeSurveyResponse(em, millennial, {
      type: SurveyType.NPS,
      score: 3,
      channel: Channel.CHAT,
      respondedAt: hours(2),
      comment: 'The App crashed at login, again',
    });
    makeSurveyResponse(em, millennial, { type: SurveyType.CES, score: 5, respondedAt: hours(3) });

    const owners = Object.values(customers);
    const channels = [Channel.PHONE, Channel.CHAT, Channel.EMAIL];
    const reasons = ['billing', 'outage', null];
    contacts = Array.from({ length: CONTACT_COUNT }, (_, i) =>
      makeContact(em, owners[i % owners.length]!, {
        startedAt: SHARED_START_TIMES[i % SHARED_START_TIMES.length]!,
        channel: channels[i % channels.length]!,
        reason: reasons[i % 4 === 0 ? 0 : i % 4 === 1 ? 1 : 2]!,
      }),
    );

    makeSelfServiceSession(em, boomer, {
      entry: SelfServiceEntry.CHATBOT,
      outcome: SelfServiceOutcome.ESCALATED,
      startedAt: hours(0),
    });
    makeSelfServiceSession(em, boomer, {
      entry: SelfServiceEntry.FAQ,
      outcome: SelfServiceOutcome.RESOLVED,
      startedAt: hours(1),
    });
    makeSelfServiceSession(em, millennial, {
      entry: SelfServiceEntry.IVR,
      outcome: SelfServiceOutcome.ABANDONED,
      startedAt: hours(2),
    });
    await em.flush();
  });

  afterAll(async () => {
    await api?.close();
  });

  /** The data of a query that must succeed. */
  async function query<T = any>(source: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await api.graphql<T>(source, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  /** Ids of every row of a connection, read page by page over HTTP. */
  async function readAllPages(field: string, first: number, filter?: object): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 1_000; pages++) {
      const data: Record<string, Page<{ id: string }>> = await query(
        `query ($first: Int!, $after: String, $filter: ${filterType[field]}) {
          ${field}(first: $first, after: $after, filter: $filter) {
            edges { cursor node { id } } pageInfo { hasNextPage endCursor }
          }
        }`,
        { first, after, filter },
      );
      const page = data[field]!;
      expect(page.edges.length).toBeLessThanOrEqual(first);
      ids.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) return ids;
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      after = page.pageInfo.endCursor;
    }
    throw new Error(`${field} did not end`);
  }

  const filterType: Record<string, string> = {
    customers: 'CustomerFilter',
    contacts: 'ContactFilter',
    surveyResponses: 'SurveyResponseFilter',
    selfServiceSessions: 'SelfServiceSessionFilter',
  };

  it('finds a customer by the id of the import, and answers null for an unknown id', async () => {
    const data = await query(`{
      customer(id: "${customers.boomer.externalId}") { id birthYear generation region tier churnedAt }
      unknown: customer(id: "no-such-customer") { id }
    }`);
    expect(data).toEqual({
      customer: {
        id: customers.boomer.externalId,
        birthYear: 1955,
        generation: 'BOOMER',
        region: 'north',
        tier: 'VIP',
        churnedAt: iso(hours(-24)),
      },
      unknown: null,
    });
  });

  it('filters customers by generation, region, tier and churn, with totalCount', async () => {
    const ids = (filter: object) =>
      query(`query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }`, {
        filter,
      }).then(({ customers: page }) => ({
        total: page.totalCount,
        ids: page.nodes.map((n: { id: string }) => n.id),
      }));
    const { boomer, millennial, northMillennial, genX, genZ } = customers;
    const idsOf = (...list: Customer[]) => ({ total: list.length, ids: list.map((c) => c.externalId) });

    expect(await ids({})).toEqual(idsOf(boomer, millennial, northMillennial, genX, genZ));
    expect(await ids({ generations: ['MILLENNIAL', 'GEN_Z'] })).toEqual(
      idsOf(millennial, northMillennial, genZ),
    );
    expect(await ids({ regions: ['north'] })).toEqual(idsOf(boomer, northMillennial));
    expect(await ids({ tiers: ['STANDARD'] })).toEqual(idsOf(millennial, genX));
    expect(await ids({ churned: true })).toEqual(idsOf(boomer, genX));
    expect(await ids({ churned: false })).toEqual(idsOf(millennial, northMillennial, genZ));
    expect(await ids({ regions: ['north'], generations: ['MILLENNIAL'] })).toEqual(idsOf(northMillennial));
    expect(await ids({ regions: [] })).toEqual(idsOf());
  });

  it('filters survey responses by customer, type, channel and a [from, to) window on respondedAt', async () => {
    const page = (filter: object) =>
      query(
        `query ($filter: SurveyResponseFilter) {
          surveyResponses(filter: $filter) { totalCount nodes { type score channel respondedAt customerId } }
        }`,
        { filter },
      ).then(({ surveyResponses }) => surveyResponses);
    const scores = async (filter: object) =>
      (await page(filter)).nodes.map((n: { score: number }) => n.score);

    expect(await page({})).toMatchObject({ totalCount: 4 });
    expect(await scores({})).toEqual([9, 4, 3, 5]);
    expect(await scores({ customerId: customers.millennial.externalId })).toEqual([3, 5]);
    expect(await scores({ types: ['NPS'] })).toEqual([9, 3]);
    expect(await scores({ channels: ['CHAT'] })).toEqual([9, 3]);
    expect(await scores({ from: iso(hours(1)), to: iso(hours(3)) })).toEqual([4, 3]);
    expect(await scores({ from: iso(hours(1)) })).toEqual([4, 3, 5]);
    expect(await scores({ to: iso(hours(1)) })).toEqual([9]);
    expect(await scores({ customerId: 'no-such-customer' })).toEqual([]);
    // The segment of the customer, as metric filters have it: the rows behind a chart's bar.
    expect(await scores({ generations: ['MILLENNIAL'] })).toEqual([3, 5]);
    expect(await scores({ generations: ['BOOMER'], tiers: ['VIP'], regions: ['north'] })).toEqual([9, 4]);
    expect(await scores({ regions: ['south'], tiers: ['VIP'] })).toEqual([]);
    // Detractors and the comments behind a phrase, ignoring case.
    expect(await scores({ types: ['NPS'], maxScore: 6 })).toEqual([3]);
    expect(await scores({ commentContains: 'app CRASHED' })).toEqual([3]);
    expect(await scores({ commentContains: 'refund' })).toEqual([]);
    expect((await page({ types: ['CES'] })).nodes).toEqual([
      {
        type: 'CES',
        score: 5,
        channel: null,
        respondedAt: iso(hours(3)),
        customerId: customers.millennial.externalId,
      },
    ]);
  });

  it('filters contacts by customer, channel, reason and a [from, to) window on startedAt', async () => {
    const total = (filter: object) =>
      query(`query ($filter: ContactFilter) { contacts(filter: $filter) { totalCount } }`, { filter }).then(
        ({ contacts: page }) => page.totalCount,
      );
    const expected = (keep: (contact: Contact) => boolean) => contacts.filter(keep).length;

    expect(await total({})).toBe(CONTACT_COUNT);
    expect(await total({ customerId: customers.genX.externalId })).toBe(
      expected((c) => c.customer === customers.genX),
    );
    expect(await total({ channels: ['CHAT', 'EMAIL'] })).toBe(expected((c) => c.channel !== Channel.PHONE));
    expect(await total({ reasons: ['billing'] })).toBe(expected((c) => c.reason === 'billing'));
    expect(await total({ from: iso(hours(1)), to: iso(hours(2)) })).toBe(
      expected((c) => c.startedAt.getTime() === hours(1).getTime()),
    );
    expect(await total({ channels: ['PHONE'], from: iso(hours(2)) })).toBe(
      expected((c) => c.channel === Channel.PHONE && c.startedAt >= hours(2)),
    );
  });

  it('filters self-service sessions by customer, entry, outcome and a [from, to) window on startedAt', async () => {
    const entries = (filter: object) =>
      query(
        `query ($filter: SelfServiceSessionFilter) { selfServiceSessions(filter: $filter) { nodes { entry } } }`,
        {
          filter,
        },
      ).then(({ selfServiceSessions }) => selfServiceSessions.nodes.map((n: { entry: string }) => n.entry));

    expect(await entries({})).toEqual(['CHATBOT', 'FAQ', 'IVR']);
    expect(await entries({ customerId: customers.boomer.externalId })).toEqual(['CHATBOT', 'FAQ']);
    expect(await entries({ entries: ['IVR', 'FAQ'] })).toEqual(['FAQ', 'IVR']);
    expect(await entries({ outcomes: ['ESCALATED'] })).toEqual(['CHATBOT']);
    expect(await entries({ from: iso(hours(0)), to: iso(hours(2)) })).toEqual(['CHATBOT', 'FAQ']);
  });

  it('pages through rows sharing timestamps in (time, import order), each exactly once', async () => {
    const expectedOrder = contacts
      .map((contact, created) => ({ id: contact.externalId, time: contact.startedAt.getTime(), created }))
      .sort((a, b) => a.time - b.time || a.created - b.created)
      .map((row) => row.id);
    expect(await readAllPages('contacts', 7)).toEqual(expectedOrder);
    expect(await readAllPages('contacts', 1_000)).toEqual(expectedOrder);

    const phone = contacts.filter((c) => c.channel === Channel.PHONE).map((c) => c.externalId);
    expect((await readAllPages('contacts', 4, { channels: ['PHONE'] })).sort()).toEqual(phone.sort());
    expect(await readAllPages('customers', 2, { churned: false })).toEqual(
      [customers.millennial, customers.northMillennial, customers.genZ].map((c) => c.externalId),
    );
  });

  it('returns 50 rows by default, no rows but the count for first: 0, and an empty last page', async () => {
    const { contacts: page } = await query(`{ contacts { edges { cursor } pageInfo { hasNextPage } } }`);
    expect(page.edges).toHaveLength(50);
    expect(page.pageInfo.hasNextPage).toBe(true);

    const { contacts: countOnly } = await query(
      `{ contacts(first: 0) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(countOnly).toEqual({
      totalCount: CONTACT_COUNT,
      nodes: [],
      pageInfo: { hasNextPage: true, endCursor: null },
    });

    const { selfServiceSessions: rest } = await query(
      `query ($after: String) { selfServiceSessions(after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      {
        after: (await query(`{ selfServiceSessions(first: 3) { pageInfo { endCursor } } }`))
          .selfServiceSessions.pageInfo.endCursor,
      },
    );
    expect(rest).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('loads the customers of a page of facts in one query, whatever the page size', async () => {
    const { em } = api.database.orm;
    // Queries read through the read connection (SQLite's reader), loaders may use the primary: count both.
    const knexes = new Set([em.getConnection('write').getKnex(), em.getConnection('read').getKnex()]);
    const statements: string[] = [];
    const record = (event: { sql: string }) => {
      if (!isCredentialLookup(event.sql)) statements.push(event.sql);
    };
    for (const knex of knexes) knex.on('query', record);
    try {
      const countStatements = async (source: string) => {
        statements.length = 0;
        await query(source);
        return statements.length;
      };
      const page = (field: string, first: number) =>
        `{ ${field}(first: ${first}) { edges { node { id customerId customer { id generation } } } } }`;

      expect(await countStatements(page('contacts', 50))).toBe(2);
      expect(await countStatements(page('contacts', 120))).toBe(2);
      expect(await countStatements(page('surveyResponses', 50))).toBe(2);
      expect(await countStatements(page('selfServiceSessions', 50))).toBe(2);
      // totalCount costs one COUNT, and only when it is selected.
      expect(await countStatements(`{ contacts(first: 50) { totalCount nodes { customer { id } } } }`)).toBe(
        3,
      );
      expect(await countStatements(`{ contacts(first: 50) { nodes { id } } }`)).toBe(1);
    } finally {
      for (const knex of knexes) knex.removeListener('query', record);
    }
  });

  it('answers a query sent with GET (with the CSRF preflight header Apollo asks for)', async () => {
    const url = `${api.url}/graphql?query=${encodeURIComponent('{ customers(first: 1) { totalCount } }')}`;
    const response = await api.fetch(url.slice(api.url.length), {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { customers: { totalCount: 5 } } });

    const blocked = await api.fetch(url.slice(api.url.length));
    expect(blocked.status).toBe(400);
  });

  describe('rejects invalid arguments with BAD_USER_INPUT naming the argument', () => {
    const rejects = async (source: string, variables: Record<string, unknown>, message: RegExp) => {
      const { data, errors } = await api.graphql(source, variables);
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors![0]!.message).toMatch(message);
    };

    it('a page larger than 1,000 rows or negative', async () => {
      const source = 'query ($first: Int!) { contacts(first: $first) { totalCount } }';
      await rejects(source, { first: 1_001 }, /^first: got 1001, expected a page size from 0 to 1000/);
      await rejects(source, { first: -1 }, /^first: got -1, expected a page size from 0 to 1000/);
    });

    it('a cursor that is not one, or belongs to another connection', async () => {
      const source = 'query ($after: String) { contacts(after: $after) { totalCount } }';
      await rejects(
        source,
        { after: 'page-2' },
        /^after: got "page-2", expected a cursor from pageInfo.endCursor/,
      );
      const { customers: page } = await query('{ customers(first: 1) { pageInfo { endCursor } } }');
      await rejects(source, { after: page.pageInfo.endCursor }, /^after: got ".+", expected a cursor/);
    });

    it('a comment search with pattern characters', async () => {
      await rejects(
        'query ($filter: SurveyResponseFilter) { surveyResponses(filter: $filter) { totalCount } }',
        { filter: { commentContains: '50%' } },
        /^filter\.commentContains: got "50%", expected a non-blank text of at most 100 characters without %, _ or \\/,
      );
    });

    it('a window that ends before it starts', async () => {
      await rejects(
        'query ($filter: SurveyResponseFilter) { surveyResponses(filter: $filter) { totalCount } }',
        { filter: { from: iso(hours(2)), to: iso(hours(1)) } },
        /^filter\.to: got "2026-03-02T09:00:00.000Z", expected an instant not before filter.from \(2026-03-02T10:00:00.000Z\)/,
      );
    });
  });
});
