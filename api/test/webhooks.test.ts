import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { initOrm } from '../src/app/orm.js';
import { Role } from '../src/modules/auth/role.js';
import { DEFAULT_ALERT_RULES } from '../src/modules/alerts/alert-rules.config.js';
import { WebhookDispatcher, type DispatcherOptions } from '../src/modules/webhooks/webhook-dispatcher.js';
import { WebhookOutbox } from '../src/modules/webhooks/webhook-outbox.js';
import { webhooksSchema, type WebhooksConfig } from '../src/modules/webhooks/webhooks.config.js';
import { importWithRules } from './support/alert-fixtures.js';
import { queryData, startTestApi, type TestApi } from './support/api-server.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';
import { ingestOverHttp } from './support/ingest-over-http.js';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'test-secret-0123456789';

/** Production's schedule shortened to two quick retries, so a test never waits minutes. */
const FAST: DispatcherOptions = { pollMs: 50, retryDelaysMs: [30, 30], random: () => 0.5 };

const DELIVERY_FIELDS = `id endpoint status attempts lastStatusCode lastError deliveredAt lastAttemptAt
  nextAttemptAt createdAt alertId event { action status actorName }`;

interface DeliveryView {
  id: string;
  endpoint: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  alertId: string;
  event: { action: string; status: string; actorName: string };
}

function webhooks(receiver: WebhookReceiver, endpoints: Record<string, unknown>[]): WebhooksConfig {
  return webhooksSchema({}).parse({
    dashboardUrl: 'https://cx.example.com',
    endpoints: endpoints.map((endpoint) => ({
      url: `${receiver.url}/${endpoint.name as string}`,
      secret: SECRET,
      ...endpoint,
    })),
  });
}

async function deliveries(api: TestApi, filter: Record<string, unknown>): Promise<DeliveryView[]> {
  const data = await queryData(
    api,
    `query ($filter: WebhookDeliveryFilter) { webhookDeliveries(filter: $filter, first: 100) { nodes { ${DELIVERY_FIELDS} } } }`,
    { filter },
  );
  return data.webhookDeliveries.nodes as DeliveryView[];
}

/** Waits until the delivery log of `endpoint` holds `count` deliveries in `status`. */
function settled(api: TestApi, endpoint: string, status: string, count = 1): Promise<DeliveryView[]> {
  return vi.waitFor(
    async () => {
      const rows = await deliveries(api, { endpoint, status });
      if (rows.length < count) throw new Error(`${rows.length} ${status} deliveries to ${endpoint}`);
      return rows;
    },
    { timeout: 20_000, interval: 25 },
  );
}

describe.each(DIALECTS)('alert webhooks on %s', (dialect) => {
  describe('from a running API server', () => {
    let api: TestApi;
    let receiver: WebhookReceiver;
    /** /doomed answers 500 until a test lets it accept. */
    let doomedAccepts = false;
    let vipAlert: string;

    beforeAll(async () => {
      receiver = await startWebhookReceiver((path, n) => {
        if (path === '/ops') return n <= 2 ? 500 : 200;
        if (path === '/doomed') return doomedAccepts ? 200 : 500;
        return 200;
      });
      const config = webhooks(receiver, [
        { name: 'ops', actions: ['opened'], minimumTier: 'vip' },
        { name: 'audit' },
        { name: 'slack', format: 'slack', includePersonalData: true, actions: ['note_added'] },
        { name: 'teams', format: 'teams', rules: ['long_wait'], actions: ['opened'] },
        { name: 'doomed', actions: ['opened'], minimumTier: 'vip' },
        { name: 'off', enabled: false },
      ]);
      api = await startTestApi(dialect, { config: { webhooks: config }, server: { webhooks: FAST } });
      await ingestOverHttp(api, {
        customers: [
          {
            customerId: 'C-VIP',
            name: 'Ada Lovelace',
            email: 'ada@example.com',
            birthYear: 1960,
            signupDate: '2024-01-01',
            tier: 'VIP',
          },
          { customerId: 'C-STD', birthYear: 1990, signupDate: '2024-01-01' },
        ],
        surveyResponses: [],
        contacts: ['C-VIP', 'C-STD'].map((customerId) => ({
          contactId: `K-${customerId}`,
          customerId,
          channel: 'PHONE',
          startedAt: '2026-01-05T10:00:00Z',
          waitSeconds: 1_000,
        })),
        selfServiceSessions: [],
      });
      const data = await queryData(api, '{ alerts(filter: { customerId: "C-VIP" }) { nodes { id } } }');
      vipAlert = data.alerts.nodes[0].id;
    });
    afterAll(async () => {
      await api?.close();
      await receiver?.close();
    });

    it('retries a failing endpoint until it accepts: one signed event, the same id on every attempt', async () => {
      await receiver.waitFor('/ops', 3);
      const [delivery] = await settled(api, 'ops', 'DELIVERED');
      expect(delivery).toMatchObject({
        attempts: 3,
        lastStatusCode: 200,
        lastError: null,
        alertId: vipAlert,
        event: { action: 'OPENED', status: 'OPEN', actorName: 'alert rules' },
      });
      expect(delivery!.deliveredAt).not.toBeNull();
      const requests = receiver.received('/ops');
      expect(requests).toHaveLength(3);
      expect(requests.map(({ headers }) => headers['x-cx-delivery-attempt'])).toEqual(['1', '2', '3']);
      expect(new Set(requests.map(({ headers }) => headers['x-cx-event-id'])).size).toBe(1);
      for (const request of requests) {
        expect(request.headers['user-agent']).toBe('CX-Pulse-Webhooks');
        expect(request.headers['content-type']).toBe('application/json');
        expect(verifySignature(SECRET, request)).toBe(true);
        expect(verifySignature('another-secret-0123456', request)).toBe(false);
      }
      const body = requests[2]!.json;
      expect(body).toMatchObject({
        id: requests[2]!.headers['x-cx-event-id'],
        type: 'alert.opened',
        alert: {
          id: vipAlert,
          rule: 'LONG_WAIT',
          status: 'OPEN',
          tier: 'VIP',
          value: 1_000,
          triggerKey: 'K-C-VIP',
          customerId: 'C-VIP',
          owner: null,
        },
        event: { action: 'OPENED', status: 'OPEN', actor: { name: 'alert rules', kind: 'SYSTEM' } },
      });
      expect(Date.parse(body.occurredAt)).not.toBeNaN();
    });

    it('sends workflow changes in each format, with personal data only where the endpoint opts in', async () => {
      const note = 'Called Ada back on +44 20 7946 0000';
      await queryData(
        api,
        'mutation ($id: ID!, $note: String) { acknowledgeAlert(id: $id, note: $note) { id } }',
        {
          id: vipAlert,
          note,
        },
      );
      await receiver.waitFor('/audit', 4);
      const audit = receiver.received('/audit').map(({ json }) => json);
      expect(audit.map(({ type }) => type).sort()).toEqual([
        'alert.acknowledged',
        'alert.note_added',
        'alert.opened',
        'alert.opened',
      ]);
      const noted = audit.find(({ type }) => type === 'alert.note_added');
      expect(noted.alert).toMatchObject({ id: vipAlert, status: 'ACKNOWLEDGED', customerId: 'C-VIP' });
      expect(noted.event.actor.kind).toBe('API_KEY');
      expect(JSON.stringify(audit)).not.toMatch(/Lovelace|ada@example|7946/);

      await receiver.waitFor('/slack', 1);
      const [slack] = receiver.received('/slack');
      expect(slack!.json).toEqual({
        text: expect.stringContaining(`alert ${vipAlert} (LONG_WAIT, VIP) note added`),
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: expect.any(String) } },
          { type: 'section', text: { type: 'mrkdwn', text: expect.any(String) } },
        ],
      });
      const details = slack!.json.blocks[1].text.text as string;
      expect(details).toContain('*Customer:* Ada Lovelace (C-VIP)');
      expect(details).toContain(`*Note:* ${note}`);
      expect(details).toContain('<https://cx.example.com/customers/C-VIP|Open in CX Pulse>');
      expect(verifySignature(SECRET, slack!)).toBe(true);

      await receiver.waitFor('/teams', 2);
      for (const { json } of receiver.received('/teams')) {
        expect(json).toMatchObject({
          type: 'message',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.adaptive',
              content: {
                type: 'AdaptiveCard',
                body: [{ type: 'TextBlock' }, { type: 'FactSet' }],
                actions: [
                  {
                    type: 'Action.OpenUrl',
                    url: expect.stringMatching(/^https:\/\/cx\.example\.com\/customers\/C-/),
                  },
                ],
              },
            },
          ],
        });
        expect(JSON.stringify(json)).not.toContain('Lovelace');
      }
      expect(receiver.received('/off')).toEqual([]);
    });

    it('gives up after the last retry, and redeliverWebhook sends it again', async () => {
      const [failed] = await settled(api, 'doomed', 'FAILED');
      expect(failed).toMatchObject({
        attempts: 3,
        lastStatusCode: 500,
        lastError: 'HTTP 500',
        deliveredAt: null,
      });
      expect(receiver.received('/doomed')).toHaveLength(3);

      doomedAccepts = true;
      const redelivered = await queryData(
        api,
        'mutation ($id: ID!) { redeliverWebhook(id: $id) { status attempts } }',
        { id: failed!.id },
      );
      expect(redelivered.redeliverWebhook).toEqual({ status: 'PENDING', attempts: 0 });
      const [delivered] = await settled(api, 'doomed', 'DELIVERED');
      expect(delivered).toMatchObject({ id: failed!.id, attempts: 1, lastStatusCode: 200, lastError: null });
      const requests = receiver.received('/doomed');
      expect(requests).toHaveLength(4);
      expect(requests[3]!.headers['x-cx-delivery-attempt']).toBe('1');
      expect(new Set(requests.map(({ headers }) => headers['x-cx-event-id'])).size).toBe(1);

      const again = await api.graphql('mutation ($id: ID!) { redeliverWebhook(id: $id) { id } }', {
        id: failed!.id,
      });
      expect(again.errors?.[0]).toMatchObject({
        message: `id: got "${failed!.id}", expected the id of a FAILED webhook delivery`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('lists the endpoints with their counts, and the log by alert, never showing a secret', async () => {
      await settled(api, 'ops', 'DELIVERED');
      const response = await api.graphql(
        '{ webhookEndpoints { name origin format enabled includePersonalData actions rules minimumTier since pending delivered failed } }',
      );
      expect(response.errors).toBeUndefined();
      const endpoints = response.data!.webhookEndpoints as Record<string, unknown>[];
      expect(endpoints.map(({ name }) => name)).toEqual(['ops', 'audit', 'slack', 'teams', 'doomed', 'off']);
      expect(endpoints[0]).toMatchObject({
        origin: receiver.url,
        format: 'JSON',
        enabled: true,
        actions: ['OPENED'],
        rules: null,
        minimumTier: 'VIP',
        pending: 0,
        delivered: 1,
        failed: 0,
      });
      expect(endpoints[0]!.since).not.toBeNull();
      expect(endpoints[5]).toMatchObject({ enabled: false, since: null, pending: 0, delivered: 0 });
      expect(JSON.stringify(response)).not.toContain(SECRET);

      const ofAlert = await deliveries(api, { alertId: vipAlert });
      expect(ofAlert.length).toBeGreaterThanOrEqual(5);
      expect(ofAlert.every(({ alertId }) => alertId === vipAlert)).toBe(true);

      const metrics = await (await api.fetch('/metrics')).text();
      expect(metrics).toContain('cx_webhook_deliveries_total{endpoint="ops",outcome="retry"} 2');
      expect(metrics).toContain('cx_webhook_deliveries_total{endpoint="ops",outcome="delivered"} 1');
      expect(metrics).toMatch(/^cx_webhook_deliveries_pending \d+$/m);
    });

    it('is for admins only', async () => {
      const token = await api.createKey(Role.ANALYST);
      const response = await api.graphql('{ webhookEndpoints { name } }', {}, { token });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('across restarts and processes', () => {
    let database: MigratedDatabase;
    let receiver: WebhookReceiver;
    let config: WebhooksConfig;

    beforeAll(async () => {
      database = await createMigratedDatabase(dialect);
      receiver = await startWebhookReceiver();
      config = webhooks(receiver, [{ name: 'ops' }]);
    });
    afterAll(async () => {
      await database?.drop();
      await receiver?.close();
    });

    const importLongWaits = async (prefix: string, count: number) => {
      const customers = Array.from({ length: count }, (_, n) => `${prefix}-${n}`);
      await importWithRules(
        database,
        'customers',
        customers.map((id) => ({ customer_id: id, birth_year: 1970, signup_date: '2024-01-01' })),
        DEFAULT_ALERT_RULES,
      );
      await importWithRules(
        database,
        'contacts',
        customers.map((id) => ({
          contact_id: `K-${id}`,
          customer_id: id,
          channel: 'phone',
          started_at: '2026-01-05T10:00:00Z',
          wait_seconds: 1_000,
        })),
        DEFAULT_ALERT_RULES,
      );
    };
    const eventIds = (path: string) => receiver.received(path).map(({ headers }) => headers['x-cx-event-id']);

    it('delivers what was committed while no dispatcher ran, and what a dead process had claimed', async () => {
      const first = await startTestApi(dialect, { database, config: { webhooks: config } });
      await vi.waitFor(async () => {
        const data = await queryData(first, '{ webhookEndpoints { since } }');
        if (!data.webhookEndpoints[0].since) throw new Error('the endpoint has no start point yet');
      });
      await first.close();

      await importLongWaits('R', 2);
      // A process claims one delivery, then dies before sending it.
      const outbox = new WebhookOutbox(database.orm.em.fork());
      const now = new Date();
      expect(await outbox.enqueue(config.endpoints[0]!, new Date(0), now)).toBe(2);
      const [abandoned] = await outbox.claim(['ops'], 'a process that died', now, 300, 1);

      const second = await startTestApi(dialect, {
        database,
        config: { webhooks: config },
        server: { webhooks: FAST },
      });
      try {
        await receiver.waitFor('/ops', 2);
        await settled(second, 'ops', 'DELIVERED', 2);
      } finally {
        await second.close();
      }
      expect(eventIds('/ops').sort()).toEqual(['alert-event-1', 'alert-event-2']);
      const retaken = receiver
        .received('/ops')
        .find(({ json }) => json.alert.customerId === abandoned!.customer.id);
      expect(retaken!.headers['x-cx-delivery-attempt']).toBe('2');
    });

    it('never sends a delivery twice when two dispatchers share the database', async () => {
      const secondOrm = await initOrm(database.config);
      const shared = {
        ...config,
        endpoints: [{ ...config.endpoints[0]!, name: 'shared', url: `${receiver.url}/shared` }],
      };
      const options = { ...FAST, batchSize: 3 };
      const dispatchers = [
        new WebhookDispatcher(database.orm, shared, options),
        new WebhookDispatcher(secondOrm, shared, options),
      ];
      try {
        await dispatchers[0]!.runOnce(); // the endpoint starts here: it gets the events from now on
        await importLongWaits('P', 12);
        const rounds = await Promise.all(
          [...dispatchers, ...dispatchers].map((dispatcher) => dispatcher.runOnce()),
        );
        expect(rounds.reduce((sum, { delivered }) => sum + delivered, 0)).toBe(12);
      } finally {
        await secondOrm.close();
      }
      const ids = eventIds('/shared');
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
    });
  });
});

describe('CX_WEBHOOKS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-webhooks-'));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const endpoint = { name: 'ops', url: 'https://hooks.example.com/cx', secret: SECRET };

  it('reads the endpoints of a JSON file, the secret from the environment if asked, with defaults', () => {
    const path = file('good.json', {
      endpoints: [
        endpoint,
        { name: 'chat', url: 'https://chat.example.com/x', secretEnv: 'CHAT_SECRET', format: 'teams' },
      ],
    });
    const { webhooks: config } = loadConfig({ CX_WEBHOOKS: path, CHAT_SECRET: 'from-the-environment-1' });
    expect(config.endpoints).toEqual([
      { ...endpoint, format: 'json', includePersonalData: false, minimumTier: 'standard', enabled: true },
      {
        name: 'chat',
        url: 'https://chat.example.com/x',
        secret: 'from-the-environment-1',
        format: 'teams',
        includePersonalData: false,
        minimumTier: 'standard',
        enabled: true,
      },
    ]);
    expect(loadConfig({}).webhooks).toEqual({ endpoints: [] });
  });

  it.each([
    [
      'short secret',
      { endpoints: [{ ...endpoint, secret: 'short' }] },
      'endpoints.0.secret: expected a secret of at least 16 characters',
    ],
    [
      'unset secretEnv',
      { endpoints: [{ ...endpoint, secret: undefined, secretEnv: 'NOPE' }] },
      'endpoints.0.secretEnv: NOPE: is not set',
    ],
    [
      'both secrets',
      { endpoints: [{ ...endpoint, secretEnv: 'X' }] },
      'endpoints.0: expected exactly one of secret and secretEnv',
    ],
    [
      'bad URL',
      { endpoints: [{ ...endpoint, url: 'ftp://example.com' }] },
      'endpoints.0.url: expected an http:// or https:// URL',
    ],
    ['bad format', { endpoints: [{ ...endpoint, format: 'discord' }] }, 'endpoints.0.format: Invalid option'],
    [
      'bad action',
      { endpoints: [{ ...endpoint, actions: ['deleted'] }] },
      'endpoints.0.actions.0: Invalid option',
    ],
    ['unknown key', { endpoints: [{ ...endpoint, retries: 3 }] }, 'endpoints.0: Unrecognized key: "retries"'],
    [
      'duplicate names',
      { endpoints: [endpoint, endpoint] },
      'endpoints: expected endpoint names to be unique',
    ],
    ['broken JSON', '{"endpoints": [', 'cannot read a JSON file there'],
  ])('stops with one line naming the key: %s', (name, content, message) => {
    const path = file(`${name}.json`, content);
    expect(() => loadConfig({ CX_WEBHOOKS: path })).toThrow(ConfigError);
    expect(() => loadConfig({ CX_WEBHOOKS: path })).toThrow(`CX_WEBHOOKS: ${message}`);
  });
});
