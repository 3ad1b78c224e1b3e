import { describe, expect, it } from 'vitest';
import {
  CALIBRATION,
  SOURCES,
  customerProfile,
  generateCustomers,
  generationOf,
  windowOf,
  type Channel,
  type ContactRow,
  type CustomerRow,
  type SurveyRow,
} from '../src/index.js';
import { DissatisfactionTrack } from '../src/dissatisfaction.js';

const DAY_MS = 86_400_000;
const options = { seed: 11, months: 12, until: new Date('2026-01-01T00:00:00Z') };
const CUSTOMERS = 4000;
const batch = generateCustomers(options, 0, CUSTOMERS);
const window = windowOf(options);
const time = (iso: string) => Date.parse(iso);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function groupByCustomer<T extends { customer_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.customer_id, [...(groups.get(row.customer_id) ?? []), row]);
  return groups;
}
const surveysOf = groupByCustomer(batch.surveys);
const contactsOf = groupByCustomer(batch.contacts);
const isLowScore = (survey: SurveyRow) =>
  (survey.type === 'nps' && survey.score <= 6) || (survey.type === 'csat' && survey.score <= 2);

function csatOn(channel: Channel): number {
  return mean(batch.surveys.filter((s) => s.type === 'csat' && s.channel === channel).map((s) => s.score));
}

function channelShare(generation: string, channels: Channel[]): number {
  const contacts = batch.contacts.filter(
    (contact) => generationOf(customerById.get(contact.customer_id)!.birth_year) === generation,
  );
  return contacts.filter((contact) => channels.includes(contact.channel)).length / contacts.length;
}
const customerById = new Map(batch.customers.map((customer) => [customer.customer_id, customer]));

function yearsActive(customer: CustomerRow): number {
  const from = Math.max(window.start, time(customer.signup_date));
  const to = customer.churned_at ? time(customer.churned_at) : window.end;
  return Math.max(to - from, DAY_MS) / (365.25 * DAY_MS);
}

/** Events per active customer-year, so customers who left early are compared fairly. */
function ratePerYear(customers: CustomerRow[], count: (customer: CustomerRow) => number): number {
  const events = customers.reduce((sum, customer) => sum + count(customer), 0);
  return events / customers.reduce((sum, customer) => sum + yearsActive(customer), 0);
}

function repeatContacts(contacts: ContactRow[]): number {
  return contacts.filter((contact) =>
    contacts.some(
      (other) =>
        time(other.started_at) < time(contact.started_at) &&
        time(other.started_at) >= time(contact.started_at) - 7 * DAY_MS,
    ),
  ).length;
}

describe('the generated demo reflects the calibration table', () => {
  it('has realistic volumes per customer and year', () => {
    expect(batch.contacts.length / CUSTOMERS).toBeGreaterThan(1.5);
    expect(batch.contacts.length / CUSTOMERS).toBeLessThan(4);
    expect(batch.surveys.length / CUSTOMERS).toBeGreaterThan(0.9);
    expect(batch.surveys.length / CUSTOMERS).toBeLessThan(2.2);
    expect(batch.sessions.length / CUSTOMERS).toBeGreaterThan(1.3);
    expect(batch.sessions.length / CUSTOMERS).toBeLessThan(2.8);
    const vip = batch.customers.filter((customer) => customer.tier === 'vip').length / CUSTOMERS;
    expect(vip).toBeCloseTo(CALIBRATION.vipShare.value, 1);
  });

  it('gives chat the highest satisfaction of phone, e-mail and chat', () => {
    expect(csatOn('chat') - csatOn('phone')).toBeGreaterThan(0.15);
    expect(csatOn('chat') - csatOn('email')).toBeGreaterThan(0.15);
  });

  it('has Millennials favour chat and social, Boomers phone, branch and e-mail', () => {
    expect(
      channelShare('millennial', ['chat', 'social']) - channelShare('boomer', ['chat', 'social']),
    ).toBeGreaterThan(0.2);
    expect(channelShare('boomer', ['phone', 'in_person', 'email'])).toBeGreaterThan(
      channelShare('millennial', ['phone', 'in_person', 'email']) + 0.2,
    );
  });

  it('makes long waits cost satisfaction', () => {
    const after = (long: boolean) =>
      batch.surveys
        .filter((survey) => survey.type === 'csat' && survey.channel === 'phone')
        .filter((survey) => {
          const contact = contactsOf
            .get(survey.customer_id)
            ?.findLast((c) => c.channel === 'phone' && time(c.started_at) < time(survey.responded_at));
          return contact !== undefined && contact.wait_seconds! > 600 === long;
        })
        .map((survey) => survey.score);
    expect(mean(after(false)) - mean(after(true))).toBeGreaterThan(0.3);
  });

  it('has about 9% prefer a live agent, and self-service backfire on them more often', () => {
    const prefers = new Set(
      batch.customers
        .filter((_, index) => customerProfile(options, index).prefersLiveAgent)
        .map((c) => c.customer_id),
    );
    expect(prefers.size / CUSTOMERS).toBeGreaterThan(0.07);
    expect(prefers.size / CUSTOMERS).toBeLessThan(0.11);
    const backfireRate = (preferring: boolean) => {
      const escalated = batch.sessions.filter(
        (session) => session.outcome === 'escalated' && prefers.has(session.customer_id) === preferring,
      );
      const backfired = escalated.filter((session) =>
        (surveysOf.get(session.customer_id) ?? []).some(
          (survey) =>
            isLowScore(survey) &&
            time(survey.responded_at) > time(session.started_at) &&
            time(survey.responded_at) <= time(session.started_at) + 7 * DAY_MS,
        ),
      );
      return backfired.length / escalated.length;
    };
    expect(backfireRate(true)).toBeGreaterThan(2 * backfireRate(false));
  });

  it('has 10-20% annual churn that follows from the warning signals', () => {
    const activeAtStart = batch.customers.filter((customer) => time(customer.signup_date) < window.start);
    const churnRate = activeAtStart.filter((customer) => customer.churned_at).length / activeAtStart.length;
    expect(churnRate).toBeGreaterThan(0.08);
    expect(churnRate).toBeLessThan(0.22);

    const churned = batch.customers.filter((customer) => customer.churned_at);
    const retained = batch.customers.filter((customer) => !customer.churned_at);
    const lowScores = (customer: CustomerRow) =>
      (surveysOf.get(customer.customer_id) ?? []).filter(isLowScore).length;
    const repeats = (customer: CustomerRow) => repeatContacts(contactsOf.get(customer.customer_id) ?? []);
    expect(ratePerYear(churned, lowScores)).toBeGreaterThan(2 * ratePerYear(retained, lowScores));
    expect(ratePerYear(churned, repeats)).toBeGreaterThan(1.5 * ratePerYear(retained, repeats));
  });

  it('has complaints recovered with apology and speed churn less than those without an apology', () => {
    const complaintsOf = (customer: CustomerRow) =>
      (contactsOf.get(customer.customer_id) ?? []).filter((contact) => contact.apology !== null);
    const churnAmong = (customers: CustomerRow[]) =>
      customers.filter((customer) => customer.churned_at).length / customers.length;
    const withComplaints = batch.customers.filter((customer) => complaintsOf(customer).length > 0);
    const wellRecovered = withComplaints.filter((customer) =>
      complaintsOf(customer).every((c) => c.apology && c.resolved && c.wait_seconds! <= 300),
    );
    const noApology = withComplaints.filter((customer) => complaintsOf(customer).some((c) => !c.apology));
    expect(churnAmong(noApology)).toBeGreaterThan(1.3 * churnAmong(wellRecovered));
  });

  it('gives Boomers about their published share of income as lifetime value', () => {
    const value = (customers: CustomerRow[]) => customers.reduce((sum, c) => sum + c.lifetime_value!, 0);
    const boomers = batch.customers.filter((customer) => generationOf(customer.birth_year) === 'boomer');
    const share = value(boomers) / value(batch.customers);
    expect(Math.abs(share - CALIBRATION.boomerIncomeShare.value)).toBeLessThan(0.06);
  });
});

describe('the calibration table', () => {
  it('gives every published figure a quote and a source file, and every figure a meaning and a use', () => {
    const files = Object.values(SOURCES) as string[];
    for (const [name, figure] of Object.entries(CALIBRATION)) {
      expect(figure.meaning.length, name).toBeGreaterThan(10);
      expect(figure.usedIn.length, name).toBeGreaterThan(3);
      for (const source of figure.sources) expect(files, name).toContain(source);
      if (figure.basis !== 'assumption') expect(figure.sources.length, name).toBeGreaterThan(0);
      if (figure.basis === 'published') expect(figure.quote?.length, name).toBeGreaterThan(10);
    }
  });

  it('holds the figures of issue 2', () => {
    expect(CALIBRATION.selfServiceWillingShare.value).toBe(0.91);
    expect(CALIBRATION.chatbotWelcomeShare.value).toBe(0.55);
    expect(CALIBRATION.timeValuedShare.value).toBe(0.73);
    expect(CALIBRATION.boomerWeeklyOnlineShare.value).toBe(0.71);
    expect(CALIBRATION.securityRiskBelief.value).toEqual({ boomer: 0.61, millennial: 0.45 });
    expect(CALIBRATION.wordOfMouthReach.value).toEqual({ offline: 12, online: 825 });
  });
});

describe('early warnings', () => {
  it('has the bad experiences of the 90 days before an instant foretell churn in the 90 days after it', () => {
    const snapshot = window.end - 90 * DAY_MS;
    const active = batch.customers.filter(
      (c) => time(c.signup_date) < snapshot && (c.churned_at === null || time(c.churned_at) >= snapshot),
    );
    const warnings = (customer: CustomerRow) => {
      const recent = (iso: string) => time(iso) < snapshot && time(iso) >= snapshot - 90 * DAY_MS;
      const low = (surveysOf.get(customer.customer_id) ?? []).filter(
        (s) => recent(s.responded_at) && isLowScore(s),
      );
      const open = (contactsOf.get(customer.customer_id) ?? []).filter(
        (k) => recent(k.started_at) && (k.resolved === false || k.apology === false),
      );
      return low.length + open.length;
    };
    const churnRate = (customers: CustomerRow[]) =>
      customers.filter((c) => c.churned_at !== null).length / customers.length;
    const warned = active.filter((c) => warnings(c) >= 2);
    const calm = active.filter((c) => warnings(c) === 0);
    expect(warned.length).toBeGreaterThan(30);
    expect(churnRate(warned)).toBeGreaterThan(4 * churnRate(calm));
  });
});

describe('dissatisfaction', () => {
  it('halves over the half-life and keeps 76% of itself after an apology', () => {
    const { halfLifeDays, signals } = CALIBRATION.dissatisfaction.value;
    const t0 = Date.UTC(2026, 0, 1);
    // A detractor score adds 1.0; one half-life later 0.5 is left; an apology then keeps 1 − 24% of it: 0.38.
    const track = new DissatisfactionTrack(
      [
        { name: 'detractorNps', at: t0 },
        { name: 'apology', at: t0 + halfLifeDays * DAY_MS },
      ],
      t0,
    );
    expect(track.at(t0 + 1)).toBeCloseTo(signals.detractorNps.add, 6);
    expect(track.at(t0 + halfLifeDays * DAY_MS)).toBeCloseTo(0.5, 9);
    expect(track.at(t0 + halfLifeDays * DAY_MS + 1)).toBeCloseTo(0.38, 6);
  });
});
