import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCredentialLookup, startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';

/** The metrics query computes only what a client selects: the SQL it runs says so. */
describe.each(DIALECTS)('measure selection on %s', (dialect) => {
  let api: TestApi;
  let statements: string[] = [];
  beforeAll(async () => {
    api = await startTestApi(dialect);
    api.database.orm.em.getKnex().on('query', ({ sql }: { sql: string }) => {
      if (!isCredentialLookup(sql)) statements.push(sql);
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function sqlFor(query: string): Promise<string[]> {
    statements = [];
    const response = await api.graphql(query);
    expect(response.errors).toBeUndefined();
    return statements;
  }

  const tablesOf = (sql: string) =>
    ['survey_responses', 'contacts', 'self_service_sessions', 'customers'].filter((table) =>
      new RegExp(`\\b${table}\\b`).test(sql),
    );

  it('reads only the contacts table, without the repeat-contact subquery, for contacts alone', async () => {
    const sql = await sqlFor('{ metrics { contacts fcrRate } }');
    expect(sql).toHaveLength(1);
    expect(tablesOf(sql[0]!)).toEqual(['contacts']);
    expect(sql[0]).not.toMatch(/exists/i);
  });

  it('adds the subquery when repeatContactRate is selected, also through a fragment', async () => {
    const sql = await sqlFor('{ metrics { ...rates } } fragment rates on MetricRow { repeatContactRate }');
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/exists/i);
  });

  it('runs one grouped query per family of selected measures and joins customers only when needed', async () => {
    const sql = await sqlFor('{ metrics(dimensions: [GENERATION]) { nps csatAvg contacts deflectionRate } }');
    expect(sql.map(tablesOf).sort()).toEqual([
      ['contacts', 'customers'],
      ['self_service_sessions', 'customers'],
      ['survey_responses', 'customers'],
    ]);
    expect(sql.every((statement) => /group by/i.test(statement))).toBe(true);
    const withoutCustomers = await sqlFor('{ metrics(dimensions: [CHANNEL]) { nps } }');
    expect(withoutCustomers.map(tablesOf)).toEqual([['survey_responses']]);
  });
});
