import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf } from '../src/database/dialect.js';
import { bumpDataVersion } from '../src/modules/cache/data-version.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { loadContactBatch, type ContactBatch } from './support/k6-contact-rows.js';
import { postQuery } from './support/result-cache.js';

/*
 * Reads that survive writes: a stream of imports must not empty the result cache, what the cache answers
 * after an import must be what a fresh computation gives, and on SQLite a query must not wait for a
 * write transaction of the same process.
 */

const QUERIES = [
  '{ metrics(dimensions: [CHANNEL]) { channel contacts fcrRate escalationRate avgWaitSeconds } }',
  '{ metrics(grain: DAY) { period contacts fcrRate } }',
  '{ metrics { contacts npsResponses nps } }',
];

describe.each(DIALECTS)('reads while contacts stream in on %s', (dialect) => {
  let api: TestApi;
  /** A second API process on the same database without a result cache: every answer computed afresh. */
  let uncached: TestApi;
  let contactBatch: ContactBatch;

  beforeAll(async () => {
    api = await startTestApi(dialect, { config: { resultCache: 'memory' } });
    uncached = await startTestApi(dialect, { database: api.database, config: { resultCache: 'off' } });
    contactBatch = await loadContactBatch();
    const customers = [1, 2, 3].map((n) => ({
      customerId: `C000000${n}`,
      birthYear: 1960 + 10 * n,
      signupDate: '2025-01-01',
    }));
    const response = await api.graphql(
      'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows) { inserted } }',
      { rows: customers },
    );
    expect(response).toEqual({ data: { ingestCustomers: { inserted: 3 } } });
  });
  afterAll(async () => {
    await uncached?.close();
    await api?.close();
  });

  async function ingest(batch: number): Promise<void> {
    const rows = contactBatch({ run: dialect, batch, size: 40, customers: 3, now: Date.now() });
    const response = await api.graphql(
      'mutation ($rows: [ContactRowInput!]!) { ingestContacts(rows: $rows) { inserted problemCount } }',
      { rows },
    );
    expect(response).toEqual({ data: { ingestContacts: { inserted: 40, problemCount: 0 } } });
  }

  it('answers after each import what a fresh computation gives', async () => {
    for (let batch = 0; batch < 4; batch++) {
      await ingest(batch);
      for (const query of QUERIES) {
        const cached = await postQuery(api.url, api.token, query);
        const fresh = await postQuery(uncached.url, uncached.token, query);
        expect(fresh.cache).toBeNull();
        expect(fresh.body.errors).toBeUndefined();
        // Asked one after another, the first request after an import computes the new answer itself.
        expect(cached).toEqual({ cache: 'miss', body: fresh.body });
        expect(await postQuery(api.url, api.token, query)).toEqual({ cache: 'hit', body: fresh.body });
      }
      // 40 contacts a batch: the count is what was imported.
      const total = await postQuery(api.url, api.token, QUERIES[2]!);
      expect(total.body.data.metrics[0].contacts).toBe(40 * (batch + 1));
    }
  });

  it.runIf(dialect === 'postgresql')(
    'serves the previous answer while one request computes the new one, within the stale bound',
    async () => {
      const query = '{ customer(id: "C0000001") { id birthYear } }';
      const knex = api.database.orm.em.getKnex();
      expect((await postQuery(api.url, api.token, query)).cache).toBe('miss');
      await bumpDataVersion(knex, dialectOf(api.database.orm.em));
      // The first request after the change is held on a table lock while the others arrive.
      const lock = await knex.transaction();
      await lock.raw('lock table customers in access exclusive mode');
      const leader = postQuery(api.url, api.token, query);
      await sleep(200);
      const others = await Promise.all(Array.from({ length: 5 }, () => postQuery(api.url, api.token, query)));
      await lock.commit();
      const led = await leader;
      expect(others.map(({ cache }) => cache)).toEqual(Array(5).fill('stale'));
      expect(led.cache).toBe('miss');
      for (const { body } of [...others, led]) expect(body).toEqual(led.body);
    },
  );

  it.runIf(dialect === 'sqlite')(
    'answers a query while a write transaction of the API holds the writer',
    async () => {
      const writer = await api.database.orm.em.getKnex().transaction();
      try {
        await writer('data_version').update({ version: writer.raw('version') });
        const answered = await Promise.race([
          postQuery(api.url, api.token, QUERIES[2]!).then(({ body }) => body),
          sleep(3_000).then(() => 'waited for the write transaction'),
        ]);
        expect(answered).toEqual({ data: { metrics: [expect.objectContaining({ contacts: 160 })] } });
      } finally {
        await writer.commit();
      }
    },
  );
});
