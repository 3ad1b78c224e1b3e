import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, statementLog, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';

/** The metrics query computes only what a client selects: the SQL it runs says so. */
describe.each(DIALECTS)('measure selection on %s', (dialect) => {
  let api: TestApi;
  let statements: string[];
  beforeAll(async () => {
    api = await startTestApi(dialect);
    statements = statementLog(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  /** The grouped statements a query runs (the read of the rollup state aside). */
  async function sqlFor(query: string): Promise<string[]> {
    statements.length = 0;
    const response = await api.graphql(query);
    expect(response.errors).toBeUndefined();
    return statements.filter((sql) => !/\brollup_state\b/.test(sql));
  }

  const tablesOf = (sql: string) =>
    ['survey_responses', 'contacts', 'self_service_sessions', 'customers'].filter((table) =>
      new RegExp(`\\b${table}\\b`).test(sql),
    );

  // Inside a day, so that the facts answer rather than the rollups.
  const FACTS = 'filter: { from: "2026-01-01T12:00:00Z" }';

  it('reads only the contacts table, without the repeat-contact flag, for contacts alone', async () => {
    const sql = await sqlFor(`{ metrics(${FACTS}) { contacts fcrRate } }`);
    expect(sql).toHaveLength(1);
    expect(tablesOf(sql[0]!)).toEqual(['contacts']);
    expect(sql[0]).not.toMatch(/repeated/i);
  });

  it('adds the repeat-contact flag when repeatContactRate is selected, also through a fragment', async () => {
    const sql = await sqlFor(
      `{ metrics(${FACTS}) { ...rates } } fragment rates on MetricRow { repeatContactRate }`,
    );
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/\bf\.repeated\b/);
  });

  it('runs one grouped query per family of selected measures and joins customers only when needed', async () => {
    const sql = await sqlFor(
      `{ metrics(dimensions: [GENERATION], ${FACTS}) { nps avgCsat contacts deflectionRate } }`,
    );
    expect(sql.map(tablesOf).sort()).toEqual([
      ['contacts', 'customers'],
      ['self_service_sessions', 'customers'],
      ['survey_responses', 'customers'],
    ]);
    expect(sql.every((statement) => /group by/i.test(statement))).toBe(true);
    const withoutCustomers = await sqlFor(`{ metrics(dimensions: [CHANNEL], ${FACTS}) { nps } }`);
    expect(withoutCustomers.map(tablesOf)).toEqual([['survey_responses']]);
  });

  it('sums only the selected aggregates from one rollup per family', async () => {
    const [contacts, ...others] = await sqlFor('{ metrics { contacts fcrRate } }');
    expect(others).toEqual([]);
    expect(contacts).toMatch(/from rollup_contacts_\w+/);
    expect(contacts!.match(/sum\(r\.(\w+)\)/g)?.sort()).toEqual([
      'sum(r.contacts)',
      'sum(r.first_contact_resolved)',
    ]);
    const families = await sqlFor('{ metrics(dimensions: [GENERATION]) { nps contacts deflectionRate } }');
    expect(families.map((sql) => sql.match(/from (rollup_[a-z]+)_/)?.[1]).sort()).toEqual([
      'rollup_contacts',
      'rollup_sessions',
      'rollup_surveys',
    ]);
  });
});
