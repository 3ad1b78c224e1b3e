import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadAlertRules, loadConfig } from '../src/config.js';
import { DEFAULT_ALERT_RULES, alertRulesSchema } from '../src/modules/alerts/alert-rules.config.js';
import { AUTOMATIC_PREFERENCE_REASON } from '../src/modules/alerts/alert-rules.follow-up.js';
import type { RawRow } from '../src/modules/ingest/record-kind.js';
import { alertsOf, daysAfter, HOUR_MS, importWithRules } from './support/alert-fixtures.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

const T0 = new Date('2026-05-04T09:00:00Z');
const SECOND_DAYS = 1 / 86_400;

describe.each(DIALECTS)('alert rules on %s', (dialect) => {
  let database: MigratedDatabase;
  let knex: Knex;
  let customers = 0;

  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
    knex = database.orm.em.getConnection().getKnex();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const rules = DEFAULT_ALERT_RULES;
  const load = (kind: Parameters<typeof importWithRules>[1], rows: RawRow[], config = rules) =>
    importWithRules(database, kind, rows, config);

  /** A new customer of this test; its id prefixes the ids of its facts. */
  async function customer(tier: 'vip' | 'standard' | null = 'standard', config = rules): Promise<string> {
    const id = `C${++customers}`;
    await load('customers', [{ customer_id: id, birth_year: 1970, signup_date: '2024-01-01', tier }], config);
    return id;
  }
  const nps = (customerId: string, n: number, score: number, at: string, type = 'nps'): RawRow => ({
    response_id: `${customerId}-R${n}`,
    customer_id: customerId,
    type,
    score,
    responded_at: at,
  });
  const contact = (customerId: string, n: number, at: string, wait: number | null = null): RawRow => ({
    contact_id: `${customerId}-K${n}`,
    customer_id: customerId,
    channel: 'phone',
    started_at: at,
    wait_seconds: wait,
  });
  const session = (customerId: string, n: number, at: string, outcome = 'escalated'): RawRow => ({
    session_id: `${customerId}-S${n}`,
    customer_id: customerId,
    entry: 'chatbot',
    outcome,
    started_at: at,
  });
  const brief = async (customerId: string) =>
    (await alertsOf(knex, customerId)).map(({ rule, triggerKey, value }) => ({ rule, triggerKey, value }));
  const preferenceOf = async (customerId: string) => {
    const rows: Record<string, unknown>[] = await knex('live_agent_preferences as p')
      .join('customers as c', 'c.id', 'p.customer_id')
      .where('c.external_id', customerId)
      .select('p.reason', 'p.source', 'p.since');
    return rows.map((row) => ({
      reason: row.reason,
      source: row.source,
      since: new Date(dialect === 'sqlite' ? Number(row.since) : (row.since as Date)).toISOString(),
    }));
  };

  describe('VIP detractor', () => {
    it('fires on an NPS of 6 or less from a VIP, not on 7, nor on a standard or untiered customer', async () => {
      const vip = await customer('vip');
      const standard = await customer('standard');
      const untiered = await customer(null);
      await load('surveys', [
        nps(vip, 1, 6, daysAfter(T0, 0)),
        nps(vip, 2, 7, daysAfter(T0, 1)),
        nps(vip, 3, 0, daysAfter(T0, 2)),
        nps(vip, 4, 1, daysAfter(T0, 3), 'csat'),
        nps(standard, 1, 0, daysAfter(T0, 0)),
        nps(untiered, 1, 0, daysAfter(T0, 0)),
      ]);
      expect(await alertsOf(knex, vip)).toMatchObject([
        {
          rule: 'vip_detractor',
          triggerKey: `${vip}-R1`,
          value: 6,
          tier: 'vip',
          status: 'open',
          triggeredAt: daysAfter(T0, 0),
        },
        { rule: 'vip_detractor', triggerKey: `${vip}-R3`, value: 0 },
      ]);
      expect(await brief(standard)).toEqual([]);
      expect(await brief(untiered)).toEqual([]);
    });

    it('follows a configured detractor threshold and can be switched off', async () => {
      const vip = await customer('vip');
      const strict = alertRulesSchema.parse({ vipDetractor: { maxScore: 4 } });
      await load('surveys', [nps(vip, 1, 5, daysAfter(T0, 0)), nps(vip, 2, 4, daysAfter(T0, 1))], strict);
      const off = alertRulesSchema.parse({ vipDetractor: { enabled: false } });
      await load('surveys', [nps(vip, 3, 0, daysAfter(T0, 2))], off);
      expect(await brief(vip)).toEqual([{ rule: 'vip_detractor', triggerKey: `${vip}-R2`, value: 4 }]);
    });
  });

  describe('backfired self-service', () => {
    it('fires when a detractor NPS or a CSAT of 1-2 follows an escalated session within 7 days', async () => {
      const [atLimit, csat2, late, csat3, resolved, before] = await Promise.all(
        Array.from({ length: 6 }, () => customer()),
      );
      await load('selfservice', [
        session(atLimit!, 1, daysAfter(T0, 0)),
        session(csat2!, 1, daysAfter(T0, 0)),
        session(late!, 1, daysAfter(T0, 0)),
        session(csat3!, 1, daysAfter(T0, 0)),
        session(resolved!, 1, daysAfter(T0, 0), 'resolved'),
        session(before!, 1, daysAfter(T0, 0)),
      ]);
      await load('surveys', [
        nps(atLimit!, 1, 6, daysAfter(T0, 7)),
        nps(csat2!, 1, 2, daysAfter(T0, 1), 'csat'),
        nps(late!, 1, 0, daysAfter(T0, 7 + SECOND_DAYS)),
        nps(csat3!, 1, 3, daysAfter(T0, 1), 'csat'),
        nps(resolved!, 1, 0, daysAfter(T0, 1)),
        nps(before!, 1, 0, daysAfter(T0, -SECOND_DAYS)),
      ]);
      expect(await brief(atLimit!)).toEqual([
        { rule: 'backfired_self_service', triggerKey: `${atLimit}-S1`, value: 6 },
      ]);
      expect(await alertsOf(knex, csat2!)).toMatchObject([
        {
          rule: 'backfired_self_service',
          triggerKey: `${csat2}-S1`,
          value: 2,
          triggeredAt: daysAfter(T0, 1),
        },
      ]);
      for (const quiet of [late!, csat3!, resolved!, before!]) expect(await brief(quiet)).toEqual([]);
    });

    it('fires when the session arrives after the score, once per session, on its first low score', async () => {
      const id = await customer();
      await load('surveys', [nps(id, 1, 1, daysAfter(T0, 2), 'csat'), nps(id, 2, 3, daysAfter(T0, 1))]);
      await load('selfservice', [session(id, 1, daysAfter(T0, 0))]);
      expect(await alertsOf(knex, id)).toMatchObject([
        { rule: 'backfired_self_service', triggerKey: `${id}-S1`, value: 3, triggeredAt: daysAfter(T0, 1) },
      ]);
    });

    it('marks the customer as preferring a live agent, since the low score, unless switched off', async () => {
      const marked = await customer();
      const unmarked = await customer();
      await load('selfservice', [
        session(marked, 1, daysAfter(T0, 0)),
        session(unmarked, 1, daysAfter(T0, 0)),
      ]);
      await load('surveys', [nps(marked, 1, 2, daysAfter(T0, 1.5))]);
      const off = alertRulesSchema.parse({ automaticLiveAgentPreference: false });
      await load('surveys', [nps(unmarked, 1, 2, daysAfter(T0, 1.5))], off);
      expect(await preferenceOf(marked)).toEqual([
        { reason: AUTOMATIC_PREFERENCE_REASON, source: 'automatic', since: daysAfter(T0, 1.5) },
      ]);
      expect(await preferenceOf(unmarked)).toEqual([]);
      expect(await brief(unmarked)).toHaveLength(1);
    });
  });

  describe('repeat contacts', () => {
    it('fires on the third contact within 7 days, the first exactly 7 days before', async () => {
      const id = await customer();
      await load('contacts', [
        contact(id, 1, daysAfter(T0, 0)),
        contact(id, 2, daysAfter(T0, 3)),
        contact(id, 3, daysAfter(T0, 7)),
      ]);
      expect(await brief(id)).toEqual([{ rule: 'repeat_contacts', triggerKey: `${id}-K3`, value: 3 }]);
    });

    it('raises one alert for a burst, and another once its first contacts have left the window', async () => {
      const id = await customer();
      const days = [0, 1, 2, 3, 4, 8.5, 9];
      await load(
        'contacts',
        days.map((day, n) => contact(id, n + 1, daysAfter(T0, day))),
      );
      // Day 2 completes three; days 3 and 4 make four and five; by day 9 only days 2, 3, 4, 8.5 and 9
      // are within 7 days: five, not three. Day 8.5 sees days 2, 3, 4 and itself: four. No second alert.
      // A later contact on day 11.5 sees days 4.5-11.5: 8.5, 9 and itself, three again.
      await load('contacts', [contact(id, 8, daysAfter(T0, 11.5))]);
      expect(await brief(id)).toEqual([
        { rule: 'repeat_contacts', triggerKey: `${id}-K3`, value: 3 },
        { rule: 'repeat_contacts', triggerKey: `${id}-K8`, value: 3 },
      ]);
    });

    it('does not fire for two contacts, nor for three spread over more than 7 days', async () => {
      const two = await customer();
      const spread = await customer();
      await load('contacts', [
        contact(two, 1, daysAfter(T0, 0)),
        contact(two, 2, daysAfter(T0, 1)),
        contact(spread, 1, daysAfter(T0, 0)),
        contact(spread, 2, daysAfter(T0, 3)),
        contact(spread, 3, daysAfter(T0, 7 + SECOND_DAYS)),
      ]);
      expect(await brief(two)).toEqual([]);
      expect(await brief(spread)).toEqual([]);
    });

    it('counts contacts imported earlier, and follows a configured count and window', async () => {
      const id = await customer();
      await load('contacts', [contact(id, 1, daysAfter(T0, 0))]);
      await load('contacts', [contact(id, 2, daysAfter(T0, 1))]);
      await load('contacts', [contact(id, 3, daysAfter(T0, 2))]);
      const wide = alertRulesSchema.parse({ repeatContacts: { contacts: 2, windowDays: 30 } });
      const other = await customer();
      await load(
        'contacts',
        [contact(other, 1, daysAfter(T0, 0)), contact(other, 2, daysAfter(T0, 20))],
        wide,
      );
      expect(await brief(id)).toEqual([{ rule: 'repeat_contacts', triggerKey: `${id}-K3`, value: 3 }]);
      expect(await brief(other)).toEqual([{ rule: 'repeat_contacts', triggerKey: `${other}-K2`, value: 2 }]);
    });
  });

  describe('long wait', () => {
    it('fires on a wait over the limit of the channel, not at it or without a wait', async () => {
      const id = await customer();
      await load('contacts', [
        contact(id, 1, daysAfter(T0, 0), 600),
        contact(id, 2, daysAfter(T0, 10), 601),
        contact(id, 3, daysAfter(T0, 20), null),
        { ...contact(id, 4, daysAfter(T0, 30), 86_400), channel: 'email' },
        { ...contact(id, 5, daysAfter(T0, 40), 86_401), channel: 'email' },
        { ...contact(id, 6, daysAfter(T0, 50), 301), channel: 'chat' },
      ]);
      expect(await brief(id)).toEqual([
        { rule: 'long_wait', triggerKey: `${id}-K2`, value: 601 },
        { rule: 'long_wait', triggerKey: `${id}-K5`, value: 86_401 },
        { rule: 'long_wait', triggerKey: `${id}-K6`, value: 301 },
      ]);
    });

    it('follows a configured limit', async () => {
      const id = await customer();
      const patient = alertRulesSchema.parse({ longWait: { waitSeconds: { phone: 1_800 } } });
      await load(
        'contacts',
        [
          contact(id, 1, daysAfter(T0, 0), 1_800),
          contact(id, 2, daysAfter(T0, 10), 1_801),
          { ...contact(id, 3, daysAfter(T0, 20), 301), channel: 'chat' },
        ],
        patient,
      );
      expect(await brief(id)).toEqual([
        { rule: 'long_wait', triggerKey: `${id}-K2`, value: 1_801 },
        { rule: 'long_wait', triggerKey: `${id}-K3`, value: 301 },
      ]);
    });
  });

  describe('SLA and idempotence', () => {
    it('sets dueAt from the rule and tier SLA, counted from the event rather than the import', async () => {
      const vip = await customer('vip');
      const untiered = await customer(null);
      const custom = alertRulesSchema.parse({ longWait: { slaHours: { vip: 2, standard: 10.5 } } });
      for (const rulesOfImport of [rules, custom]) {
        const n = rulesOfImport === rules ? 1 : 2;
        await load(
          'contacts',
          [contact(vip, n, daysAfter(T0, n * 10), 1_000), contact(untiered, n, daysAfter(T0, n * 10), 1_000)],
          rulesOfImport,
        );
      }
      const sla = async (id: string) =>
        (await alertsOf(knex, id)).map(({ tier, triggeredAt, openedAt, dueAt }) => ({
          tier,
          // The contacts started in May 2026 (T0 + 10 and + 20 days); the import ran now, months later.
          triggeredAt,
          hoursFromEvent: (dueAt.getTime() - Date.parse(triggeredAt)) / HOUR_MS,
          openedAfterEvent: openedAt.getTime() > Date.parse(triggeredAt),
        }));
      // VIP: 24 h by default, 2 h by the custom rules; untiered counts as standard: 72 h, then 10.5 h.
      expect(await sla(vip)).toEqual([
        { tier: 'vip', triggeredAt: daysAfter(T0, 10), hoursFromEvent: 24, openedAfterEvent: true },
        { tier: 'vip', triggeredAt: daysAfter(T0, 20), hoursFromEvent: 2, openedAfterEvent: true },
      ]);
      expect(await sla(untiered)).toEqual([
        { tier: 'standard', triggeredAt: daysAfter(T0, 10), hoursFromEvent: 72, openedAfterEvent: true },
        { tier: 'standard', triggeredAt: daysAfter(T0, 20), hoursFromEvent: 10.5, openedAfterEvent: true },
      ]);
    });

    it('never raises an alert twice when the same rows, changed or not, are imported again', async () => {
      const vip = await customer('vip');
      const contacts = [0, 1, 2].map((day) => contact(vip, day, daysAfter(T0, day), 1_000));
      const surveys = [nps(vip, 1, 3, daysAfter(T0, 4))];
      const sessions = [session(vip, 1, daysAfter(T0, 3.5))];
      for (let round = 0; round < 2; round++) {
        await load('contacts', contacts);
        await load('surveys', surveys);
        await load('selfservice', sessions);
      }
      await load('surveys', [{ ...surveys[0], score: 2 }]);
      await load(
        'contacts',
        contacts.map((row) => ({ ...row, wait_seconds: 2_000 })),
      );
      expect((await brief(vip)).map(({ rule, triggerKey }) => `${rule} ${triggerKey}`).sort()).toEqual([
        `backfired_self_service ${vip}-S1`,
        `long_wait ${vip}-K0`,
        `long_wait ${vip}-K1`,
        `long_wait ${vip}-K2`,
        `repeat_contacts ${vip}-K2`,
        `vip_detractor ${vip}-R1`,
      ]);
      const events: { action: string; actor_name: string; actor_kind: string; n: number | string }[] =
        await knex('alert_events as e')
          .join('alerts as a', 'a.id', 'e.alert_id')
          .join('customers as c', 'c.id', 'a.customer_id')
          .where('c.external_id', vip)
          .groupBy('e.action', 'e.actor_name', 'e.actor_kind')
          .select('e.action', 'e.actor_name', 'e.actor_kind', knex.raw('count(*) as n'));
      expect(events.map((row) => ({ ...row, n: Number(row.n) }))).toEqual([
        { action: 'opened', actor_name: 'alert rules', actor_kind: 'system', n: 6 },
      ]);
    });
  });
});

describe('alert rules configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-alert-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fileWith = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('defaults to the documented thresholds and SLAs', () => {
    const rules = loadAlertRules({});
    expect(rules).toEqual(DEFAULT_ALERT_RULES);
    expect(rules).toMatchObject({
      vipDetractor: { enabled: true, maxScore: 6, slaHours: { vip: 24, standard: 48 } },
      repeatContacts: { contacts: 3, windowDays: 7 },
      riskJump: { threshold: 70, slaHours: { vip: 24, standard: 72 } },
      longWait: {
        waitSeconds: { phone: 600, chat: 300, email: 86_400, social: 14_400, video: 600, in_person: 1_200 },
      },
      automaticLiveAgentPreference: true,
    });
  });

  it('reads a JSON file named by CX_ALERT_RULES; what it leaves out keeps its default', () => {
    const path = fileWith(
      'rules.json',
      JSON.stringify({ longWait: { waitSeconds: { email: 3_600 }, slaHours: { vip: 4 } } }),
    );
    const rules = loadAlertRules({ CX_ALERT_RULES: path });
    expect(rules.longWait).toEqual({
      enabled: true,
      waitSeconds: { ...DEFAULT_ALERT_RULES.longWait.waitSeconds, email: 3_600 },
      slaHours: { vip: 4, standard: 72 },
    });
    expect(rules.vipDetractor).toEqual(DEFAULT_ALERT_RULES.vipDetractor);
  });

  it.each([
    [
      'typo.json',
      '{"longWait": {"waitSecs": 600}}',
      /^CX_ALERT_RULES: longWait: Unrecognized key: "waitSecs", got ".*typo\.json"$/,
    ],
    [
      'negative.json',
      '{"riskJump": {"slaHours": {"vip": -1}}}',
      /^CX_ALERT_RULES: riskJump\.slaHours\.vip: expected a positive number of hours, got "/,
    ],
    ['broken.json', '{"longWait": ', /^CX_ALERT_RULES: cannot read a JSON file there \(.+\), got "/],
  ])('refuses %s with one line naming the variable and the key', (name, content, message) => {
    const path = fileWith(name, content);
    expect(() => loadAlertRules({ CX_ALERT_RULES: path })).toThrow(ConfigError);
    expect(() => loadAlertRules({ CX_ALERT_RULES: path })).toThrow(message);
  });

  it('refuses a file that does not exist, already when the configuration is loaded at start-up', () => {
    const missing = { CX_ALERT_RULES: join(dir, 'missing.json') };
    expect(() => loadAlertRules(missing)).toThrow(/^CX_ALERT_RULES: cannot read a JSON file there \(ENOENT/);
    expect(() => loadConfig(missing)).toThrow(/^CX_ALERT_RULES: cannot read a JSON file there \(ENOENT/);
  });
});
