import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.js';
import { initOrm, type Orm } from '../src/app/orm.js';
import { createServer } from '../src/server/server.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import {
  graphqlOn,
  ingestCustomer,
  ingestResponses,
  NPS_RESPONSES,
  npsRows,
  postQuery,
} from './support/result-cache.js';

/** Redis is tested when CX_TEST_REDIS_URL names a server; `.ci/run` always sets it. */
const REDIS_URL = process.env.CX_TEST_REDIS_URL || undefined;
if (!REDIS_URL && process.env.CI) throw new Error('CX_TEST_REDIS_URL must be set in CI');

describe.runIf(REDIS_URL).each(DIALECTS)('two API processes on one %s database and one Redis', (dialect) => {
  let first: TestApi;
  let secondOrm: Orm;
  let second: FastifyInstance;
  let secondUrl: string;
  beforeAll(async () => {
    const shared = { redisUrl: REDIS_URL, resultCache: 'redis' as const };
    first = await startTestApi(dialect, { config: shared });
    // The second process has its own connections, as a separate process behind a load balancer would.
    secondOrm = await initOrm(first.database.config);
    const config = loadConfig(
      {},
      { database: first.database.config, rateLimitPerMinute: 1_000_000, ...shared },
    );
    second = await createServer(secondOrm, config, { logger: false });
    secondUrl = await second.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await second?.close();
    await secondOrm?.close(true);
    await first?.close();
  });

  it('share cached answers, and an import through either invalidates them for both', async () => {
    await ingestCustomer(first);
    await ingestResponses(first, npsRows('R1'));
    const one = { data: { metrics: [{ npsResponses: 1 }] } };
    expect(await postQuery(secondUrl, first.token, NPS_RESPONSES)).toEqual({ cache: 'miss', body: one });
    expect(await postQuery(first.url, first.token, NPS_RESPONSES)).toEqual({ cache: 'hit', body: one });

    expect(await ingestResponses({ graphql: graphqlOn(secondUrl, first.token) }, npsRows('R2'))).toBe(1);
    const two = { data: { metrics: [{ npsResponses: 2 }] } };
    expect(await postQuery(first.url, first.token, NPS_RESPONSES)).toEqual({ cache: 'miss', body: two });
    expect(await postQuery(secondUrl, first.token, NPS_RESPONSES)).toEqual({ cache: 'hit', body: two });
  });
});
