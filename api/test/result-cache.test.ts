import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataVersion } from '../src/modules/cache/data-version.js';
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
  const version = () => readDataVersion(api.database.orm.em.getKnex());
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

  it('leaves alone what moves with the clock, credentials, mixed queries and errors', async () => {
    for (const query of [
      '{ alertCounts { overdue } }',
      '{ churnRisk { nodes { customer { alerts { overdue } } } } }',
      '{ metrics { npsResponses } apiKeys { name } }',
      '{ dataVersion }',
    ]) {
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
    const before = await readDataVersion(api.database.orm.em.getKnex());
    await ingestCustomer(api);
    expect(await readDataVersion(api.database.orm.em.getKnex())).toBeGreaterThan(before);
    const answers = [
      await postQuery(api.url, api.token, NPS_RESPONSES),
      await postQuery(api.url, api.token, NPS_RESPONSES),
    ];
    expect(answers.map(({ cache }) => cache)).toEqual([null, null]);
  });
});
