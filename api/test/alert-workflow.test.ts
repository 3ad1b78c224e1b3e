import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorKind } from '../src/modules/alerts/alert-action.js';
import { changeActor } from '../src/modules/alerts/change-actor.js';
import { Role } from '../src/modules/auth/role.js';
import { ViewerKind } from '../src/modules/auth/viewer.js';
import { startTestApi, statementLog, type GraphQLResponse, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { ingestOverHttp } from './support/ingest-over-http.js';

const ALERT_FIELDS = `
  id rule status owner triggerKey value tier customerId overdue
  triggeredAt openedAt dueAt acknowledgedAt customerContactedAt resolvedAt
  history { action status text actorName actorKind }
`;

interface AlertView {
  id: string;
  status: string;
  owner: string | null;
  triggerKey: string;
  acknowledgedAt: string | null;
  customerContactedAt: string | null;
  resolvedAt: string | null;
  history: { action: string; status: string; text: string | null; actorName: string; actorKind: string }[];
}

/** Waits over the default 900-second limit: each contact raises one LONG_WAIT alert. */
const LONG_WAITS = 14;

describe.each(DIALECTS)('alert workflow over the API on %s', (dialect) => {
  let api: TestApi;
  /** Alert ids by the contact that raised them, handed out one per test. */
  let alertIds: string[] = [];
  /** SQL statements the database received since the last reset. */
  let statements: string[] = [];

  beforeAll(async () => {
    api = await startTestApi(dialect);
    statements = statementLog(api);
    await ingestOverHttp(api, {
      customers: [
        { customerId: 'C-VIP', birthYear: 1960, signupDate: '2024-01-01', tier: 'VIP' },
        { customerId: 'C-STD', birthYear: 1990, signupDate: '2024-01-01' },
      ],
      surveyResponses: [],
      contacts: Array.from({ length: LONG_WAITS }, (_, n) => ({
        contactId: `K-${String(n).padStart(2, '0')}`,
        customerId: n % 2 ? 'C-STD' : 'C-VIP',
        channel: 'PHONE',
        // A week apart, so that no customer has three contacts within 7 days.
        startedAt: new Date(Date.UTC(2026, 0, 1 + 8 * n)).toISOString(),
        waitSeconds: 1_000 + n,
      })),
      selfServiceSessions: [],
    });
    const response = await api.graphql<{ alerts: { nodes: { id: string; triggerKey: string }[] } }>(
      '{ alerts(first: 100) { nodes { id triggerKey } } }',
    );
    alertIds = response
      .data!.alerts.nodes.sort((a, b) => a.triggerKey.localeCompare(b.triggerKey))
      .map(({ id }) => id);
  });
  afterAll(async () => {
    await api?.close();
  });

  const nextAlert = () => alertIds.shift()!;
  const mutate = (mutation: string, id: string, argument = '') =>
    api.graphql<Record<string, AlertView>>(
      `mutation ($id: ID!) { ${mutation}(id: $id${argument}) { ${ALERT_FIELDS} } }`,
      { id },
    );
  const alert = async (id: string) =>
    (
      await api.graphql<{ alert: AlertView }>(`query ($id: ID!) { alert(id: $id) { ${ALERT_FIELDS} } }`, {
        id,
      })
    ).data!.alert;
  const moveTo = async (id: string, status: string) => {
    const steps = ['ACKNOWLEDGED', 'CUSTOMER_CONTACTED', 'RESOLVED'];
    const mutations = ['acknowledgeAlert', 'recordCustomerContact', 'resolveAlert'];
    for (const mutation of mutations.slice(0, steps.indexOf(status) + 1)) {
      expect((await mutate(mutation, id)).errors).toBeUndefined();
    }
  };
  const userInputMessage = (response: GraphQLResponse) => {
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return response.errors![0]!.message;
  };

  it('raised one OPEN alert per long wait, with the SLA of the tier', async () => {
    expect(alertIds).toHaveLength(LONG_WAITS);
    const first = await alert(alertIds[0]!);
    expect(first).toMatchObject({
      rule: 'LONG_WAIT',
      status: 'OPEN',
      triggerKey: 'K-00',
      value: 1_000,
      tier: 'VIP',
      customerId: 'C-VIP',
      owner: null,
      // The contact started on 2026-01-01: its SLA ran out long before the import, whenever that ran.
      overdue: true,
      triggeredAt: '2026-01-01T00:00:00.000Z',
      dueAt: '2026-01-02T00:00:00.000Z',
      history: [
        { action: 'OPENED', status: 'OPEN', text: null, actorName: 'alert rules', actorKind: 'SYSTEM' },
      ],
    });
    const second = await alert(alertIds[1]!);
    expect(second).toMatchObject({ tier: 'STANDARD', customerId: 'C-STD' });
    // The SLA clock runs from the event (the contact's start), not from the import.
    const hoursDue = (view: AlertView & { triggeredAt?: string; dueAt?: string }) =>
      (Date.parse(view.dueAt!) - Date.parse(view.triggeredAt!)) / 3_600_000;
    expect([hoursDue(first), hoursDue(second)]).toEqual([24, 72]);
  });

  it('filters alerts by tier, generation, event window and customer, each alone and together', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (
        await api.graphql<{ alerts: { totalCount: number } }>(
          'query ($filter: AlertFilter) { alerts(filter: $filter) { totalCount } }',
          { filter },
        )
      ).data!.alerts.totalCount;
    // 14 contacts, K-00…K-13, on 2026-01-01 + 8n days; even n is C-VIP (born 1960, Boomer), odd n C-STD (1990).
    expect(await count({ tiers: ['VIP'] })).toBe(7);
    expect(await count({ tiers: ['STANDARD'] })).toBe(7);
    expect(await count({ generations: ['BOOMER'] })).toBe(7);
    expect(await count({ generations: ['MILLENNIAL', 'BOOMER'] })).toBe(14);
    expect(await count({ generations: ['GEN_Z'] })).toBe(0);
    // Jan 1 (n=0), Jan 9 (n=1), Jan 17 (n=2) fall in [Jan 1, Jan 20); Jan 25 (n=3) does not.
    expect(await count({ triggeredFrom: '2026-01-01T00:00:00Z', triggeredTo: '2026-01-20T00:00:00Z' })).toBe(
      3,
    );
    // From Jan 9 inclusive: n = 1…13.
    expect(await count({ triggeredFrom: '2026-01-09T00:00:00Z' })).toBe(13);
    expect(await count({ customerId: 'C-STD', tiers: ['VIP'] })).toBe(0);
    expect(
      await count({ customerId: 'C-VIP', generations: ['BOOMER'], triggeredTo: '2026-01-20T00:00:00Z' }),
    ).toBe(2);
  });

  it('walks OPEN -> ACKNOWLEDGED -> CUSTOMER_CONTACTED -> RESOLVED with an owner, notes and an audit trail', async () => {
    const id = nextAlert();
    const before = Date.now();
    const acknowledged = await mutate('acknowledgeAlert', id);
    expect(acknowledged.data!.acknowledgeAlert).toMatchObject({
      status: 'ACKNOWLEDGED',
      customerContactedAt: null,
    });
    const acknowledgedAt = Date.parse(acknowledged.data!.acknowledgeAlert!.acknowledgedAt!);
    expect(acknowledgedAt).toBeGreaterThanOrEqual(before - 1);
    expect(acknowledgedAt).toBeLessThanOrEqual(Date.now() + 1);

    const assigned = await mutate('assignAlert', id, ', owner: "  Dana Reyes "');
    expect(assigned.data!.assignAlert).toMatchObject({ status: 'ACKNOWLEDGED', owner: 'Dana Reyes' });
    const contacted = await mutate('recordCustomerContact', id, ', note: "Called back, apologised"');
    expect(contacted.data!.recordCustomerContact!.status).toBe('CUSTOMER_CONTACTED');
    expect(contacted.data!.recordCustomerContact!.customerContactedAt).not.toBeNull();
    const noted = await mutate('addAlertNote', id, ', text: "Credit of 20 issued"');
    expect(noted.data!.addAlertNote!.status).toBe('CUSTOMER_CONTACTED');
    const resolved = await mutate('resolveAlert', id);
    expect(resolved.data!.resolveAlert).toMatchObject({ status: 'RESOLVED', overdue: false });
    expect(resolved.data!.resolveAlert!.resolvedAt).not.toBeNull();

    // The test API sends an ADMIN API key labelled after its role.
    const adminKey = { actorName: `test ${Role.ADMIN}`, actorKind: 'API_KEY' };
    expect((await alert(id)).history).toEqual([
      { action: 'OPENED', status: 'OPEN', text: null, actorName: 'alert rules', actorKind: 'SYSTEM' },
      { action: 'ACKNOWLEDGED', status: 'ACKNOWLEDGED', text: null, ...adminKey },
      { action: 'ASSIGNED', status: 'ACKNOWLEDGED', text: 'Dana Reyes', ...adminKey },
      { action: 'CUSTOMER_CONTACTED', status: 'CUSTOMER_CONTACTED', text: null, ...adminKey },
      { action: 'NOTE_ADDED', status: 'CUSTOMER_CONTACTED', text: 'Called back, apologised', ...adminKey },
      { action: 'NOTE_ADDED', status: 'CUSTOMER_CONTACTED', text: 'Credit of 20 issued', ...adminKey },
      { action: 'RESOLVED', status: 'RESOLVED', text: null, ...adminKey },
    ]);
  });

  it.each([
    ['OPEN', 'recordCustomerContact', 'ACKNOWLEDGED'],
    ['OPEN', 'resolveAlert', 'CUSTOMER_CONTACTED'],
    ['ACKNOWLEDGED', 'acknowledgeAlert', 'OPEN'],
    ['ACKNOWLEDGED', 'resolveAlert', 'CUSTOMER_CONTACTED'],
    ['CUSTOMER_CONTACTED', 'acknowledgeAlert', 'OPEN'],
    ['CUSTOMER_CONTACTED', 'recordCustomerContact', 'ACKNOWLEDGED'],
    ['RESOLVED', 'acknowledgeAlert', 'OPEN'],
    ['RESOLVED', 'recordCustomerContact', 'ACKNOWLEDGED'],
    ['RESOLVED', 'resolveAlert', 'CUSTOMER_CONTACTED'],
    ['RESOLVED', 'assignAlert', 'OPEN or ACKNOWLEDGED or CUSTOMER_CONTACTED'],
  ])('refuses %s -> %s, naming the current and the expected status', async (current, mutation, expected) => {
    const id = nextAlert();
    await moveTo(id, current);
    const before = await alert(id);
    const response = await mutate(mutation, id, mutation === 'assignAlert' ? ', owner: "Sam"' : '');
    expect(userInputMessage(response)).toBe(
      `id: got "${id}", expected an alert in status ${expected} for ${mutation}, but alert ${id} is ${current} ` +
        '(the loop runs OPEN -> ACKNOWLEDGED -> CUSTOMER_CONTACTED -> RESOLVED, one step at a time)',
    );
    expect(await alert(id)).toEqual(before);
  });

  it('takes notes in every status, and refuses blank notes and owners, unknown and malformed ids', async () => {
    const resolved = nextAlert();
    await moveTo(resolved, 'RESOLVED');
    const noted = await mutate('addAlertNote', resolved, ', text: "Customer renewed"');
    expect(noted.data!.addAlertNote!.history.at(-1)).toMatchObject({
      action: 'NOTE_ADDED',
      text: 'Customer renewed',
    });

    const open = nextAlert();
    expect(userInputMessage(await mutate('addAlertNote', open, ', text: "  "'))).toBe(
      'text: got "  ", expected a non-blank text of at most 4000 characters',
    );
    expect(userInputMessage(await mutate('assignAlert', open, ', owner: ""'))).toBe(
      'owner: got "", expected a non-blank text of at most 200 characters',
    );
    expect(userInputMessage(await mutate('acknowledgeAlert', '999999'))).toBe(
      'id: got "999999", expected the id of an existing alert',
    );
    expect(userInputMessage(await mutate('acknowledgeAlert', 'K-00'))).toBe(
      'id: got "K-00", expected the id of an alert (a whole number, as alerts returns it)',
    );
    expect((await alert(open)).status).toBe('OPEN');
    expect(await api.graphql('{ alert(id: "999999") { id } }')).toEqual({ data: { alert: null } });
  });

  it('lists the latest 20 changes of a long trail, or the latest N, and counts them all', async () => {
    const id = nextAlert();
    for (let n = 1; n <= 22; n++) {
      expect((await mutate('addAlertNote', id, `, text: "note ${n}"`)).errors).toBeUndefined();
    }
    const response = await api.graphql<{
      alert: { historyCount: number; history: { text: string | null }[]; latest: { text: string | null }[] };
    }>(
      'query ($id: ID!) { alert(id: $id) { historyCount history { text } latest: history(last: 3) { text } } }',
      { id },
    );
    expect(response.errors).toBeUndefined();
    // OPENED, then 22 notes: the default 20 are notes 3 to 22, still oldest first.
    expect(response.data!.alert.historyCount).toBe(23);
    expect(response.data!.alert.history.map(({ text }) => text)).toEqual(
      Array.from({ length: 20 }, (_, n) => `note ${n + 3}`),
    );
    expect(response.data!.alert.latest.map(({ text }) => text)).toEqual(['note 20', 'note 21', 'note 22']);
    expect(
      userInputMessage(
        await api.graphql('query ($id: ID!) { alert(id: $id) { history(last: 0) { text } } }', { id }),
      ),
    ).toBe('last: got 0, expected a count from 1 to 1000 (how many of the most recent to list)');
  });

  it("lists a page of customers' alerts with their trails in one query per table", async () => {
    statements.length = 0;
    const response = await api.graphql<{
      customers: { nodes: { id: string; alerts: { triggerKey: string; history: { action: string }[] }[] }[] };
    }>('{ customers(first: 10) { nodes { id alerts { triggerKey history { action } historyCount } } } }');
    expect(response.errors).toBeUndefined();
    const keys = (customerId: string) =>
      response
        .data!.customers.nodes.find(({ id }) => id === customerId)!
        .alerts.map(({ triggerKey }) => triggerKey);
    const contactsOf = (parity: number) =>
      Array.from({ length: LONG_WAITS }, (_, n) => `K-${String(n).padStart(2, '0')}`).filter(
        (_, n) => n % 2 === parity,
      );
    expect(keys('C-VIP')).toEqual(contactsOf(0));
    expect(keys('C-STD')).toEqual(contactsOf(1));
    const reads = (table: string) =>
      statements.filter((sql) => new RegExp(`from ["\\x60]${table}["\\x60]`).test(sql)).length;
    // alert_events twice: the latest changes of every alert, then their counts.
    expect([reads('alerts'), reads('alert_events')]).toEqual([1, 2]);
  });
});

describe('changeActor', () => {
  const context = {
    em: undefined as never,
    loaders: undefined as never,
    log: undefined as never,
    webhooks: undefined as never,
    textMinCustomers: undefined as never,
    display: undefined as never,
    ingestQueue: undefined as never,
  };

  it("records the request's viewer by name and kind", () => {
    const viewer = { id: 1, role: Role.ADMIN };
    expect(
      changeActor({ ...context, viewer: { ...viewer, name: 'Dana Reyes', kind: ViewerKind.USER } }),
    ).toEqual({
      name: 'Dana Reyes',
      kind: ActorKind.USER,
    });
    expect(
      changeActor({ ...context, viewer: { ...viewer, name: 'genesys-sync', kind: ViewerKind.API_KEY } }),
    ).toEqual({ name: 'genesys-sync', kind: ActorKind.API_KEY });
  });
});
