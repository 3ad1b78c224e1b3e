import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  SCORE_RANGES,
  SELF_SERVICE_ENTRIES,
  SELF_SERVICE_OUTCOMES,
  SURVEY_TYPES,
  TIERS,
  customerProfile,
  generateCustomers,
  generationOf,
  windowOf,
  type GeneratorOptions,
} from '../src/index.js';

/** The canonical columns of docs/importing.md, per kind, in order. */
const COLUMNS = {
  customers: [
    'customer_id',
    'name',
    'email',
    'birth_year',
    'region',
    'tier',
    'lifetime_value',
    'signup_date',
    'churned_at',
  ],
  surveys: [
    'response_id',
    'customer_id',
    'type',
    'score',
    'comment',
    'channel',
    'touchpoint',
    'responded_at',
  ],
  contacts: [
    'contact_id',
    'customer_id',
    'channel',
    'reason',
    'queue',
    'agent_id',
    'started_at',
    'wait_seconds',
    'handle_seconds',
    'transfers',
    'resolved',
    'first_contact_resolution',
    'escalated',
    'self_service_session_id',
    'out_of_policy',
    'peer_approved',
    'apology',
    'recompense_type',
    'recompense_value',
  ],
  sessions: ['session_id', 'customer_id', 'entry', 'started_at', 'steps', 'outcome', 'escalated_contact_id'],
};

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const isWholeAtLeast = (min: number) => (value: unknown) =>
  Number.isInteger(value) && (value as number) >= min;
const isBooleanOrNull = (value: unknown) => value === null || typeof value === 'boolean';
const isText = (value: unknown) => typeof value === 'string' && value.length > 0;

const cases: [string, GeneratorOptions][] = [
  ['a year up to 2026', { seed: 3, months: 12, until: new Date('2026-01-15T00:00:00Z') }],
  [
    'one month in 2016, before Gen Z came of age',
    { seed: 9, months: 1, until: new Date('2016-03-31T00:00:00Z') },
  ],
];

describe.each(cases)('rows for %s', (_label, options) => {
  const batch = generateCustomers(options, 0, 1500);
  const window = windowOf(options);
  const time = (iso: string) => Date.parse(iso);
  const customers = new Map(batch.customers.map((customer) => [customer.customer_id, customer]));
  const contacts = new Map(batch.contacts.map((contact) => [contact.contact_id, contact]));
  const sessions = new Map(batch.sessions.map((session) => [session.session_id, session]));

  it('have exactly the canonical columns', () => {
    for (const kind of ['customers', 'surveys', 'contacts', 'sessions'] as const) {
      expect(batch[kind].length).toBeGreaterThan(0);
      for (const row of batch[kind]) expect(Object.keys(row)).toEqual(COLUMNS[kind]);
    }
  });

  it('have unique, stable-looking ids', () => {
    expect(batch.customers.map((c) => c.customer_id).slice(0, 2)).toEqual(['C0000001', 'C0000002']);
    for (const [ids, pattern] of [
      [batch.customers.map((row) => row.customer_id), /^C\d{7}$/],
      [batch.surveys.map((row) => row.response_id), /^S\d{7}-\d{2,}$/],
      [batch.contacts.map((row) => row.contact_id), /^X\d{7}-\d{2,}$/],
      [batch.sessions.map((row) => row.session_id), /^K\d{7}-\d{2,}$/],
    ] as const) {
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(pattern);
    }
  });

  it('describe valid customers', () => {
    const youngest = new Date(window.end).getUTCFullYear() - 18;
    for (const [index, customer] of batch.customers.entries()) {
      // The birth year is drawn for a generation; the ranges of docs/concepts.md must give that generation back.
      expect(generationOf(customer.birth_year)).toBe(customerProfile(options, index).generation);
      expect(customer.birth_year).toBeGreaterThanOrEqual(1900);
      expect(customer.birth_year).toBeLessThanOrEqual(youngest);
      expect(TIERS).toContain(customer.tier);
      expect(customer.lifetime_value).toBeGreaterThan(0);
      expect(isText(customer.name) && isText(customer.region)).toBe(true);
      expect(customer.email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.(com|net|org)$/);
      expect(customer.signup_date).toMatch(ISO_UTC);
      expect(time(customer.signup_date)).toBeLessThan(window.end);
      if (customer.churned_at !== null) {
        expect(customer.churned_at).toMatch(ISO_UTC);
        expect(time(customer.churned_at)).toBeGreaterThanOrEqual(
          Math.max(window.start, time(customer.signup_date)),
        );
        expect(time(customer.churned_at)).toBeLessThan(window.end);
      }
    }
    if (new Date(window.end).getUTCFullYear() < 2019) {
      expect(batch.customers.some((c) => generationOf(c.birth_year) === 'gen_z')).toBe(false);
    }
  });

  it('place all activity in the window, after sign-up and not after churn', () => {
    const stamps = [
      ...batch.surveys.map((row) => [row.customer_id, row.responded_at] as const),
      ...batch.contacts.map((row) => [row.customer_id, row.started_at] as const),
      ...batch.sessions.map((row) => [row.customer_id, row.started_at] as const),
    ];
    for (const [customerId, stamp] of stamps) {
      const customer = customers.get(customerId)!;
      expect(customer).toBeDefined();
      expect(stamp).toMatch(ISO_UTC);
      expect(time(stamp)).toBeGreaterThanOrEqual(Math.max(window.start, time(customer.signup_date)));
      expect(time(stamp)).toBeLessThan(window.end);
      if (customer.churned_at) expect(time(stamp)).toBeLessThanOrEqual(time(customer.churned_at));
    }
  });

  it('give survey scores in the range of their type, with channel and touchpoint', () => {
    for (const survey of batch.surveys) {
      expect(SURVEY_TYPES).toContain(survey.type);
      const { min, max } = SCORE_RANGES[survey.type];
      expect(isWholeAtLeast(min)(survey.score) && survey.score <= max).toBe(true);
      expect(survey.channel === null || CHANNELS.includes(survey.channel)).toBe(true);
      expect(isText(survey.touchpoint)).toBe(true);
      expect(survey.comment === null || isText(survey.comment)).toBe(true);
    }
    const channels = new Set(batch.surveys.map((survey) => survey.channel));
    expect(channels.has('chat') && channels.has('phone') && channels.has(null)).toBe(true);
  });

  it('give contacts valid measures and consistent recovery fields', () => {
    for (const contact of batch.contacts) {
      expect(CHANNELS).toContain(contact.channel);
      expect(isText(contact.reason) && isText(contact.queue)).toBe(true);
      expect(contact.agent_id).toMatch(/^A\d{4}$/);
      expect(isWholeAtLeast(0)(contact.wait_seconds)).toBe(true);
      expect(isWholeAtLeast(1)(contact.handle_seconds)).toBe(true);
      expect(isWholeAtLeast(0)(contact.transfers)).toBe(true);
      for (const flag of ['resolved', 'first_contact_resolution', 'escalated'] as const) {
        expect(typeof contact[flag]).toBe('boolean');
      }
      if (contact.first_contact_resolution) expect(contact.resolved).toBe(true);
      for (const flag of ['out_of_policy', 'peer_approved', 'apology'] as const) {
        expect(isBooleanOrNull(contact[flag])).toBe(true);
      }
      const complaint = contact.apology !== null;
      expect(contact.out_of_policy !== null).toBe(complaint);
      if (contact.peer_approved !== null) expect(contact.out_of_policy).toBe(true);
      expect(contact.recompense_type === null).toBe(contact.recompense_value === null);
      if (contact.recompense_type !== null) {
        expect(complaint).toBe(true);
        expect(contact.recompense_value).toBeGreaterThan(0);
      }
    }
  });

  it('link escalated sessions and their contacts both ways, within the same customer', () => {
    for (const session of batch.sessions) {
      expect(SELF_SERVICE_ENTRIES).toContain(session.entry);
      expect(SELF_SERVICE_OUTCOMES).toContain(session.outcome);
      expect(isWholeAtLeast(1)(session.steps)).toBe(true);
      if (session.escalated_contact_id === null) continue;
      expect(session.outcome).toBe('escalated');
      const contact = contacts.get(session.escalated_contact_id)!;
      expect(contact.self_service_session_id).toBe(session.session_id);
      expect(contact.customer_id).toBe(session.customer_id);
      expect(time(contact.started_at)).toBeGreaterThanOrEqual(time(session.started_at));
    }
    for (const contact of batch.contacts) {
      if (contact.self_service_session_id === null) continue;
      expect(sessions.get(contact.self_service_session_id)?.escalated_contact_id).toBe(contact.contact_id);
    }
    expect(batch.sessions.filter((s) => s.outcome === 'escalated').every((s) => s.escalated_contact_id)).toBe(
      true,
    );
  });
});
