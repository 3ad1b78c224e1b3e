import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf } from '../src/database/dialect.js';
import { bumpDataVersion, type DataChange } from '../src/modules/cache/data-version.js';
import { STALE_ANSWER_MS } from '../src/modules/cache/result-cache.plugin.js';
import { openIngestQueue } from '../src/database/ingest-queue-database.js';
import { IngestWorker } from '../src/modules/ingest/ingest-worker.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { loadContactBatch, type ContactBatch } from './support/k6-contact-rows.js';
import { postQuery } from './support/result-cache.js';

/** Calls `ask` until `done` holds of its answer (every 20 ms, for at most 5 s); returns that answer. */
async function eventually<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  for (const started = Date.now(); ; await sleep(20)) {
    const answer = await ask();
    if (done(answer) || Date.now() - started > 5_000) return answer;
  }
}

/*
 * Reads that survive writes: a stream of imports must not empty the result cache, what the cache answers
 * after an import must be what a fresh computation gives, an awaited change (a synchronous import) shows
 * in the very next answer, a background apply does not make any request wait, and on SQLite a query must
 * not wait for a write transaction of the same process.
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

  it('answers at once after a background apply, then from the answer recomputed in the background', async () => {
    const before = await postQuery(api.url, api.token, QUERIES[2]!);
    expect(before.cache).toMatch(/^(hit|miss)$/);
    const rows = contactBatch({
      run: `${dialect}-background`,
      batch: 0,
      size: 40,
      customers: 3,
      now: Date.now(),
    });
    const queued = await api.graphql(
      'mutation ($rows: [ContactRowInput!]!) { ingestContacts(rows: $rows, apply: BACKGROUND) { queued } }',
      { rows },
    );
    expect(queued).toEqual({ data: { ingestContacts: { queued: 40 } } });
    const queue = await openIngestQueue(api.database.config, api.database.orm);
    try {
      expect(await new IngestWorker(api.database.orm, queue).applyPending()).toBe(1);
    } finally {
      await queue.close();
    }
    // The first request after the apply gets the previous answer too: it does not compute.
    expect(await postQuery(api.url, api.token, QUERIES[2]!)).toEqual({ cache: 'stale', body: before.body });
    const fresh = await postQuery(uncached.url, uncached.token, QUERIES[2]!);
    expect(fresh.body.data.metrics[0].contacts).toBe(before.body.data.metrics[0].contacts + 40);
    const after = await eventually(
      () => postQuery(api.url, api.token, QUERIES[2]!),
      ({ cache }) => cache === 'hit',
    );
    expect(after.body).toEqual(fresh.body);
  });

  it('serves an answer computed long ago as stale while its version was current until just before', async () => {
    const knex = api.database.orm.em.getKnex();
    const asked = '{ customer(id: "C0000003") { id } }';
    const idle = '{ customer(id: "C0000003") { id birthYear } }';
    for (const query of [asked, idle]) {
      expect((await postQuery(api.url, api.token, query)).cache).toMatch(/^(hit|miss)$/);
    }
    await sleep(STALE_ANSWER_MS + 300);
    // Another key's request finds the version still current: both stored answers were exact until now.
    expect((await postQuery(api.url, api.token, asked)).cache).toBe('hit');
    await bumpDataVersion(knex, dialectOf(api.database.orm.em), 'background');
    expect((await postQuery(api.url, api.token, idle)).cache).toBe('stale');
    // With no request for longer than the bound, the version's last sighting is too old: computed anew.
    await eventually(
      () => postQuery(api.url, api.token, idle),
      ({ cache }) => cache === 'hit',
    );
    await sleep(STALE_ANSWER_MS + 300);
    await bumpDataVersion(knex, dialectOf(api.database.orm.em), 'background');
    expect((await postQuery(api.url, api.token, idle)).cache).toBe('miss');
  });

  /**
   * Caches the answer of `query`, moves the data version as `change` does, then locks the customers table
   * (PostgreSQL), so that computing the query's answer waits until the returned transaction ends.
   */
  async function cacheChangeAndLock(query: string, change: DataChange) {
    const knex = api.database.orm.em.getKnex();
    expect((await postQuery(api.url, api.token, query)).cache).toMatch(/^(hit|miss)$/);
    await bumpDataVersion(knex, dialectOf(api.database.orm.em), change);
    const lock = await knex.transaction();
    await lock.raw('lock table customers in access exclusive mode');
    return lock;
  }

  it.runIf(dialect === 'postgresql')(
    'serves the previous answer to every request while the current one is computed, after a background apply',
    async () => {
      const query = '{ customer(id: "C0000001") { id birthYear } }';
      // The recomputation is held on the lock: no request waits for it.
      const lock = await cacheChangeAndLock(query, 'background');
      let answers: Awaited<ReturnType<typeof postQuery>>[];
      try {
        answers = await Promise.all(Array.from({ length: 6 }, () => postQuery(api.url, api.token, query)));
      } finally {
        await lock.commit();
      }
      expect(answers.map(({ cache }) => cache)).toEqual(Array(6).fill('stale'));
      const after = await eventually(
        () => postQuery(api.url, api.token, query),
        ({ cache }) => cache === 'hit',
      );
      for (const { body } of answers) expect(body).toEqual(after.body);
    },
  );

  it.runIf(dialect === 'postgresql')(
    'never serves an answer from before an awaited change: the requests wait for the first one',
    async () => {
      const query = '{ customer(id: "C0000002") { id birthYear } }';
      // The first request after the change is held on the lock while the others arrive.
      const lock = await cacheChangeAndLock(query, 'awaited');
      const leader = postQuery(api.url, api.token, query);
      await sleep(200);
      const others = Promise.all(Array.from({ length: 5 }, () => postQuery(api.url, api.token, query)));
      await sleep(200);
      await lock.commit();
      const led = await leader;
      expect(led.cache).toBe('miss');
      expect((await others).map(({ cache }) => cache)).toEqual(Array(5).fill('coalesced'));
      for (const { body } of await others) expect(body).toEqual(led.body);
    },
  );

  it.runIf(dialect === 'sqlite')(
    'answers a query while a write transaction of the API holds the writer',
    async () => {
      const { body: expected } = await postQuery(uncached.url, uncached.token, QUERIES[2]!);
      expect(expected.data.metrics[0].contacts).toBeGreaterThan(0);
      const writer = await api.database.orm.em.getKnex().transaction();
      try {
        await writer('data_version').update({ version: writer.raw('version') });
        const answered = await Promise.race([
          postQuery(api.url, api.token, QUERIES[2]!).then(({ body }) => body),
          sleep(3_000).then(() => 'waited for the write transaction'),
        ]);
        expect(answered).toEqual(expected);
      } finally {
        await writer.commit();
      }
    },
  );
});
