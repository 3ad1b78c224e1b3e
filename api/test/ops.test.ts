import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';

/** The value of one series of a Prometheus text exposition, 0 when absent. */
function sample(exposition: string, series: string): number {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(DIALECTS)('operations endpoints on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => {
    await api?.close();
  });

  const scrape = async () => {
    const response = await fetch(`${api.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('exposes request, GraphQL operation, error, pool and import metrics in the Prometheus format', async () => {
    const importSeries = 'cx_import_duration_seconds_count{kind="customers",outcome="committed"}';
    const before = await scrape();
    expect(
      sample(before, 'cx_graphql_operation_duration_seconds_count{operation="Probe",type="query"}'),
    ).toBe(0);

    expect(await api.graphql('query Probe { customers { totalCount } }')).toEqual({
      data: { customers: { totalCount: 0 } },
    });
    await api.graphql('query Probe { customers { totalCount } }');
    const failed = await api.graphql('query BadPage { customers(first: -1) { totalCount } }');
    expect(failed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const rows = [{ row: 2, values: { customer_id: 'M1', birth_year: 1970, signup_date: '2025-01-01' } }];
    await new IngestService(api.database.orm.em.fork()).importRows('customers', rows);

    const after = await scrape();
    expect(sample(after, 'cx_graphql_operation_duration_seconds_count{operation="Probe",type="query"}')).toBe(
      2,
    );
    expect(
      sample(after, 'cx_graphql_operation_duration_seconds_count{operation="BadPage",type="query"}'),
    ).toBe(1);
    expect(sample(after, 'cx_graphql_errors_total{operation="BadPage",code="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(after, 'cx_graphql_errors_total{operation="Probe",code="BAD_USER_INPUT"}')).toBe(0);
    expect(sample(after, 'cx_http_requests_total{method="POST",route="/graphql",status="200"}')).toBe(3);
    expect(sample(after, 'cx_http_requests_total{method="GET",route="/metrics",status="200"}')).toBe(1);
    expect(sample(after, 'cx_http_request_duration_seconds_count{method="POST",route="/graphql"}')).toBe(3);
    // The import histogram is process-wide: other servers of this test file may have imported too.
    expect(sample(after, importSeries) - sample(before, importSeries)).toBe(1);
    // Idle between requests: no connection in use, none waited for.
    expect(sample(after, 'cx_db_pool_connections{state="used"}')).toBe(0);
    expect(sample(after, 'cx_db_pool_connections{state="pending"}')).toBe(0);
    expect(after).toContain('# TYPE cx_process_resident_memory_bytes gauge');
  });

  it('is ready only when the database answers and no migration is pending', async () => {
    const ready = async () => {
      const response = await fetch(`${api.url}/ready`);
      return { status: response.status, body: await response.json() };
    };
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'ready', database: 'ok', pendingMigrations: 0 },
    });

    // As if another process had not yet applied the latest migration of this version.
    const knex = api.database.orm.em.getConnection().getKnex();
    const [latest] = await knex('mikro_orm_migrations').orderBy('id', 'desc').limit(1);
    await knex('mikro_orm_migrations').where({ id: latest.id }).delete();
    expect(await ready()).toEqual({
      status: 503,
      body: { status: 'migrating', database: 'ok', pendingMigrations: 1 },
    });
    await knex('mikro_orm_migrations').insert(latest);
    expect((await ready()).status).toBe(200);

    await api.database.orm.close(true);
    expect(await ready()).toEqual({ status: 503, body: { status: 'unavailable', database: 'unreachable' } });
    // Liveness is unchanged by this work: /health still reports the database too.
    expect((await fetch(`${api.url}/health`)).status).toBe(503);
  });
});
