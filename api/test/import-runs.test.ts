import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { startTestApi, type TestApi } from './support/api-server.js';

const INGEST = `mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows) { inserted problemCount } }`;
const LOG = `{ dataVersion recentImports(first: 5) { id kind source rowsRead inserted updated unchanged startedAt finishedAt } }`;

describe.each(DIALECTS)('the import log on %s', (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi(dialect);
  });
  afterEach(async () => {
    await api.close();
  });

  it('records each committed import, newest first, and moves the data version with it', async () => {
    expect(await api.graphql(LOG)).toEqual({ data: { dataVersion: 0, recentImports: [] } });

    const rows = [{ customerId: 'C1', birthYear: 1960, signupDate: '2025-01-01' }];
    expect((await api.graphql(INGEST, { rows })).data).toEqual({
      ingestCustomers: { inserted: 1, problemCount: 0 },
    });
    const before = Date.now();
    await api.graphql(INGEST, {
      rows: [...rows, { customerId: 'C2', birthYear: 1990, signupDate: '2025-02-01' }],
    });
    const after = Date.now();

    const { data } = await api.graphql(LOG);
    expect(data!.dataVersion).toBe(data!.recentImports[0].id);
    expect(data!.recentImports).toMatchObject([
      { kind: 'CUSTOMERS', source: 'graphql', rowsRead: 2, inserted: 1, updated: 0, unchanged: 1 },
      { kind: 'CUSTOMERS', source: 'graphql', rowsRead: 1, inserted: 1, updated: 0, unchanged: 0 },
    ]);
    // The server runs in this process, on this clock: the run's times lie within the call.
    const latest = data!.recentImports[0];
    expect(Date.parse(latest.startedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(latest.finishedAt)).toBeGreaterThanOrEqual(Date.parse(latest.startedAt));
    expect(Date.parse(latest.finishedAt)).toBeLessThanOrEqual(after);
  });

  it('leaves no trace of a rejected import: neither a run nor a new data version', async () => {
    await api.graphql(INGEST, { rows: [{ customerId: 'C1', birthYear: 1960, signupDate: '2025-01-01' }] });
    const rejected = await api.graphql(INGEST, {
      rows: [{ customerId: 'C9', birthYear: 1850, signupDate: '2025-01-01' }],
    });
    expect(rejected.data).toEqual({ ingestCustomers: { inserted: 0, problemCount: 1 } });
    const { data } = await api.graphql(LOG);
    expect(data!.recentImports).toHaveLength(1);
    expect(data!.dataVersion).toBe(data!.recentImports[0].id);
  });

  it('refuses a page of recent imports outside 1 to 100', async () => {
    const { errors } = await api.graphql('{ recentImports(first: 101) { id } }');
    expect(errors?.[0]).toMatchObject({
      message: expect.stringContaining('first: got 101, expected a whole number from 1 to 100'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
