import { CALIBRATION, generateCustomers, type GeneratedBatch } from '@cx-pulse/seeds';
import { afterEach, describe, expect, it } from 'vitest';
import type { Orm } from '../src/database/orm.js';
import { ActorKind } from '../src/modules/alerts/alert-action.js';
import { Role } from '../src/modules/auth/role.js';
import { Contact } from '../src/modules/contacts/contact.entity.js';
import { Customer } from '../src/modules/customers/customer.entity.js';
import { SelfServiceSession } from '../src/modules/selfservice/self-service-session.entity.js';
import { SurveyResponse } from '../src/modules/surveys/survey-response.entity.js';
import { seedDatabase, type SeedOptions } from '../src/seed/seed.service.js';
import { DEMO_SUPERVISORS } from '../src/seed/demo-agents.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

const options: SeedOptions = { customers: 150, months: 3, seed: 7, until: new Date('2025-06-01T00:00:00Z') };

type Row = Record<string, unknown>;
type Dump = Record<'customers' | 'surveys' | 'contacts' | 'sessions', Row[]>;

const ENTITIES = {
  customers: Customer,
  surveys: SurveyResponse,
  contacts: Contact,
  sessions: SelfServiceSession,
};
const ID_COLUMNS = {
  customers: 'customer_id',
  surveys: 'response_id',
  contacts: 'contact_id',
  sessions: 'session_id',
};
const camelCase = (column: string) => column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
const byId = (id: string) => (a: Row, b: Row) => ((a[id] as string) < (b[id] as string) ? -1 : 1);

/**
 * The stored content in the canonical import columns, rows ordered by external id and timestamps as ISO
 * strings, so databases of either dialect can be compared with each other and with the generated rows.
 */
async function dump(orm: Orm, columnsOf: (kind: keyof Dump) => string[]): Promise<Dump> {
  const em = orm.em.fork();
  const result = {} as Dump;
  for (const kind of Object.keys(ENTITIES) as (keyof Dump)[]) {
    const records = (await em.find(ENTITIES[kind] as typeof Customer, {})) as unknown as Row[];
    result[kind] = records
      .map((record) =>
        Object.fromEntries(
          columnsOf(kind).map((column) => {
            if (column === ID_COLUMNS[kind]) return [column, record.externalId];
            if (column === 'customer_id') return [column, (record.customer as Customer).externalId];
            const value = record[camelCase(column)];
            return [column, value instanceof Date ? value.toISOString() : value];
          }),
        ),
      )
      .sort(byId(ID_COLUMNS[kind]));
  }
  return result;
}

/** The generated rows in the same shape as a dump. */
function expectedDump(batch: GeneratedBatch): Dump {
  const normalise = (rows: Row[], kind: keyof Dump) =>
    rows
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => [
            column,
            typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.*Z$/.test(value)
              ? new Date(value).toISOString()
              : value,
          ]),
        ),
      )
      .sort(byId(ID_COLUMNS[kind]));
  return {
    customers: normalise(batch.customers, 'customers'),
    surveys: normalise(batch.surveys, 'surveys'),
    contacts: normalise(batch.contacts, 'contacts'),
    sessions: normalise(batch.sessions, 'sessions'),
  };
}

describe.each(DIALECTS)('seeding %s', (dialect) => {
  const databases: MigratedDatabase[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((database) => database.drop()));
  });
  const freshDatabase = async () => {
    const database = await createMigratedDatabase(dialect);
    databases.push(database);
    return database.orm;
  };

  it('stores exactly the generated rows, the same in two fresh databases (and so on either dialect)', async () => {
    const expected = expectedDump(generateCustomers(options, 0, options.customers));
    const columnsOf = (kind: keyof Dump) => Object.keys(expected[kind][0]!);
    const [first, second] = [await freshDatabase(), await freshDatabase()];

    const summary = await seedDatabase(first, options);
    await seedDatabase(second, options);

    expect(summary.rowsByKind).toEqual({
      customers: 150,
      surveys: expected.surveys.length,
      contacts: expected.contacts.length,
      selfservice: expected.sessions.length,
      agents: CALIBRATION.agentCount.value,
    });
    expect(summary.inserted).toBe(summary.rows);
    const stored = await dump(first, columnsOf);
    expect(stored).toEqual(expected);
    expect(await dump(second, columnsOf)).toEqual(stored);
  });

  it('changes nothing when the same options are seeded again, and reports progress per chunk', async () => {
    const orm = await freshDatabase();
    await seedDatabase(orm, options);
    const counts = async () => {
      const em = orm.em.fork();
      return Promise.all(Object.values(ENTITIES).map((entity) => em.count(entity as typeof Customer)));
    };
    const before = await counts();

    const progress: number[] = [];
    const again = await seedDatabase(orm, options, ({ customersDone }) => progress.push(customersDone));

    expect(await counts()).toEqual(before);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: again.rows });
    expect(progress).toEqual([150]);
  });

  it("signs the demo's exception reviews with its SUPERVISOR users, created once", async () => {
    const orm = await freshDatabase();
    await seedDatabase(orm, options);
    await seedDatabase(orm, options);
    const knex = orm.em.getKnex();
    const supervisors = DEMO_SUPERVISORS.map(({ email, name }) => ({ email, name, role: Role.SUPERVISOR }));
    expect(await knex('users').select('email', 'name', 'role').orderBy('email')).toEqual(supervisors);
    // Few reviews at this scale: each is signed by one of them, as a user.
    const reviews: { reviewer_name: string; reviewer_kind: string }[] = await knex(
      'exception_reviews',
    ).select('reviewer_name', 'reviewer_kind');
    expect(reviews.length).toBeGreaterThan(0);
    const names: string[] = supervisors.map(({ name }) => name);
    expect(reviews.filter((review) => !names.includes(review.reviewer_name))).toEqual([]);
    expect(new Set(reviews.map((review) => review.reviewer_kind))).toEqual(new Set([ActorKind.USER]));
  });

  it('adds new customers from firstCustomer on: the rows the whole range would have, timed per kind', async () => {
    const [whole, inSteps] = [await freshDatabase(), await freshDatabase()];
    await seedDatabase(whole, options);
    await seedDatabase(inSteps, { ...options, customers: 100 });

    const progress: number[] = [];
    const slice = await seedDatabase(inSteps, { ...options, firstCustomer: 100, customers: 50 }, (step) =>
      progress.push(step.customersDone),
    );

    const expected = expectedDump(generateCustomers(options, 0, options.customers));
    const columnsOf = (kind: keyof Dump) => Object.keys(expected[kind][0]!);
    expect(await dump(inSteps, columnsOf)).toEqual(await dump(whole, columnsOf));
    expect(slice.rowsByKind.customers).toBe(50);
    expect(slice.inserted).toBe(slice.rows);
    expect(progress).toEqual([50]);
    // The agents came with the first range.
    expect(slice.rowsByKind.agents).toBe(0);
    for (const kind of Object.keys(slice.rowsByKind) as (keyof typeof slice.rowsByKind)[]) {
      if (kind !== 'agents') expect(slice.durationMsByKind[kind]).toBeGreaterThan(0);
    }
  });
});
