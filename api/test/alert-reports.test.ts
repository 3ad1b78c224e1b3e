import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRule } from '../src/modules/alerts/alert-rule.js';
import { AlertStatus } from '../src/modules/alerts/alert-status.js';
import { Alert } from '../src/modules/alerts/alert.entity.js';
import type { Customer } from '../src/modules/customers/customer.entity.js';
import { Tier } from '../src/modules/customers/tier.js';
import { HOUR_MS } from './support/alert-fixtures.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { makeCustomer } from './support/factories.js';

/** Hand-made alerts: durations in hours after openedAt (null: not reached). */
interface AlertSpec {
  key: string;
  rule: AlertRule;
  tier: Tier;
  opened: string;
  status: AlertStatus;
  acknowledged?: number;
  resolved?: number;
  slaHours: number;
  owner?: string;
}

const at = (opened: string, hours: number | undefined) =>
  hours === undefined ? null : new Date(Date.parse(opened) + hours * HOUR_MS);

/*
 * Measures, by hand. Hours to acknowledge: a1 1, a2 3, a3 2, a4 0.5, a6 4; to resolve: a1 10, a2 80
 * (SLA 72: late), a4 20, a6 30.
 */
const MEASURED: AlertSpec[] = [
  {
    key: 'a1',
    rule: AlertRule.LONG_WAIT,
    tier: Tier.STANDARD,
    opened: '2026-03-02T00:00:00Z',
    status: AlertStatus.RESOLVED,
    acknowledged: 1,
    resolved: 10,
    slaHours: 72,
  },
  {
    key: 'a2',
    rule: AlertRule.LONG_WAIT,
    tier: Tier.STANDARD,
    opened: '2026-03-03T00:00:00Z',
    status: AlertStatus.RESOLVED,
    acknowledged: 3,
    resolved: 80,
    slaHours: 72,
  },
  {
    key: 'a3',
    rule: AlertRule.LONG_WAIT,
    tier: Tier.VIP,
    opened: '2026-03-10T00:00:00Z',
    status: AlertStatus.ACKNOWLEDGED,
    acknowledged: 2,
    slaHours: 24,
    owner: 'Dana',
  },
  {
    key: 'a4',
    rule: AlertRule.VIP_DETRACTOR,
    tier: Tier.VIP,
    opened: '2026-04-01T00:00:00Z',
    status: AlertStatus.RESOLVED,
    acknowledged: 0.5,
    resolved: 20,
    slaHours: 24,
  },
  {
    key: 'a5',
    rule: AlertRule.VIP_DETRACTOR,
    tier: Tier.VIP,
    opened: '2026-04-02T00:00:00Z',
    status: AlertStatus.OPEN,
    slaHours: 24,
  },
  {
    key: 'a6',
    rule: AlertRule.REPEAT_CONTACTS,
    tier: Tier.STANDARD,
    opened: '2026-04-05T00:00:00Z',
    status: AlertStatus.RESOLVED,
    acknowledged: 4,
    resolved: 30,
    slaHours: 48,
    owner: 'Dana',
  },
];

const MEASURE_FIELDS = `period rule tier alerts acknowledged resolved resolvedWithinSla
  meanHoursToAcknowledge medianHoursToAcknowledge meanHoursToResolve medianHoursToResolve resolvedWithinSlaRate`;

describe.each(DIALECTS)('alert queries and measures on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const em = api.database.orm.em.fork();
    const customers = {
      [Tier.STANDARD]: makeCustomer(em, { tier: Tier.STANDARD }),
      [Tier.VIP]: makeCustomer(em, { tier: Tier.VIP }),
    };
    const now = Date.now();
    // Live alerts around now for the overdue checks: due two hours ago, an hour ago, in an hour.
    const live: AlertSpec[] = [
      {
        key: 'late-open',
        rule: AlertRule.LONG_WAIT,
        tier: Tier.VIP,
        opened: new Date(now - 25 * HOUR_MS).toISOString(),
        status: AlertStatus.OPEN,
        slaHours: 24,
      },
      {
        key: 'late-contacted',
        rule: AlertRule.BACKFIRED_SELF_SERVICE,
        tier: Tier.STANDARD,
        opened: new Date(now - 50 * HOUR_MS).toISOString(),
        status: AlertStatus.CUSTOMER_CONTACTED,
        slaHours: 48,
        owner: 'Lee',
      },
      {
        key: 'on-time',
        rule: AlertRule.LONG_WAIT,
        tier: Tier.STANDARD,
        opened: new Date(now - 23 * HOUR_MS).toISOString(),
        status: AlertStatus.OPEN,
        slaHours: 24,
      },
    ];
    for (const spec of [...MEASURED, ...live]) makeAlert(em, customers[spec.tier], spec);
    await em.flush();
  });
  afterAll(async () => {
    await api?.close();
  });

  function makeAlert(
    em: ReturnType<TestApi['database']['orm']['em']['fork']>,
    customer: Customer,
    spec: AlertSpec,
  ) {
    const opened = new Date(spec.opened);
    em.create(Alert, {
      rule: spec.rule,
      triggerKey: spec.key,
      customer,
      tier: spec.tier,
      status: spec.status,
      value: 1,
      triggeredAt: opened,
      openedAt: opened,
      dueAt: at(spec.opened, spec.slaHours)!,
      owner: spec.owner ?? null,
      acknowledgedAt: at(spec.opened, spec.acknowledged),
      customerContactedAt: at(spec.opened, spec.resolved),
      resolvedAt: at(spec.opened, spec.resolved),
    });
  }

  const keysOf = async (filter: Record<string, unknown>) => {
    const response = await api.graphql<{ alerts: { totalCount: number; nodes: { triggerKey: string }[] } }>(
      'query ($filter: AlertFilter) { alerts(filter: $filter) { totalCount nodes { triggerKey } } }',
      { filter },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.alerts.totalCount).toBe(response.data!.alerts.nodes.length);
    return response.data!.alerts.nodes.map(({ triggerKey }) => triggerKey);
  };
  const measures = async (args: string) => {
    const response = await api.graphql<{ alertMeasures: Record<string, unknown>[] }>(
      `{ alertMeasures${args} { ${MEASURE_FIELDS} } }`,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.alertMeasures;
  };

  it('lists alerts soonest due first and filters by status, rule, owner, customer and overdue', async () => {
    expect(await keysOf({})).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
      'late-contacted',
      'late-open',
      'on-time',
    ]);
    expect(await keysOf({ statuses: ['OPEN', 'ACKNOWLEDGED'] })).toEqual([
      'a3',
      'a5',
      'late-open',
      'on-time',
    ]);
    expect(await keysOf({ rules: ['VIP_DETRACTOR', 'REPEAT_CONTACTS'] })).toEqual(['a4', 'a5', 'a6']);
    expect(await keysOf({ owner: 'Dana' })).toEqual(['a3', 'a6']);
    expect(await keysOf({ statuses: [] })).toEqual([]);
    // a3 and a5 are unresolved and long past due; the resolved ones are never overdue.
    expect(await keysOf({ overdue: true })).toEqual(['a3', 'a5', 'late-contacted', 'late-open']);
    expect(await keysOf({ overdue: false })).toEqual(['a1', 'a2', 'a4', 'a6', 'on-time']);
    expect(await keysOf({ overdue: true, rules: ['LONG_WAIT'] })).toEqual(['a3', 'late-open']);
    const vip = await api.graphql<{ customers: { nodes: { id: string }[] } }>(
      '{ customers(filter: { tiers: [VIP] }) { nodes { id } } }',
    );
    expect(await keysOf({ customerId: vip.data!.customers.nodes[0]!.id })).toEqual([
      'a3',
      'a4',
      'a5',
      'late-open',
    ]);
  });

  it('reports each alert as overdue or not, and counts unresolved, open and overdue alerts', async () => {
    const response = await api.graphql<{
      alerts: { nodes: { triggerKey: string; overdue: boolean }[] };
      alertCounts: unknown;
    }>(
      '{ alerts(filter: { rules: [LONG_WAIT] }) { nodes { triggerKey overdue } } alertCounts { unresolved open overdue } }',
    );
    expect(response.data!.alerts.nodes).toEqual([
      { triggerKey: 'a1', overdue: false },
      { triggerKey: 'a2', overdue: false },
      { triggerKey: 'a3', overdue: true },
      { triggerKey: 'late-open', overdue: true },
      { triggerKey: 'on-time', overdue: false },
    ]);
    expect(response.data!.alertCounts).toEqual({ unresolved: 5, open: 3, overdue: 4 });
  });

  it('measures time to acknowledge, time to resolve and the share resolved within SLA over all alerts', async () => {
    const [all] = await measures('(filter: { to: "2026-05-01T00:00:00Z" })');
    // Acknowledge: 0.5, 1, 2, 3, 4 -> mean 10.5 / 5, median 2. Resolve: 10, 20, 30, 80 -> mean 35,
    // median (20 + 30) / 2. Within SLA: a1, a4, a6 of 4 resolved.
    expect(all).toEqual({
      period: null,
      rule: null,
      tier: null,
      alerts: 6,
      acknowledged: 5,
      resolved: 4,
      resolvedWithinSla: 3,
      meanHoursToAcknowledge: 2.1,
      medianHoursToAcknowledge: 2,
      meanHoursToResolve: 35,
      medianHoursToResolve: 25,
      resolvedWithinSlaRate: 75,
    });
  });

  it('splits the measures by rule, and by month and tier within a window', async () => {
    const byRule = await measures('(dimensions: [RULE], filter: { to: "2026-05-01T00:00:00Z" })');
    expect(
      byRule.map(({ rule, alerts, meanHoursToAcknowledge, medianHoursToResolve, resolvedWithinSlaRate }) => ({
        rule,
        alerts,
        meanHoursToAcknowledge,
        medianHoursToResolve,
        resolvedWithinSlaRate,
      })),
    ).toEqual([
      {
        rule: 'LONG_WAIT',
        alerts: 3,
        meanHoursToAcknowledge: 2,
        medianHoursToResolve: 45,
        resolvedWithinSlaRate: 50,
      },
      {
        rule: 'REPEAT_CONTACTS',
        alerts: 1,
        meanHoursToAcknowledge: 4,
        medianHoursToResolve: 30,
        resolvedWithinSlaRate: 100,
      },
      {
        rule: 'VIP_DETRACTOR',
        alerts: 2,
        meanHoursToAcknowledge: 0.5,
        medianHoursToResolve: 20,
        resolvedWithinSlaRate: 100,
      },
    ]);
    const byMonthAndTier = await measures(
      '(dimensions: [TIER], grain: MONTH, filter: { from: "2026-03-01T00:00:00Z", to: "2026-05-01T00:00:00Z" })',
    );
    expect(
      byMonthAndTier.map(
        ({ period, tier, alerts, medianHoursToAcknowledge, meanHoursToResolve, resolvedWithinSlaRate }) => ({
          period,
          tier,
          alerts,
          medianHoursToAcknowledge,
          meanHoursToResolve,
          resolvedWithinSlaRate,
        }),
      ),
    ).toEqual([
      {
        period: '2026-03-01T00:00:00.000Z',
        tier: 'STANDARD',
        alerts: 2,
        medianHoursToAcknowledge: 2,
        meanHoursToResolve: 45,
        resolvedWithinSlaRate: 50,
      },
      {
        period: '2026-03-01T00:00:00.000Z',
        tier: 'VIP',
        alerts: 1,
        medianHoursToAcknowledge: 2,
        meanHoursToResolve: null,
        resolvedWithinSlaRate: null,
      },
      {
        period: '2026-04-01T00:00:00.000Z',
        tier: 'STANDARD',
        alerts: 1,
        medianHoursToAcknowledge: 4,
        meanHoursToResolve: 30,
        resolvedWithinSlaRate: 100,
      },
      {
        period: '2026-04-01T00:00:00.000Z',
        tier: 'VIP',
        alerts: 2,
        medianHoursToAcknowledge: 0.5,
        meanHoursToResolve: 20,
        resolvedWithinSlaRate: 100,
      },
    ]);
  });

  it('refuses a window that ends before it starts', async () => {
    const response = await api.graphql(
      '{ alertMeasures(filter: { from: "2026-04-01T00:00:00Z", to: "2026-03-01T00:00:00Z" }) { alerts } }',
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/^filter\.to: /);
  });
});
