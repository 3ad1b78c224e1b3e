import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type DatabaseConfig } from '../src/config.js';
import { initOrm, type Orm } from '../src/app/orm.js';
import { Role } from '../src/modules/auth/role.js';
import { createServer } from '../src/server/server.js';
import { createApiKey } from './support/api-server.js';
import { POSTGRES_ADMIN_URL } from './support/databases.js';
import { createScratchPostgres } from './support/postgres.js';
import {
  graphqlOn,
  ingestCustomer,
  ingestResponses,
  NPS_RESPONSES,
  npsRows,
  postQuery,
} from './support/result-cache.js';
import { startStreamingReplica, type StreamingReplica } from './support/streaming-replica.js';

describe('CX_DATABASE_REPLICA_URLS', () => {
  const POSTGRES = { CX_DATABASE_URL: 'postgres://cx@db-primary:5432/cx' };

  it('lists streaming replicas of the PostgreSQL database', () => {
    const { database } = loadConfig({
      ...POSTGRES,
      CX_DATABASE_REPLICA_URLS: ' postgres://cx@db-replica-1:5432/cx, postgresql://cx@db-replica-2/cx ',
    });
    expect(database).toEqual({
      dialect: 'postgresql',
      url: POSTGRES.CX_DATABASE_URL,
      replicaUrls: ['postgres://cx@db-replica-1:5432/cx', 'postgresql://cx@db-replica-2/cx'],
    });
    expect(loadConfig(POSTGRES).database).toEqual({ dialect: 'postgresql', url: POSTGRES.CX_DATABASE_URL });
  });

  it('is refused with a line naming it for SQLite and for what is not a postgres URL', () => {
    expect(() => loadConfig({ CX_DATABASE_REPLICA_URLS: 'postgres://cx@db-replica/cx' })).toThrow(
      new ConfigError(
        'CX_DATABASE_REPLICA_URLS: read replicas need PostgreSQL, but CX_DATABASE_URL is a SQLite file',
      ),
    );
    expect(() =>
      loadConfig({ ...POSTGRES, CX_DATABASE_REPLICA_URLS: 'postgres://cx@db-replica/cx,db-replica-2:5432' }),
    ).toThrow(
      new ConfigError(
        'CX_DATABASE_REPLICA_URLS: expected comma-separated postgres://user@host:port/db URLs ' +
          '("db-replica-2:5432" is not one), got "postgres://cx@db-replica/cx,db-replica-2:5432"',
      ),
    );
  });
});

describe('CX_RESULT_CACHE', () => {
  it('defaults to memory, or to redis when CX_REDIS_URL is set; redis needs CX_REDIS_URL', () => {
    expect(loadConfig({}).resultCache).toBe('memory');
    expect(loadConfig({ CX_REDIS_URL: 'redis://cache:6379' }).resultCache).toBe('redis');
    expect(loadConfig({ CX_REDIS_URL: 'redis://cache:6379', CX_RESULT_CACHE: 'off' }).resultCache).toBe(
      'off',
    );
    expect(() => loadConfig({ CX_RESULT_CACHE: 'redis' })).toThrow(
      new ConfigError('CX_RESULT_CACHE: redis needs CX_REDIS_URL, which is not set'),
    );
    expect(() => loadConfig({ CX_RESULT_CACHE: 'disk' })).toThrow(
      new ConfigError('CX_RESULT_CACHE: expected off, memory or redis, got "disk"'),
    );
  });
});

/**
 * Against a real streaming replica: a primary cluster and its replica started for this test
 * (test/support/streaming-replica.ts), wherever PostgreSQL tests run.
 */
describe.runIf(POSTGRES_ADMIN_URL)('an API with a read replica', () => {
  let replica: StreamingReplica;
  let orm: Orm;
  let app: FastifyInstance;
  let url: string;
  let token: string;
  beforeAll(async () => {
    replica = await startStreamingReplica();
    const scratch = await createScratchPostgres(replica.primaryUrl('postgres'));
    const name = new URL(scratch.url).pathname.slice(1);
    const database: DatabaseConfig = {
      dialect: 'postgresql',
      url: scratch.url,
      replicaUrls: [replica.replicaUrl(name)],
    };
    orm = await initOrm(database);
    // Without the result cache, every answer below is read from the database.
    const config = loadConfig({}, { database, resultCache: 'off', rateLimitPerMinute: 1_000_000 });
    app = await createServer(orm, config, { logger: false });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    token = await createApiKey(orm, Role.ADMIN);
  });
  afterAll(async () => {
    await app?.close();
    await orm?.close(true);
    await replica?.destroy();
  });

  const npsResponses = async (asking = token) =>
    ((await postQuery(url, asking, NPS_RESPONSES)).body.data as { metrics: { npsResponses: number }[] })
      .metrics[0]?.npsResponses;

  it('reads queries from the replica, while credentials, imports and writes use the primary', async () => {
    const api = { graphql: graphqlOn(url, token) };
    await ingestCustomer(api);
    await ingestResponses(api, npsRows('R1'));
    await replica.caughtUp();
    expect(await npsResponses()).toBe(1);

    await replica.pauseReplay();
    // A key created now exists only on the primary: the credential lookup finds it there.
    const analyst = await createApiKey(orm, Role.ANALYST);
    expect(await ingestResponses(api, npsRows('R2'))).toBe(1);
    // The replica has not applied the import: queries still see one response.
    expect(await npsResponses(analyst)).toBe(1);
    // A write right after the import sees it: R2 is updated, not inserted again.
    const rescored = await api.graphql(
      'mutation ($rows: [SurveyResponseRowInput!]!) { ingestSurveyResponses(rows: $rows) { inserted updated } }',
      { rows: [{ ...npsRows('R2')[0], score: 3 }] },
    );
    expect(rescored).toEqual({ data: { ingestSurveyResponses: { inserted: 0, updated: 1 } } });

    await replica.resumeReplay();
    await replica.caughtUp();
    expect(await npsResponses(analyst)).toBe(2);
  });
});
