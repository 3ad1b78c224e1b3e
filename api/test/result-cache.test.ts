import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { dialectOf, toDbValue } from '../src/database/dialect.js';
import { ApiKeyService } from '../src/modules/auth/api-key.service.js';
import { CREDENTIAL_REUSE_MS } from '../src/modules/auth/authentication.hook.js';
import { bumpDataVersion, readDataVersion } from '../src/modules/cache/data-version.js';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { Role } from '../src/modules/auth/role.js';
import { RiskService } from '../src/modules/risk/risk.service.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import {
  ingestCustomer,
  ingestResponses,
  NPS_RESPONSES,
  npsRows,
  postQuery,
} from './support/result-cache.js';

/** The value of one series of a Prometheus text exposition, 0 when absent. */
function sample(exposition: string, series: string): number {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(DIALECTS)('result cache on %s', (dialect) => {
  let api: TestApi;
  const version = async () => (await readDataVersion(api.database.orm.em.getKnex())).version;
  const ask = (query: string, token = api.token) => postQuery(api.url, token, query);

  beforeAll(async () => {
    api = await startTestApi(dialect);
    await ingestCustomer(api);
    await ingestResponses(api, npsRows('R1'));
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers a repeated aggregate query from the cache, per role, until an import changes the data', async () => {
    const first = await ask(NPS_RESPONSES);
    expect(first).toEqual({ cache: 'miss', body: { data: { metrics: [{ npsResponses: 1 }] } } });
    expect(await ask(NPS_RESPONSES)).toEqual({ ...first, cache: 'hit' });

    // Personal data is masked per role: another role never gets an answer computed for this one.
    const executive = await api.createKey(Role.EXECUTIVE);
    expect((await ask(NPS_RESPONSES, executive)).cache).toBe('miss');
    expect((await ask(NPS_RESPONSES, executive)).cache).toBe('hit');

    expect(await ingestResponses(api, npsRows('R2'))).toBe(1);
    expect(await ask(NPS_RESPONSES)).toEqual({
      cache: 'miss',
      body: { data: { metrics: [{ npsResponses: 2 }] } },
    });
    expect((await ask(NPS_RESPONSES, executive)).cache).toBe('miss');

    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(sample(metrics, 'cx_result_cache_requests_total{result="hit"}')).toBe(2);
    expect(sample(metrics, 'cx_result_cache_requests_total{result="miss"}')).toBe(4);
  });

  it('bumps the data version with imports that write, risk refreshes and mutations', async () => {
    const before = await version();
    // Re-importing a stored row unchanged writes nothing.
    const service = new IngestService(api.database.orm.em.fork());
    const unchanged = [
      { row: 2, values: { customer_id: 'C1', birth_year: 1980, signup_date: '2025-01-01' } },
    ];
    expect((await service.importRows('customers', unchanged)).unchanged).toBe(1);
    expect(await version()).toBe(before);
    const changed = [{ row: 2, values: { customer_id: 'C1', birth_year: 1981, signup_date: '2025-01-01' } }];
    expect((await service.importRows('customers', changed)).updated).toBe(1);
    expect(await version()).toBe(before + 1);

    await new RiskService(api.database.orm.em.fork()).refreshAll();
    expect(await version()).toBe(before + 2);

    await ask(NPS_RESPONSES);
    expect((await ask(NPS_RESPONSES)).cache).toBe('hit');
    const marked = await api.graphql(
      'mutation { markLiveAgentPreference(customerId: "C1", reason: "asked for a person") { skipSelfService } }',
    );
    expect(marked).toEqual({ data: { markLiveAgentPreference: { skipSelfService: true } } });
    expect(await version()).toBe(before + 3);
    expect((await ask(NPS_RESPONSES)).cache).toBe('miss');
  });

  it('leaves the data version alone when a mutation is refused, fails or writes nothing', async () => {
    const knex = api.database.orm.em.getKnex();
    const dialect = dialectOf(api.database.orm.em);
    const customer = (await knex<{ id: number }>('customers').where({ external_id: 'C1' }).first('id'))!;
    const now = toDbValue(dialect, new Date()) as Date;
    const [alert] = await knex('alerts')
      .insert({
        rule: 'long_wait',
        trigger_key: 'refusals',
        customer_id: customer.id,
        tier: 'standard',
        status: 'open',
        value: 900,
        triggered_at: now,
        opened_at: now,
        due_at: toDbValue(dialect, new Date(Date.now() + 86_400_000)) as Date,
      })
      .returning('id');
    const alertId = String((alert as { id: number }).id);
    await ask(NPS_RESPONSES);
    expect((await ask(NPS_RESPONSES)).cache).toBe('hit');
    const before = await version();

    // Five refusals by role (the outside attack: 98 → 103 and an emptied cache), a state refusal, an
    // unknown id, and a rejected ingest batch (FCR without resolution).
    const executive = await api.createKey(Role.EXECUTIVE);
    const acknowledge = (id: string) => `mutation { acknowledgeAlert(id: "${id}") { status } }`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const refused = await ask(acknowledge(alertId), executive);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.graphql(`mutation { resolveAlert(id: "${alertId}") { status } }`)).errors).toHaveLength(
      1,
    );
    expect((await api.graphql(acknowledge('999999'))).errors).toHaveLength(1);
    const rejected = await api.graphql(
      `mutation { ingestContacts(rows: [{ contactId: "K-refused", customerId: "C1", channel: PHONE,
        startedAt: "2026-03-01T09:00:00Z", resolved: false, firstContactResolution: true }]) { problemCount } }`,
    );
    expect(rejected).toEqual({ data: { ingestContacts: { problemCount: 1 } } });
    expect(await version()).toBe(before);
    expect((await ask(NPS_RESPONSES)).cache).toBe('hit');

    // The same mutation allowed: one change, one new version.
    expect(await api.graphql(acknowledge(alertId))).toEqual({
      data: { acknowledgeAlert: { status: 'ACKNOWLEDGED' } },
    });
    expect(await version()).toBe(before + 1);
    // The alert-clock test below counts unresolved alerts from none.
    await knex('alert_events').where({ alert_id: alertId }).delete();
    await knex('alerts').where({ id: alertId }).delete();
    await bumpDataVersion(knex, dialect);
  });

  it('leaves alone credentials, mixed queries and errors', async () => {
    for (const query of ['{ metrics { npsResponses } apiKeys { name } }', '{ dataVersion }']) {
      const answers = [await ask(query), await ask(query)];
      expect(answers.map(({ cache, body }) => [cache, body.errors])).toEqual([
        [null, undefined],
        [null, undefined],
      ]);
    }
    const invalid =
      '{ metrics(grain: DAY, filter: { from: "2026-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z" }) { nps } }';
    const failures = [await ask(invalid), await ask(invalid)];
    expect(failures.map(({ cache, body }) => [cache, body.errors?.[0]?.extensions?.code])).toEqual([
      ['miss', 'BAD_USER_INPUT'],
      ['miss', 'BAD_USER_INPUT'],
    ]);
    const withFragment = 'query { ...Counts } fragment Counts on Query { metrics { npsResponses } }';
    expect([(await ask(withFragment)).cache, (await ask(withFragment)).cache]).toEqual(['miss', 'hit']);
  });

  it('keeps answers that show overdue alerts until the next unresolved alert falls due', async () => {
    const knex = api.database.orm.em.getKnex();
    const dialect = dialectOf(api.database.orm.em);
    const customer = (await knex<{ id: number }>('customers').where({ external_id: 'C1' }).first('id'))!;
    const dueAt = new Date(Date.now() + 1_500);
    const at = (time: Date) => toDbValue(dialect, time) as Date;
    // What an import that raises an alert does: the alert, and a new data version in the same breath.
    await knex('alerts').insert({
      rule: 'long_wait',
      trigger_key: 'due-soon',
      customer_id: customer.id,
      tier: 'standard',
      status: 'open',
      value: 900,
      triggered_at: at(new Date()),
      opened_at: at(new Date()),
      due_at: at(dueAt),
    });
    await bumpDataVersion(knex, dialect);
    const counts = '{ alertCounts { unresolved overdue } }';
    const page = '{ customer(id: "C1") { alerts { triggerKey overdue } } }';
    expect([await ask(counts), await ask(counts), await ask(page), await ask(page)]).toEqual([
      { cache: 'miss', body: { data: { alertCounts: { unresolved: 1, overdue: 0 } } } },
      { cache: 'hit', body: { data: { alertCounts: { unresolved: 1, overdue: 0 } } } },
      {
        cache: 'miss',
        body: { data: { customer: { alerts: [{ triggerKey: 'due-soon', overdue: false }] } } },
      },
      {
        cache: 'hit',
        body: { data: { customer: { alerts: [{ triggerKey: 'due-soon', overdue: false }] } } },
      },
    ]);
    await sleep(dueAt.getTime() - Date.now() + 50);
    expect([await ask(counts), await ask(counts), await ask(page)]).toEqual([
      { cache: 'miss', body: { data: { alertCounts: { unresolved: 1, overdue: 1 } } } },
      // No unresolved alert falls due any more: the answer holds until the data changes.
      { cache: 'hit', body: { data: { alertCounts: { unresolved: 1, overdue: 1 } } } },
      {
        cache: 'miss',
        body: { data: { customer: { alerts: [{ triggerKey: 'due-soon', overdue: true }] } } },
      },
    ]);
  });

  it('computes concurrent identical misses once: the others wait for its answer', async () => {
    const query = '{ customer(id: "C1") { id birthYear } }';
    const knex = api.database.orm.em.getKnex();
    // On PostgreSQL the first request is held on a table lock until every other one has arrived.
    const lock = dialect === 'postgresql' ? await knex.transaction() : undefined;
    await lock?.raw('lock table customers in access exclusive mode');
    const answers = Array.from({ length: 8 }, () => ask(query));
    if (lock) {
      await sleep(500);
      await lock.commit();
    }
    const settled = await Promise.all(answers);
    const outcomes = settled.map(({ cache }) => cache).sort();
    expect(outcomes.filter((cache) => cache === 'miss')).toEqual(['miss']);
    expect(outcomes.every((cache) => cache === 'miss' || cache === 'coalesced' || cache === 'hit')).toBe(
      true,
    );
    if (lock) expect(outcomes.filter((cache) => cache === 'coalesced')).toHaveLength(7);
    expect(new Set(settled.map(({ body }) => JSON.stringify(body))).size).toBe(1);
    expect(settled[0]!.body.errors).toBeUndefined();
  });

  it('refuses a revoked key from the next request on here, and within a second from other processes', async () => {
    const status = async (token: string) => (await api.graphql('{ __typename }', {}, { token })).errors;
    const refused = [{ message: expect.stringContaining('Authentication required') }];
    const [here, elsewhere] = [await api.createKey(Role.ANALYST), await api.createKey(Role.ANALYST)];
    const ids = (await new ApiKeyService(api.database.orm.em.fork()).list()).slice(-2).map(({ id }) => id);
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => status(here)));
    expect(concurrent).toEqual(Array(10).fill(undefined));
    expect(await status(elsewhere)).toBeUndefined();

    expect(await api.graphql(`mutation { revokeApiKey(id: ${ids[0]}) { id } }`)).toEqual({
      data: { revokeApiKey: { id: ids[0] } },
    });
    expect(await status(here)).toMatchObject(refused);

    // As `pnpm cx keys revoke` in another process does: this process hears nothing of it.
    const knex = api.database.orm.em.getKnex();
    const now = toDbValue(dialectOf(api.database.orm.em), new Date()) as Date;
    await knex('api_keys').where({ id: ids[1] }).update({ revoked_at: now });
    await sleep(CREDENTIAL_REUSE_MS + 50);
    expect(await status(elsewhere)).toMatchObject(refused);
  });

  it('serves persisted operations from the cache with their ETag', async () => {
    const get = (headers: Record<string, string> = {}) =>
      api.fetch('/graphql/persisted/NpsCsatTrend', {
        headers: { 'apollo-require-preflight': 'true', ...headers },
      });
    const first = await get();
    expect([first.status, first.headers.get('x-cx-cache')]).toEqual([200, 'miss']);
    const etag = first.headers.get('etag')!;
    const second = await get();
    expect([second.status, second.headers.get('x-cx-cache'), second.headers.get('etag')]).toEqual([
      200,
      'hit',
      etag,
    ]);
    expect(await second.text()).toBe(await first.text());
    expect((await get({ 'if-none-match': etag })).status).toBe(304);
  });
});

describe('result cache turned off', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite', { config: { resultCache: 'off' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('runs every query and still counts changes in the data version', async () => {
    const before = (await readDataVersion(api.database.orm.em.getKnex())).version;
    await ingestCustomer(api);
    expect((await readDataVersion(api.database.orm.em.getKnex())).version).toBeGreaterThan(before);
    const answers = [
      await postQuery(api.url, api.token, NPS_RESPONSES),
      await postQuery(api.url, api.token, NPS_RESPONSES),
    ];
    expect(answers.map(({ cache }) => cache)).toEqual([null, null]);
  });
});
