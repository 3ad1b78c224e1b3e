import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestWriterThread } from '../src/app/ingest-writer-thread.js';
import { onAlertEventsCommitted } from '../src/modules/alerts/alert-events-signal.js';
import { STALE_ANSWER_MS } from '../src/modules/cache/result-cache.plugin.js';
import { processRegistry } from '../src/modules/ops/process-metrics.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { loadContactBatch, seeded } from './support/k6-contact-rows.js';

/*
 * The writer thread: batches acknowledged on the API's thread are applied on a thread of its own, with
 * its own connection, in the order they were acknowledged, each once; what the apply signals in-process
 * (alert events for the webhook dispatcher, the import histograms of /metrics) reaches the API's thread;
 * and reads answered while it applies see only committed merges.
 */

const NOW = Date.parse('2026-11-30T12:00:00Z');
const ROWS = 40;
const customers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => ({
    customerId: `C${String(from + index).padStart(7, '0')}`,
    birthYear: 1960 + index,
    signupDate: '2025-01-01',
  }));

const INGEST_CUSTOMERS = `mutation ($rows: [CustomerRowInput!]!) {
  ingestCustomers(rows: $rows, apply: BACKGROUND) { queued batchId problemCount }
}`;
const INGEST_CONTACTS = `mutation ($rows: [ContactRowInput!]!) {
  ingestContacts(rows: $rows, apply: BACKGROUND) { queued batchId problemCount }
}`;
const BACKLOG = '{ ingestBacklog { pendingBatches } }';

/** The committed observations of cx_import_duration_seconds for contacts, in this process's registry. */
async function committedContactImports(): Promise<number> {
  const metric = await processRegistry.getSingleMetric('cx_import_duration_seconds')!.get();
  // A histogram's values carry the name of each series (…_bucket, …_sum, …_count).
  return (metric.values as { metricName?: string; labels: Record<string, unknown>; value: number }[])
    .filter(
      ({ metricName, labels }) =>
        metricName === 'cx_import_duration_seconds_count' &&
        labels.kind === 'contacts' &&
        labels.outcome === 'committed',
    )
    .reduce((sum, { value }) => sum + value, 0);
}

describe.each(DIALECTS)('the ingest writer thread on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    // The server runs no worker: the thread below is the only writer of what the API acknowledges.
    api = await startTestApi(dialect);
  });
  afterAll(() => api?.close());

  it('applies the queued batches in order, each once, and forwards its signals to this thread', async () => {
    const contactBatch = await loadContactBatch();
    const random = seeded(19);
    const first = contactBatch({ run: 'wt', batch: 0, size: ROWS, customers: 4, now: NOW, random });
    // The second batch changes a contact of the first: applied in order, the second's values remain.
    const changed = { ...first[0]!, handleSeconds: 4321, resolved: false, firstContactResolution: false };
    // …and names a customer that exists only in a customer batch acknowledged before it, still waiting.
    const second = [changed, { ...first[1]!, contactId: 'K-new-customer', customerId: 'C0000005' }];
    const acknowledged: unknown[] = [];
    for (const [document, rows] of [
      [INGEST_CUSTOMERS, customers(1, 4)],
      [INGEST_CONTACTS, first],
      [INGEST_CUSTOMERS, customers(5, 5)],
      [INGEST_CONTACTS, second],
    ] as const) {
      const { data } = await api.graphql(document, { rows });
      acknowledged.push(Object.values(data!)[0]);
    }
    expect(acknowledged.map((answer) => (answer as { queued: number }).queued)).toEqual([4, ROWS, 1, 2]);

    let alertSignals = 0;
    const unsubscribe = onAlertEventsCommitted(() => alertSignals++);
    const importsBefore = await committedContactImports();
    const thread = new IngestWriterThread(api.database.config, { pollMs: 50, minRoundMs: 0 }, (error) => {
      throw error;
    });
    await thread.start();
    try {
      let pending = -1;
      for (let attempt = 0; attempt < 600 && pending !== 0; attempt++) {
        await sleep(50);
        pending = (await api.graphql(BACKLOG)).data!.ingestBacklog.pendingBatches as number;
      }
      expect(pending).toBe(0);
    } finally {
      await thread.stop();
      unsubscribe();
    }

    const knex = api.database.orm.em.getKnex();
    // Four merges: a kind changes between each pair of batches, so none were merged.
    const runs: { kind: string; source: string; inserted: number; updated: number }[] = await knex(
      'import_runs',
    )
      .orderBy('id')
      .select('kind', 'source', 'inserted', 'updated');
    expect(runs.map(({ kind, inserted, updated }) => [kind, inserted, updated])).toEqual([
      ['customers', 4, 0],
      ['contacts', ROWS, 0],
      ['customers', 1, 0],
      ['contacts', 1, 1],
    ]);
    expect(new Set(runs.map(({ source }) => source))).toEqual(new Set(['stream']));
    const contact = await knex('contacts')
      .where({ external_id: first[0]!.contactId })
      .first('handle_seconds', 'resolved');
    expect(Number(contact.handle_seconds)).toBe(4321);
    expect(Boolean(contact.resolved)).toBe(false);
    expect(Number((await knex('contacts').count({ n: '*' }))[0]!.n)).toBe(ROWS + 1);
    // The two contact merges were observed on the thread and recorded in this thread's histogram.
    expect((await committedContactImports()) - importsBefore).toBe(2);
    // Every committed merge runs the alert rules, which signal the webhook dispatcher.
    expect(alertSignals).toBeGreaterThanOrEqual(4);
  });

  it('answers reads while the thread applies, each from a committed state, never a partial merge', async () => {
    const contactBatch = await loadContactBatch();
    const random = seeded(20);
    const before = Number((await api.graphql('{ metrics { contacts } }')).data!.metrics[0]?.contacts ?? 0);
    const sizes = [300, 300, 300];
    for (const [batch, size] of sizes.entries()) {
      const rows = contactBatch({ run: 'reads', batch, size, customers: 5, now: NOW, random });
      expect((await api.graphql(INGEST_CONTACTS, { rows })).data!.ingestContacts.queued).toBe(size);
    }
    // One batch per merge, so that reads can land between them.
    const thread = new IngestWriterThread(
      api.database.config,
      { pollMs: 50, minRoundMs: 0, maxRows: 300 },
      (error) => {
        throw error;
      },
    );
    const seen = new Set<number>();
    await thread.start();
    try {
      let pending = -1;
      for (let attempt = 0; attempt < 1_200 && pending !== 0; attempt++) {
        const [metrics, backlog] = await Promise.all([
          api.graphql('{ metrics { contacts } }'),
          api.graphql(BACKLOG),
        ]);
        expect(metrics.errors).toBeUndefined();
        seen.add(Number(metrics.data!.metrics[0]?.contacts ?? 0));
        pending = backlog.data!.ingestBacklog.pendingBatches as number;
      }
      expect(pending).toBe(0);
    } finally {
      await thread.stop();
    }
    // A background apply shows within the result cache's stale bound: the first answers may be the
    // previous one while the current one is computed.
    const drained = Date.now();
    for (let count = -1; count !== before + 900 && Date.now() - drained < STALE_ANSWER_MS + 3_000;) {
      count = Number((await api.graphql('{ metrics { contacts } }')).data!.metrics[0].contacts);
      seen.add(count);
      await sleep(20);
    }
    const committed = [before, before + 300, before + 600, before + 900];
    for (const count of seen) expect(committed).toContain(count);
    expect(seen).toContain(before + 900);
  });
});
