import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm } from '../src/app/orm.js';
import {
  insertQueuedBatches,
  openIngestQueue,
  type IngestQueueDatabase,
} from '../src/database/ingest-queue-database.js';
import { migrateSchema } from '../src/database/orm.js';
import { IMPORT_FOLLOW_UPS } from '../src/modules/ingest/import-follow-ups.js';
import { IngestWorker } from '../src/modules/ingest/ingest-worker.js';
import { keyColumns, ROLLUP_TABLES } from '../src/modules/metrics/rollups/rollup-tables.js';
import { Role } from '../src/modules/auth/role.js';
import { createApiKey, startTestApi, type TestApi } from './support/api-server.js';
import { freePort, spawnCli, waitForOutput } from './support/cli.js';
import { graphqlOn } from './support/result-cache.js';
import {
  createMigratedDatabase,
  createTestDatabase,
  DIALECTS,
  type MigratedDatabase,
} from './support/databases.js';
import { loadContactBatch, seeded, type ContactBatch } from './support/k6-contact-rows.js';

/*
 * Background ingest: a batch acknowledged with apply: BACKGROUND is stored before the answer, applied by
 * the worker once, and a crash between acknowledging and applying (or inside the apply, before its
 * commit) loses nothing and applies nothing twice: counts and rollups then equal a clean import.
 */

const CUSTOMERS = [1, 2, 3, 4].map((n) => ({
  customerId: `C000000${n}`,
  birthYear: 1950 + 12 * n,
  signupDate: '2025-01-01',
}));
const BATCHES = 3;
const ROWS = 50;
const NOW = Date.parse('2026-11-30T12:00:00Z');

const INGEST = `mutation ($rows: [ContactRowInput!]!, $apply: IngestApply) {
  ingestContacts(rows: $rows, apply: $apply) { inserted queued batchId problemCount }
}`;
const BACKLOG = '{ ingestBacklog { pendingBatches pendingRows lagSeconds } }';

/** Every rollup row that holds something, in a stable order, and the fact counts. */
async function derivedState(database: MigratedDatabase) {
  const knex = database.orm.em.getKnex();
  const state: Record<string, unknown> = {};
  for (const table of ['contacts', 'import_runs', 'alerts']) {
    state[table] = Number((await knex(table).count({ n: '*' }))[0]!.n);
  }
  state.importedContacts = (await knex('contacts').orderBy('external_id').pluck('external_id')).length;
  for (const rollup of ROLLUP_TABLES) {
    const rows: Record<string, unknown>[] = await knex(rollup.table).orderBy(keyColumns(rollup)).select('*');
    state[rollup.table] = rows
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            value instanceof Date ? value.getTime() : Number(value) || value,
          ]),
        ),
      )
      .filter((row) =>
        Object.entries(row).some(([key, value]) => key !== 'day' && typeof value === 'number' && value !== 0),
      );
  }
  return state;
}

describe.each(DIALECTS)('background ingest on %s', (dialect) => {
  let api: TestApi;
  let clean: TestApi;
  let contactBatch: ContactBatch;
  let batches: Record<string, unknown>[][];
  let queue: IngestQueueDatabase;

  beforeAll(async () => {
    contactBatch = await loadContactBatch();
    const random = seeded(22);
    batches = Array.from({ length: BATCHES }, (_, batch) =>
      contactBatch({ run: 'bg', batch, size: ROWS, customers: CUSTOMERS.length, now: NOW, random }),
    );
    // No worker: what this server acknowledges waits, as if the process died right after answering.
    api = await startTestApi(dialect);
    clean = await startTestApi(dialect);
    queue = await openIngestQueue(api.database.config, api.database.orm);
    for (const target of [api, clean]) {
      const response = await target.graphql(
        'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows) { inserted } }',
        { rows: CUSTOMERS },
      );
      expect(response).toEqual({ data: { ingestCustomers: { inserted: CUSTOMERS.length } } });
    }
  });
  afterAll(async () => {
    await queue?.close();
    await api?.close();
    await clean?.close();
  });

  it('acknowledges a valid batch once it is stored, and reports the backlog and its lag', async () => {
    for (const rows of batches) {
      const { data } = await api.graphql(INGEST, { rows, apply: 'BACKGROUND' });
      expect(data!.ingestContacts).toEqual({
        inserted: 0,
        queued: ROWS,
        batchId: expect.stringMatching(/^\d+$/),
        problemCount: 0,
      });
    }
    await sleep(20);
    const { data } = await api.graphql(BACKLOG);
    expect(data!.ingestBacklog).toMatchObject({ pendingBatches: BATCHES, pendingRows: BATCHES * ROWS });
    expect(data!.ingestBacklog.lagSeconds).toBeGreaterThan(0);
    const metrics = await (await api.fetch('/metrics')).text();
    expect(metrics).toContain(`cx_ingest_pending_rows ${BATCHES * ROWS}`);
    expect(Number(/^cx_ingest_lag_seconds (\S+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);
    // Nothing is applied yet.
    expect((await derivedState(api.database)).contacts).toBe(0);
  });

  it('refuses an invalid batch at once and queues nothing of it', async () => {
    const [row] = batches[0]!;
    const { data } = await api.graphql(INGEST, {
      rows: [{ ...row, contactId: 'K-bad', customerId: 'C9999999' }],
      apply: 'BACKGROUND',
    });
    expect(data!.ingestContacts).toEqual({ inserted: 0, queued: 0, batchId: null, problemCount: 1 });
    expect((await api.graphql(BACKLOG)).data!.ingestBacklog.pendingBatches).toBe(BATCHES);
  });

  it('applies exactly once after a crash inside the apply: counts and rollups equal a clean import', async () => {
    // The clean import: the same rows in one synchronous call, as the worker merges the batches.
    expect((await clean.graphql(INGEST, { rows: batches.flat() })).data!.ingestContacts.inserted).toBe(
      BATCHES * ROWS,
    );
    // The worker dies after writing the rows and running every follow-up, before the commit.
    const crashing = new IngestWorker(api.database.orm, queue, {
      followUps: [...IMPORT_FOLLOW_UPS, () => Promise.reject(new Error('killed between apply and commit'))],
    });
    await expect(crashing.applyPending()).rejects.toThrow('killed between apply and commit');
    expect((await derivedState(api.database)).contacts).toBe(0);
    expect((await api.graphql(BACKLOG)).data!.ingestBacklog.pendingBatches).toBe(BATCHES);

    // Restarted: the three batches are applied in one transaction, then never again.
    const worker = new IngestWorker(api.database.orm, queue);
    expect(await worker.applyPending()).toBe(BATCHES);
    expect(await worker.applyPending()).toBe(0);
    expect((await api.graphql(BACKLOG)).data!.ingestBacklog).toEqual({
      pendingBatches: 0,
      pendingRows: 0,
      lagSeconds: 0,
    });
    const applied = await derivedState(api.database);
    const expected = await derivedState(clean.database);
    // One import run (besides the customers') for the three merged batches: follow-ups ran once.
    expect(applied.import_runs).toBe(2);
    expect(applied).toEqual(expected);
    expect(applied.contacts).toBe(BATCHES * ROWS);
  });

  it('shows a streamed row in metrics within the freshness bound when the server runs the worker', async () => {
    const live = await startTestApi(dialect, { server: { ingestWorker: { pollMs: 200 } } });
    try {
      // The customers go through the queue too: once they are applied, the worker runs (its thread
      // boots while the server starts, for seconds on a busy machine).
      await live.graphql(
        'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows, apply: BACKGROUND) { queued } }',
        { rows: CUSTOMERS },
      );
      for (let attempt = 0; attempt < 600; attempt++) {
        if ((await live.graphql(BACKLOG)).data!.ingestBacklog.pendingBatches === 0) break;
        await sleep(100);
      }
      const { data } = await live.graphql(INGEST, { rows: batches[0], apply: 'BACKGROUND' });
      expect(data!.ingestContacts.queued).toBe(ROWS);
      const started = Date.now();
      let contacts = 0;
      while (contacts !== ROWS && Date.now() - started < 5_000) {
        await sleep(50);
        contacts = (await live.graphql('{ metrics { contacts } }')).data!.metrics[0]?.contacts ?? 0;
      }
      expect(contacts).toBe(ROWS);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await live.close();
    }
  });
});

describe.each(DIALECTS)('kill -9 of `cx serve` while contacts stream in on %s', (dialect) => {
  // Two `cx serve` processes start one after the other: slow on a busy machine.
  it('keeps every acknowledged batch, and the restarted server applies them to equal a clean import', async () => {
    const contactBatch = await loadContactBatch();
    const random = seeded(9);
    const batches = Array.from({ length: 8 }, (_, batch) =>
      contactBatch({ run: 'kill', batch, size: ROWS, customers: CUSTOMERS.length, now: NOW, random }),
    );
    const killed = await createMigratedDatabase(dialect);
    const clean = await startTestApi(dialect);
    try {
      const token = await createApiKey(killed.orm, Role.ADMIN);
      const serve = async () => {
        const port = await freePort();
        const child = spawnCli(['serve', '--port', String(port)], {
          CX_DATABASE_URL: killed.config.url,
          CX_RATE_LIMIT_PER_MINUTE: '1000000',
        });
        await waitForOutput(child, /CX Pulse API: http/);
        return { child, graphql: graphqlOn(`http://127.0.0.1:${port}`, token) };
      };
      const first = await serve();
      const customers = await first.graphql(
        'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows) { inserted } }',
        { rows: CUSTOMERS },
      );
      expect(customers.data).toEqual({ ingestCustomers: { inserted: CUSTOMERS.length } });
      // Acknowledged one after another; the process dies at once after the last answer, its worker busy.
      for (const rows of batches) {
        const { data } = await first.graphql(INGEST, { rows, apply: 'BACKGROUND' });
        expect(data!.ingestContacts.queued).toBe(ROWS);
      }
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('close', resolve));

      const second = await serve();
      let pending = -1;
      for (let attempt = 0; attempt < 600 && pending !== 0; attempt++) {
        await sleep(100);
        pending = (await second.graphql(BACKLOG)).data!.ingestBacklog.pendingBatches as number;
      }
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('close', resolve));
      expect(pending).toBe(0);

      expect(
        (
          await clean.graphql(
            'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows) { inserted } }',
            { rows: CUSTOMERS },
          )
        ).data,
      ).toEqual({ ingestCustomers: { inserted: CUSTOMERS.length } });
      expect((await clean.graphql(INGEST, { rows: batches.flat() })).data!.ingestContacts.inserted).toBe(
        8 * ROWS,
      );
      // How the batches were merged depends on when the process died: import runs and the risk-jump
      // alerts keyed on each import's time may differ; the facts and every rollup may not.
      const strip = ({ import_runs: _runs, alerts: _alerts, ...state }: Record<string, unknown>) => state;
      expect(strip(await derivedState(killed))).toEqual(strip(await derivedState(clean.database)));
      expect((await derivedState(killed)).contacts).toBe(8 * ROWS);
    } finally {
      await clean.close();
      await killed.drop();
    }
  }, 240_000);
});

describe.each(DIALECTS)('acknowledging while the worker applies on %s', (dialect) => {
  it('acknowledges a batch while a merge is in flight, and applies it after that merge, once', async () => {
    const contactBatch = await loadContactBatch();
    const random = seeded(31);
    const first = contactBatch({ run: 'flight', batch: 0, size: ROWS, customers: 4, now: NOW, random });
    // The second batch changes a contact of the first: applied after it, its values remain.
    const second = [{ ...first[0]!, handleSeconds: 4321, resolved: false, firstContactResolution: false }];
    // No worker in the server: the one below, on this thread and the server's connections, is the only one.
    const api = await startTestApi(dialect);
    const queue = await openIngestQueue(api.database.config, api.database.orm);
    let release = () => {};
    try {
      await api.graphql(
        'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows) { inserted } }',
        {
          rows: CUSTOMERS,
        },
      );
      expect(
        (await api.graphql(INGEST, { rows: first, apply: 'BACKGROUND' })).data!.ingestContacts.queued,
      ).toBe(ROWS);
      const released = new Promise<void>((resolve) => (release = resolve));
      let entered = () => {};
      const inFlight = new Promise<void>((resolve) => (entered = resolve));
      // The merge holds its transaction (its rows written, on SQLite the database's write lock) until released.
      const worker = new IngestWorker(api.database.orm, queue, {
        followUps: [
          ...IMPORT_FOLLOW_UPS,
          async () => {
            entered();
            await released;
          },
        ],
      });
      const applying = worker.applyPending();
      await inFlight;

      // Answered before the release: the acknowledgement does not wait for the merge.
      const { data, errors } = await api.graphql(INGEST, { rows: second, apply: 'BACKGROUND' });
      expect(errors).toBeUndefined();
      expect(data!.ingestContacts).toMatchObject({ queued: 1, problemCount: 0 });
      expect((await api.graphql(BACKLOG)).data!.ingestBacklog).toMatchObject({
        pendingBatches: 2,
        pendingRows: ROWS + 1,
      });

      release();
      expect(await applying).toBe(2);
      expect(await worker.applyPending()).toBe(0);
      const knex = api.database.orm.em.getKnex();
      const contact = await knex('contacts')
        .where({ external_id: first[0]!.contactId })
        .first('handle_seconds', 'resolved');
      expect(Number(contact.handle_seconds)).toBe(4321);
      expect(Boolean(contact.resolved)).toBe(false);
      expect(Number((await knex('contacts').count({ n: '*' }))[0]!.n)).toBe(ROWS);
      const runs = await knex('import_runs')
        .where({ source: 'stream' })
        .orderBy('id')
        .select('inserted', 'updated');
      expect(runs.map(({ inserted, updated }) => [Number(inserted), Number(updated)])).toEqual([
        [ROWS, 0],
        [0, 1],
      ]);
    } finally {
      release();
      await queue.close();
      await api.close();
    }
  });
});

describe.each(DIALECTS)('batches an older version left waiting on %s', (dialect) => {
  it('are applied once after the upgrade; those it applied are not applied again', async () => {
    const database = await createTestDatabase(dialect);
    const orm = await initOrm(database.config, { migrate: false });
    let queue: IngestQueueDatabase | undefined;
    try {
      // Up to the migration before the one that moved the record of what was applied to ingest_progress.
      const pending = await orm.getMigrator().getPendingMigrations();
      await migrateSchema(
        orm,
        pending[pending.findIndex(({ name }) => name === 'Migration20261207140000') - 1]!.name,
      );
      const knex = orm.em.getKnex();
      const at = dialect === 'sqlite' ? Date.now() : new Date();
      const batch = (rows: object[], appliedAt: unknown) => ({
        kind: 'customers',
        source: 'graphql',
        rows: JSON.stringify(
          rows.map((row) => ({
            customer_id: (row as { customerId: string }).customerId,
            birth_year: 1980,
            signup_date: '2025-01-01',
          })),
        ),
        row_count: rows.length,
        received_at: at,
        applied_at: appliedAt,
      });
      // Applied before the upgrade (its customer never written, so a second apply would show), then waiting.
      await knex('ingest_batches').insert(batch([CUSTOMERS[0]!], at));
      await knex('ingest_batches').insert(batch(CUSTOMERS.slice(1), null));
      await migrateSchema(orm);

      queue = await openIngestQueue(database.config, orm);
      const worker = new IngestWorker(orm, queue);
      expect(await worker.applyPending()).toBe(1);
      expect((await knex('customers').orderBy('external_id').pluck('external_id')).sort()).toEqual(
        CUSTOMERS.slice(1).map(({ customerId }) => customerId),
      );
      // A batch queued now gets an id above every batch applied before.
      const [id] = await insertQueuedBatches(queue, [{ ...batch([CUSTOMERS[0]!], null), rowCount: 1 }]);
      expect(id).toBe(3);
      expect(await worker.applyPending()).toBe(1);
      expect(Number((await knex('customers').count({ n: '*' }))[0]!.n)).toBe(CUSTOMERS.length);
    } finally {
      await queue?.close();
      await orm.close(true);
      await database.drop();
    }
  });
});
