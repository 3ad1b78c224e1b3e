import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf, fromDbTime, selectRows } from '../src/database/dialect.js';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import type { RawRow, RecordKind } from '../src/modules/ingest/record-kind.js';
import { BATCH_ROWS } from '../src/modules/ingest/validate-batches.js';
import { Dimension } from '../src/modules/metrics/dimension.js';
import { FAMILY_DIMENSIONS, MEASURE_NAMES, MEASURES } from '../src/modules/metrics/measures.js';
import { MetricsService, type MetricsRequest } from '../src/modules/metrics/metrics.service.js';
import { rebuildRollups, rollupState } from '../src/modules/metrics/rollups/rollup-maintenance.js';
import { initOrm } from '../src/app/orm.js';
import { fittingRollup } from '../src/modules/metrics/rollups/rollup-queries.js';
import { ROLLUP_TABLES, keyColumns } from '../src/modules/metrics/rollups/rollup-tables.js';
import {
  DERIVED_ROLLUPS,
  RECOVERY_DAYS,
  RISK_SCORES,
} from '../src/modules/metrics/rollups/derived-rollups.js';
import {
  queryRecoveryChurn,
  queryRecoveryChurnRollup,
  type RecoveryChurn,
} from '../src/modules/metrics/recovery-churn.js';
import { AGENT_DAYS } from '../src/modules/metrics/rollups/agent-days.js';
import {
  countScoresFromRollup,
  queryAfterEscalationRollup,
  queryCustomerMixRollup,
} from '../src/modules/metrics/rollups/derived-queries.js';
import { queryAfterEscalation } from '../src/modules/metrics/fact-queries.js';
import { queryCustomerMix } from '../src/modules/metrics/customer-mix-query.js';
import { RiskModel } from '../src/modules/risk/risk-model.entity.js';
import { RiskService } from '../src/modules/risk/risk.service.js';
import { TimeGrain } from '../src/modules/metrics/time-grain.js';
import { Generation } from '../src/modules/customers/generation.js';
import type { MetricFilter } from '../src/modules/metrics/dto/metric-filter.input.js';
import { seedDatabase } from '../src/seed/seed.service.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

type Row = Record<string, unknown>;

const DAY_MS = 86_400_000;
const iso = (value: unknown) => fromDbTime(value).toISOString();
const later = (value: unknown, ms: number) => new Date(fromDbTime(value).getTime() + ms).toISOString();

async function importRows(database: MigratedDatabase, kind: RecordKind, rows: RawRow[]) {
  const summary = await new IngestService(database.orm.em.fork()).importRows(
    kind,
    rows.map((values, index) => ({ row: index + 2, values })),
  );
  expect(summary.problems).toEqual([]);
  expect(summary.committed).toBe(true);
}

async function rows(database: MigratedDatabase, sql: string, bindings: unknown[] = []): Promise<Row[]> {
  const { em } = database.orm;
  return selectRows(dialectOf(em), em.getKnex().raw(sql, bindings as never[]));
}

/** Every rollup row that holds something, and every stored sequence flag, in a stable order. */
async function derivedState(database: MigratedDatabase) {
  const state: Record<string, Row[]> = {};
  for (const rollup of ROLLUP_TABLES) {
    const all = await rows(
      database,
      `select * from ${rollup.table} order by ${keyColumns(rollup).join(', ')}`,
    );
    state[rollup.table] = all
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            key === 'day' ? iso(value) : Number(value) || value,
          ]),
        ),
      )
      .filter((row) =>
        Object.entries(row).some(([key, value]) => typeof value === 'number' && key !== 'day' && value !== 0),
      );
  }
  for (const { table } of DERIVED_ROLLUPS) {
    const all = await rows(database, `select * from ${table}`);
    state[table] = all
      // Counts taken back to zero stay as rows where a rebuild writes none.
      .filter((row) => table !== RISK_SCORES || Number(row.customers) !== 0)
      .filter((row) => (table !== AGENT_DAYS && table !== RECOVERY_DAYS) || Number(row.contacts) !== 0)
      .map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value) || value])),
      )
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  state.contacts = await rows(database, 'select external_id, repeated from contacts order by external_id');
  state.sessions = await rows(
    database,
    'select external_id, truly_deflected, escalation_resolved, backfired from self_service_sessions order by external_id',
  );
  return state;
}

describe.each(DIALECTS)('rollups on %s', (dialect) => {
  let database: MigratedDatabase;

  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
    await seedDatabase(database.orm, {
      customers: 120,
      months: 3,
      seed: 11,
      until: new Date('2026-01-01T00:00:00Z'),
    });
    // Scores exist before the imports, whose follow-up rescores the customers they touch: a hand-made model
    // (too few seeded customers churn to train one) spreads scores over the range by recent contacts.
    const em = database.orm.em.fork();
    const model = Object.assign(new RiskModel(), {
      version: 'test',
      trainedAt: new Date('2026-01-01T00:00:00Z'),
      snapshotAt: new Date('2025-10-01T00:00:00Z'),
      outcomeDays: 90,
      penalty: 0,
      intercept: 0,
      featuresJson: JSON.stringify([{ name: 'contacts90', mean: 3, scale: 2, weight: 1.5 }]),
      trainingCustomers: 0,
      trainingChurners: 0,
      heldOutCustomers: 0,
      heldOutChurners: 0,
      calibrationJson: '[]',
    });
    await em.persist(model).flush();
    await new RiskService(em).refreshAll(new Date('2026-01-01T00:00:00Z'));
    // Agents: the first six seeded agent ids get a team; the others stay known by id only.
    const agentIds = (
      await rows(
        database,
        'select distinct agent_id from contacts where agent_id is not null order by agent_id',
      )
    ).map((row) => row.agent_id as string);
    await importRows(
      database,
      'agents',
      agentIds
        .slice(0, 6)
        .map((id, i) => ({ agent_id: id, team: i % 2 ? 'red' : 'blue', channels: 'phone;chat' })),
    );
    // 200 responses come to name a contact of their customer, so that they count for its agent and queue.
    const about = await rows(
      database,
      'select r.external_id as response_id, c.external_id as customer_id, r.type, r.score, r.channel, ' +
        'r.responded_at, (select min(k.external_id) from contacts k where k.customer_id = r.customer_id) as contact_id ' +
        'from survey_responses r join customers c on c.id = r.customer_id ' +
        'where exists (select 1 from contacts k where k.customer_id = r.customer_id) order by r.external_id limit 200',
    );
    await importRows(
      database,
      'surveys',
      about.map((row) => ({ ...row, responded_at: iso(row.responded_at) })),
    );
    // A contact that responses are about moves to another agent and queue: their groups move with it.
    const [named] = await rows(
      database,
      'select k.external_id, c.external_id as customer, k.channel, k.started_at from contacts k ' +
        'join customers c on c.id = k.customer_id where k.external_id = ?',
      [about[0]!.contact_id],
    );
    await importRows(database, 'contacts', [
      {
        contact_id: named!.external_id as string,
        customer_id: named!.customer as string,
        channel: named!.channel as string,
        started_at: iso(named!.started_at),
        agent_id: agentIds[1]!,
        queue: 'moved',
      },
    ]);
    // A team changes after the fact: it applies to past contacts, read when asked.
    await importRows(database, 'agents', [{ agent_id: agentIds[2]!, team: 'red' }]);
    // A contact moves to another customer, day and channel.
    const [moved] = await rows(
      database,
      `select k.external_id, k.started_at, k.channel from contacts k order by k.external_id limit 1`,
    );
    const [other] = await rows(
      database,
      `select c.external_id from customers c where c.id <> (select customer_id from contacts where external_id = ?) ` +
        'order by c.external_id limit 1',
      [moved!.external_id],
    );
    await importRows(database, 'contacts', [
      {
        contact_id: moved!.external_id as string,
        customer_id: other!.external_id as string,
        channel: moved!.channel === 'chat' ? 'phone' : 'chat',
        started_at: later(moved!.started_at, 3 * DAY_MS + 5 * 3_600_000),
        handle_seconds: 300,
        resolved: true,
      },
    ]);
    // One customer changes tier and region, another churns (both with facts).
    const customers = await rows(
      database,
      'select external_id, birth_year, signup_date, tier, region from customers c ' +
        'where churned_at is null and exists (select 1 from contacts k where k.customer_id = c.id) ' +
        'order by external_id limit 2',
    );
    await importRows(database, 'customers', [
      {
        customer_id: customers[0]!.external_id as string,
        birth_year: customers[0]!.birth_year as number,
        signup_date: iso(customers[0]!.signup_date),
        tier: customers[0]!.tier === 'vip' ? 'standard' : 'vip',
        region: 'elsewhere',
      },
      {
        customer_id: customers[1]!.external_id as string,
        birth_year: customers[1]!.birth_year as number,
        signup_date: iso(customers[1]!.signup_date),
        tier: customers[1]!.tier as string,
        region: customers[1]!.region as string,
        churned_at: '2025-12-10T08:00:00Z',
      },
    ]);
    // A detractor answer backfires an escalated session; a contact undoes a resolved session's deflection.
    const [escalated] = await rows(
      database,
      `select s.started_at, c.external_id as customer from self_service_sessions s join customers c on c.id = s.customer_id ` +
        `where s.outcome = 'escalated' and s.backfired = ${dialect === 'sqlite' ? 0 : 'false'} order by s.external_id limit 1`,
    );
    await importRows(database, 'surveys', [
      {
        response_id: 'BACKFIRE',
        customer_id: escalated!.customer as string,
        type: 'nps',
        score: 2,
        responded_at: later(escalated!.started_at, 2 * DAY_MS),
      },
    ]);
    const [deflected] = await rows(
      database,
      `select s.started_at, c.external_id as customer from self_service_sessions s join customers c on c.id = s.customer_id ` +
        `where s.truly_deflected = ${dialect === 'sqlite' ? 1 : 'true'} order by s.external_id limit 1`,
    );
    await importRows(database, 'contacts', [
      {
        contact_id: 'AFTER-DEFLECTION',
        customer_id: deflected!.customer as string,
        channel: 'phone',
        started_at: later(deflected!.started_at, 3_600_000),
      },
    ]);
    // A dry run takes back what its customers contribute and rolls back: none of it may reach the imports
    // after it (the per-agent days keep what was taken back on the connection until it is added again).
    const dryRun = await new IngestService(database.orm.em.fork()).importRows(
      'contacts',
      [
        {
          row: 2,
          values: {
            contact_id: 'DRY-RUN',
            customer_id: deflected!.customer as string,
            channel: 'chat',
            started_at: later(deflected!.started_at, 7_200_000),
          },
        },
      ],
      { dryRun: true },
    );
    expect(dryRun).toMatchObject({ committed: false, problemCount: 0, inserted: 1 });
    // Imports longer than a batch that touch the same customers in several batches: a customer inserted
    // in the first batch (where a repeated id keeps its last row) changes again in the second; then
    // contacts spread over the new customers.
    const newCustomers: RawRow[] = Array.from({ length: BATCH_ROWS }, (_, i) => ({
      customer_id: `NEW${i % 40}`,
      birth_year: 1950 + (i % 60),
      signup_date: `2025-11-0${1 + (i % 9)}`,
      tier: 'standard',
    }));
    await importRows(database, 'customers', [
      ...newCustomers,
      { ...newCustomers[0]!, tier: 'vip', region: 'east' },
    ]);
    await importRows(
      database,
      'contacts',
      Array.from({ length: BATCH_ROWS + 100 }, (_, i) => ({
        contact_id: `BULK${i}`,
        customer_id: `NEW${i % 40}`,
        channel: i % 3 ? 'email' : 'phone',
        started_at: new Date(Date.UTC(2025, 10, 1 + (i % 50), i % 24)).toISOString(),
        handle_seconds: i,
      })),
    );
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
  });

  const FILTERS = {
    midnights: { from: new Date('2025-10-15T00:00:00Z'), to: new Date('2025-12-20T00:00:00Z') },
    'midnights, one generation': {
      from: new Date('2025-10-01T00:00:00Z'),
      to: new Date('2026-01-01T00:00:00Z'),
      generations: [Generation.MILLENNIAL],
    },
    'midnights, one team': {
      from: new Date('2025-10-01T00:00:00Z'),
      to: new Date('2026-01-01T00:00:00Z'),
      teams: ['red'],
    },
    'open end': { from: new Date('2025-11-01T00:00:00Z') },
    'inside days': { from: new Date('2025-10-15T12:00:00Z'), to: new Date('2025-12-20T06:30:00Z') },
  };

  it('answers every measure, dimension, grain and filter alike from rollups and from facts', async () => {
    const em = database.orm.em.fork();
    const facts = new MetricsService(em, 'facts');
    const rollups = new MetricsService(em, 'rollups');
    let fromRollups = 0;
    for (const measure of MEASURE_NAMES) {
      const { family } = MEASURES[measure];
      const accepted = FAMILY_DIMENSIONS[family];
      const dimensionSets: Dimension[][] = [
        [],
        ...accepted.map((dimension) => [dimension]),
        accepted.slice(0, 2),
        // The agent dimensions together and with a rollup's own key (TEAM is looked up by AGENT).
        ...[
          [Dimension.AGENT, Dimension.QUEUE],
          [Dimension.TEAM, Dimension.CHANNEL],
        ].filter((set) => set.every((dimension) => accepted.includes(dimension))),
      ];
      for (const dimensions of dimensionSets) {
        for (const grain of [null, ...Object.values(TimeGrain)]) {
          for (const [name, filter] of Object.entries(FILTERS)) {
            if (!accepted.includes(Dimension.GENERATION) && 'generations' in filter) continue;
            if (!accepted.includes(Dimension.TEAM) && 'teams' in filter) continue;
            // An open end differs from a closed one only for churnRate, whose last period then ends now.
            if (!('to' in filter) && family !== 'churn') continue;
            const request: MetricsRequest = { measures: [measure], dimensions, grain, filter };
            const query = { dimensions, grain, filter, aggregates: new Set(MEASURES[measure].aggregates) };
            if (fittingRollup(family, query)) fromRollups++;
            const expected = await facts.metrics(request);
            expect(
              await rollups.metrics(request),
              `${measure} by [${dimensions.join()}] per ${grain}, ${name}`,
            ).toEqual(expected);
          }
        }
      }
    }
    expect(fromRollups).toBeGreaterThan(1_000);
  }, 120_000);

  it('answers the views that count customers and scores alike from the derived rollups and the facts', async () => {
    const em = database.orm.em.fork();
    let compared = 0;
    for (const [name, filter] of Object.entries(FILTERS)) {
      if (name === 'inside days') continue;
      for (const dimensions of [[], [Dimension.ENTRY], [Dimension.GENERATION, Dimension.ENTRY]]) {
        for (const grain of [null, TimeGrain.DAY, TimeGrain.MONTH]) {
          const query = {
            dimensions,
            grain,
            filter,
            aggregates: new Set(['npsResponses', 'promoters', 'detractors', 'csatResponses', 'csatSum']),
          };
          const expected = await queryAfterEscalation(em, query);
          compared += expected.length;
          const byGroup = (a: { period: Date | null; dimensions: unknown[] }) =>
            JSON.stringify([a.period, ...a.dimensions]);
          const sorted = <T extends { period: Date | null; dimensions: unknown[] }>(list: T[]) =>
            list.sort((a, b) => (byGroup(a) < byGroup(b) ? -1 : 1));
          expect(
            sorted(await queryAfterEscalationRollup(em, query)),
            `${name} [${dimensions.join()}] ${grain}`,
          ).toEqual(sorted(expected));
        }
      }
      const byGeneration = (a: { generation: string }, b: { generation: string }) =>
        a.generation < b.generation ? -1 : 1;
      const mix = await queryCustomerMix(em, filter);
      expect(mix.length).toBeGreaterThan(0);
      expect((await queryCustomerMixRollup(em, filter))!.sort(byGeneration), name).toEqual(
        mix.sort(byGeneration),
      );
    }
    expect(compared).toBeGreaterThan(20);
    // The risk page's comparison of apologies with perks: recoveries and the churn after them per generation.
    const byKey = (list: RecoveryChurn[]) =>
      list.sort((a, b) => (`${a.generation}/${a.group}` < `${b.generation}/${b.group}` ? -1 : 1));
    const recoveryCounts: RecoveryChurn[] = [];
    const everyGeneration = Object.values(Generation);
    for (const { from, to, generations } of [
      FILTERS.midnights,
      FILTERS['midnights, one generation'],
      FILTERS['open end'],
    ] as MetricFilter[]) {
      const filter = { from, to, generations: generations ?? everyGeneration };
      const expected = await queryRecoveryChurn(em, filter);
      recoveryCounts.push(...expected);
      expect(byKey((await queryRecoveryChurnRollup(em, filter))!)).toEqual(byKey(expected));
    }
    expect(recoveryCounts.length).toBeGreaterThan(5);
    expect(recoveryCounts.some(({ churnRate }) => (churnRate ?? 0) > 0)).toBe(true);
    expect(
      await queryRecoveryChurnRollup(em, { ...FILTERS['inside days'], generations: everyGeneration }),
    ).toBeNull();
    // revenueAtRisk is a snapshot of now: asked without a window, split and not.
    for (const dimensions of [[], [Dimension.GENERATION], [Dimension.TIER, Dimension.REGION]]) {
      for (const filter of [{}, { generations: [Generation.MILLENNIAL] }]) {
        const request: MetricsRequest = { measures: ['revenueAtRisk'], dimensions, grain: null, filter };
        const expected = await new MetricsService(em, 'facts').metrics(request);
        expect(expected.some((row) => (row.revenueAtRisk ?? 0) > 0)).toBe(true);
        expect(await new MetricsService(em, 'rollups').metrics(request)).toEqual(expected);
      }
    }
    for (const minScore of [0, 30, 70]) {
      for (const segment of [{}, { generations: [Generation.MILLENNIAL], tiers: null }]) {
        const [expected] = await rows(
          database,
          'select count(*) as n from customer_risk r join customers c on c.id = r.customer_id ' +
            `where c.churned_at is null and r.score >= ? ${'generations' in segment ? "and c.generation = 'millennial'" : ''}`,
          [minScore],
        );
        expect(Number(expected!.n)).toBeGreaterThan(0);
        expect(await countScoresFromRollup(em, segment, minScore)).toBe(Number(expected!.n));
      }
    }
  });

  it('keeps the rollups and flags equal to a rebuild from the facts', async () => {
    const incremental = await derivedState(database);
    expect(Object.values(incremental).every((table) => table.length > 0)).toBe(true);
    expect(await rebuildRollups(database.orm.em.getKnex(), dialect)).not.toBeNull();
    expect(await derivedState(database)).toEqual(incremental);
  });

  it('keeps them equal through a contacts import whose later batch reaches further back than its first', async () => {
    // A contacts import takes back and adds only the contacts from a week before its own: the first batch
    // adds contacts after customers' last ones; the second adds one before their first and moves a stored
    // one, which widens the window over the first batch's customers' earlier contacts.
    // Customers with contacts more than 30 days apart: the widened part of the window holds some of them.
    const customers = (
      await rows(
        database,
        'select c.external_id as customer, min(k.started_at) as first, max(k.started_at) as last, ' +
          'min(k.external_id) as contact from customers c join contacts k on k.customer_id = c.id ' +
          'group by c.external_id order by c.external_id',
      )
    )
      .filter(({ first, last }) => fromDbTime(last).getTime() - fromDbTime(first).getTime() > 30 * DAY_MS)
      .slice(0, 20);
    expect(customers).toHaveLength(20);
    const customer = (i: number) => customers[i % customers.length]!;
    const first = Array.from({ length: BATCH_ROWS }, (_, i) => ({
      contact_id: `WINDOW-A${i}`,
      customer_id: customer(i).customer as string,
      channel: 'chat',
      started_at: later(customer(i).last, DAY_MS + i * 60_000),
      handle_seconds: i,
    }));
    const second = customers.flatMap(({ customer, first, last, contact }) => [
      {
        contact_id: `WINDOW-B-${customer as string}`,
        customer_id: customer as string,
        channel: 'phone',
        started_at: later(first, -10 * DAY_MS),
      },
      {
        contact_id: contact as string,
        customer_id: customer as string,
        channel: 'email',
        started_at: later(last, 2 * DAY_MS),
        resolved: true,
      },
    ]);
    const expectAsRebuilt = async () => {
      const incremental = await derivedState(database);
      expect(await rebuildRollups(database.orm.em.getKnex(), dialect)).not.toBeNull();
      expect(await derivedState(database)).toEqual(incremental);
    };
    await importRows(database, 'contacts', [...first, ...second]);
    await expectAsRebuilt();
    // One contact 3 days after a customer's last makes that one a repeat contact: the window reaches back.
    const [latest] = await rows(
      database,
      'select max(k.started_at) as last from contacts k join customers c on c.id = k.customer_id where c.external_id = ?',
      [customer(0).customer],
    );
    await importRows(database, 'contacts', [
      {
        contact_id: 'WINDOW-C',
        customer_id: customer(0).customer as string,
        channel: 'chat',
        started_at: later(latest!.last, 3 * DAY_MS),
      },
    ]);
    await expectAsRebuilt();
  });
});

describe.each(DIALECTS)('sequence flags on %s', (dialect) => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
    await importRows(database, 'customers', [
      { customer_id: 'A', birth_year: 1980, signup_date: '2025-01-01' },
      { customer_id: 'B', birth_year: 1990, signup_date: '2025-01-01' },
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const flags = async (table: string, columns: string) =>
    (await rows(database, `select external_id, ${columns} from ${table} order by external_id`)).map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, key === 'external_id' ? value : Boolean(value)]),
      ),
    );

  it('flags a contact repeated by a later one within 7 days exactly, and unflags it when that one moves', async () => {
    await importRows(database, 'contacts', [
      { contact_id: 'K1', customer_id: 'A', channel: 'phone', started_at: '2025-03-01T10:00:00Z' },
      { contact_id: 'K2', customer_id: 'A', channel: 'chat', started_at: '2025-03-08T10:00:00Z' },
      { contact_id: 'K3', customer_id: 'A', channel: 'chat', started_at: '2025-03-15T10:00:01Z' },
    ]);
    expect(await flags('contacts', 'repeated')).toEqual([
      { external_id: 'K1', repeated: true }, // K2 exactly 7 days later
      { external_id: 'K2', repeated: false }, // K3 7 days and 1 second later
      { external_id: 'K3', repeated: false },
    ]);
    await importRows(database, 'contacts', [
      { contact_id: 'K2', customer_id: 'B', channel: 'chat', started_at: '2025-03-08T10:00:00Z' },
    ]);
    expect((await flags('contacts', 'repeated'))[0]).toEqual({ external_id: 'K1', repeated: false });
  });

  it('flags true deflection unless a contact follows within 72 hours, and backfire after a low score', async () => {
    await importRows(database, 'selfservice', [
      {
        session_id: 'S1',
        customer_id: 'B',
        entry: 'faq',
        started_at: '2025-05-01T00:00:00Z',
        outcome: 'resolved',
      },
      {
        session_id: 'S2',
        customer_id: 'B',
        entry: 'faq',
        started_at: '2025-06-01T00:00:00Z',
        outcome: 'resolved',
      },
      {
        session_id: 'S3',
        customer_id: 'B',
        entry: 'chatbot',
        started_at: '2025-07-01T00:00:00Z',
        outcome: 'escalated',
      },
    ]);
    await importRows(database, 'contacts', [
      { contact_id: 'K4', customer_id: 'B', channel: 'phone', started_at: '2025-05-04T00:00:00Z' }, // 72 h after S1
      { contact_id: 'K5', customer_id: 'B', channel: 'phone', started_at: '2025-06-04T00:00:01Z' }, // 72 h 1 s after S2
    ]);
    await importRows(database, 'surveys', [
      { response_id: 'R1', customer_id: 'B', type: 'csat', score: 2, responded_at: '2025-07-08T00:00:00Z' },
    ]);
    expect(await flags('self_service_sessions', 'truly_deflected, backfired')).toEqual([
      { external_id: 'S1', truly_deflected: false, backfired: false },
      { external_id: 'S2', truly_deflected: true, backfired: false },
      { external_id: 'S3', truly_deflected: false, backfired: true }, // a csat of 2 exactly 7 days later
    ]);
    await importRows(database, 'surveys', [
      { response_id: 'R1', customer_id: 'B', type: 'csat', score: 3, responded_at: '2025-07-08T00:00:00Z' },
    ]);
    expect((await flags('self_service_sessions', 'backfired'))[2]).toEqual({
      external_id: 'S3',
      backfired: false,
    });
  });

  it('are backfilled with the rollups when a database without them is opened (as after the upgrade)', async () => {
    const knex = database.orm.em.getKnex();
    await knex('rollup_state').delete();
    await knex('self_service_sessions').update({ truly_deflected: false });
    expect(await rollupState(knex, dialect)).toBeNull();
    const reopened = await initOrm(database.config);
    try {
      expect(await rollupState(knex, dialect)).not.toBeNull();
      expect((await flags('self_service_sessions', 'truly_deflected'))[1]).toEqual({
        external_id: 'S2',
        truly_deflected: true,
      });
    } finally {
      await reopened.close();
    }
  });
});
