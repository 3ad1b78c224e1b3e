import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import {
  dialectOf,
  fromDbTime,
  inList,
  insertOrAdd,
  keyLookup,
  listParameter,
  listTable,
  lockForTransaction,
  refreshPlannerStatistics,
  selectRows,
  timeBucket,
  toDbValue,
  type Dialect,
} from '../../../database/dialect.js';
import { groupBy } from '../../../core/conditions.js';
import type { RecordKind } from '../../ingest/record-kind.js';
import type { RecordSpec, ValidRecord } from '../../ingest/record-specs.js';
import type { Dimension } from '../dimension.js';
import { FACT_TABLES, factJoins, type FactFamily } from '../fact-queries.js';
import { CUSTOMER_COLUMNS } from '../sql-builder.js';
import { TimeGrain } from '../time-grain.js';
import {
  DERIVED_ROLLUPS,
  maintainDerivedRollups,
  rebuildDerivedRollups,
  takeBackWindow,
  type CustomerCondition,
} from './derived-rollups.js';
import { windowBounds, windowStart, type ContactWindow } from './contact-window.js';
import { recomputeSequenceFlags, SEQUENCE_FLAGS } from './sequence-flags.js';
import {
  aggregateColumn,
  keyColumns,
  rollupAggregates,
  ROLLUP_TABLES,
  type RollupFamily,
} from './rollup-tables.js';

/** Customers whose facts a statement covers: a list of internal ids, or null for all. */
type Customers = readonly number[] | null;

/** The families whose rollups an import of each kind can change (sequence flags included). */
const FAMILIES_CHANGED_BY: Record<RecordKind, readonly RollupFamily[]> = {
  customers: ['surveys', 'contacts', 'selfService', 'churn'],
  surveys: ['surveys', 'selfService'],
  // A survey about a contact is grouped by the contact's agent and queue: moving one moves the other.
  contacts: ['contacts', 'selfService', 'surveys'],
  selfservice: ['selfService'],
  // An agent's team is looked up when a query asks for it, never stored in a rollup.
  agents: [],
};

/**
 * Held by every import from its first write to its commit, and by a rebuild: a subtraction must see the
 * rows as the previous writer committed them, or two imports touching the same customer would each
 * subtract the same rows.
 */
const ROLLUP_WRITERS_LOCK = 7_301;

/** The families with a fact table: a customer without rows in any of them contributes to no rollup. */
const FACT_FAMILIES = Object.keys(FACT_TABLES) as FactFamily[];

/** The family whose facts an import of each kind writes. */
const OWN_FAMILY: Record<RecordKind, RollupFamily | null> = {
  customers: 'churn',
  surveys: 'surveys',
  contacts: 'contacts',
  selfservice: 'selfService',
  agents: null,
};

/**
 * Grouped by day and `dimensions`: what `customers`' facts of `family` add to its rollups, times `sign`;
 * given a `window`, only the facts started within it (its bounds are bound after the list).
 */
function factContribution(
  dialect: Dialect,
  family: FactFamily,
  dimensions: readonly Dimension[],
  sign: 1 | -1,
  customers: Customers,
  window: ContactWindow | undefined,
): string {
  const source = FACT_TABLES[family];
  const columns = dimensions.map((dimension) => source.columns[dimension]!);
  const join = factJoins(source, columns);
  const select = [
    timeBucket(dialect, source.time, TimeGrain.DAY),
    ...columns.map((column) => `coalesce(${column}, '')`),
    ...rollupAggregates(family).map((name) => `${sign} * coalesce(${source.aggregates[name]!.sql}, 0)`),
  ];
  // Each customer's facts and its own row looked up by key, however large the tables: joined with the
  // list instead, PostgreSQL hashed every customer for each statement.
  const listed = customers ? inList(dialect, 'f.customer_id', 'integer') : '1 = 1';
  const within = windowBounds(dialect, 'f.started_at', window).sql;
  return `select ${select.join(', ')} from ${source.table} f${join} where ${listed}${within} ${groupBy(columns.length + 1)}`;
}

/** The churn family's contribution of `customers`: a signup on the signup day, a churn on the churn day. */
function churnContribution(
  dialect: Dialect,
  dimensions: readonly Dimension[],
  sign: 1 | -1,
  customers: Customers,
): string {
  const columns = dimensions.map(
    (dimension) => `coalesce(${CUSTOMER_COLUMNS[dimension]}, '') as ${dimension}`,
  );
  // A condition on the key, not a join with the list: inside this union PostgreSQL planned the join
  // badly (0.65 s rather than 15 ms for 2,000 customers of a 400,000-customer database).
  const listed = customers ? inList(dialect, 'c.id', 'integer') : '1 = 1';
  const keys = (day: string) => [`${timeBucket(dialect, day, TimeGrain.DAY)} as day`, ...columns].join(', ');
  return (
    `select ${['day', ...dimensions].join(', ')}, ${sign} * sum(signups), ${sign} * sum(churns) from (` +
    `select ${keys('c.signup_date')}, 1 as signups, 0 as churns from customers c ` +
    `where ${listed} union all select ${keys('c.churned_at')}, 0, 1 from customers c ` +
    `where ${listed} and c.churned_at is not null) s ${groupBy(dimensions.length + 1)}`
  );
}

/**
 * The select of `sign` times the contribution of `customers` (all when null) to the rollups of `family`,
 * by day and `dimensions`, with its bindings; the contacts family's within `window` when given.
 */
function contribution(
  dialect: Dialect,
  family: RollupFamily,
  dimensions: readonly Dimension[],
  sign: 1 | -1,
  customers: Customers,
  window?: ContactWindow,
): { sql: string; bindings: Knex.Value[] } {
  const list = customers ? [listParameter(dialect, customers)] : [];
  if (family === 'churn') {
    return { sql: churnContribution(dialect, dimensions, sign, customers), bindings: [...list, ...list] };
  }
  const within = family === 'contacts' ? window : undefined;
  return {
    sql: factContribution(dialect, family, dimensions, sign, customers, within),
    bindings: [...list, ...windowBounds(dialect, 'f.started_at', within).bindings],
  };
}

export interface RebuildSummary {
  rowsByTable: Record<string, number>;
  durationMs: number;
}

/** Fills rollup_state: when the rollups were built, from which definitions, and the churn caveat. */
const RECORD_STATE =
  'insert into rollup_state (id, built_at, fingerprint, churned_before_signup) ' +
  'select 1, ?, ?, count(*) from customers where churned_at < signup_date';

/** The statement that fills a rollup from every customer's facts. */
function fillStatement(dialect: Dialect, rollup: (typeof ROLLUP_TABLES)[number]): string {
  const { sql } = contribution(dialect, rollup.family, rollup.dimensions, 1, null);
  const columns = rollupAggregates(rollup.family).map(aggregateColumn);
  return insertOrAdd(rollup.table, keyColumns(rollup), columns, sql);
}

const fingerprints = new Map<Dialect, string>();

/**
 * A hash of what the rollups hold on `dialect`: every rollup's table, columns and filling SQL, every
 * derived rollup's and sequence flag's SQL, and the state's own statement. Stored in rollup_state by a
 * rebuild; a start that finds another one (a release changed a definition) rebuilds, and until then
 * queries keep to the facts.
 */
export function rollupFingerprint(dialect: Dialect): string {
  let fingerprint = fingerprints.get(dialect);
  if (!fingerprint) {
    const definitions = [
      ...ROLLUP_TABLES.map((rollup) => `${rollup.table}: ${fillStatement(dialect, rollup)}`),
      ...DERIVED_ROLLUPS.map((rollup) => `${rollup.table}: ${rollup.definition(dialect)}`),
      ...SEQUENCE_FLAGS.map((flag) => `${flag.table}.${flag.column}: ${flag.condition(dialect)}`),
      `rollup_state: ${RECORD_STATE}`,
    ];
    fingerprint = createHash('sha256').update(definitions.join('\n')).digest('hex');
    fingerprints.set(dialect, fingerprint);
  }
  return fingerprint;
}

/**
 * Recomputes every sequence flag and every rollup from the facts, in one transaction, and marks them
 * built from the current definitions; with `ifStale`, only when they are not built yet or were built
 * from other definitions (null otherwise).
 */
export async function rebuildRollups(
  knex: Knex,
  dialect: Dialect,
  { ifStale = false, now = new Date() } = {},
): Promise<RebuildSummary | null> {
  const started = performance.now();
  const rowsByTable: Record<string, number> = {};
  const built = await knex.transaction(async (trx) => {
    await lockForTransaction(dialect, trx, ROLLUP_WRITERS_LOCK);
    if (ifStale && (await rollupState(trx, dialect))) return false;
    await recomputeSequenceFlags(trx, dialect, null, null);
    for (const rollup of ROLLUP_TABLES) {
      await trx.raw(`delete from "${rollup.table}"`);
      await trx.raw(fillStatement(dialect, rollup));
      const [row] = await selectRows(dialect, trx.raw(`select count(*) as n from "${rollup.table}"`));
      rowsByTable[rollup.table] = Number(row!.n);
    }
    Object.assign(rowsByTable, await rebuildDerivedRollups(trx, dialect));
    await trx.raw('delete from rollup_state');
    await trx.raw(RECORD_STATE, [toDbValue(dialect, now) as Knex.Value, rollupFingerprint(dialect)]);
    return true;
  });
  if (!built) return null;
  await refreshPlannerStatistics(knex, dialect, Object.keys(rowsByTable));
  return { rowsByTable, durationMs: performance.now() - started };
}

/**
 * Refreshes the planner statistics of every rollup table, outside any transaction. The rollups are built
 * (empty) with the schema and then grow with each import; without this their statistics stay those of
 * an empty table: SQLite then has none at all and PostgreSQL's index-only scans read the heap, which
 * made the cold reads of a freshly seeded database slower than those of a reused one.
 */
export async function refreshRollupStatistics(knex: Knex, dialect: Dialect): Promise<void> {
  await refreshPlannerStatistics(knex, dialect, [
    ...ROLLUP_TABLES.map(({ table }) => table),
    ...DERIVED_ROLLUPS.map(({ table }) => table),
  ]);
}

/**
 * When the rollups were built, or null while they are not built from the current definitions (never
 * built, or built by a release whose rollups held something else): queries then keep to the facts.
 */
export async function rollupState(
  knex: Knex,
  dialect: Dialect,
): Promise<{ builtAt: Date; churnedBeforeSignup: number } | null> {
  const [row] = await selectRows(
    dialect,
    knex.raw('select built_at, fingerprint, churned_before_signup from rollup_state'),
  );
  return row && row.fingerprint === rollupFingerprint(dialect)
    ? { builtAt: fromDbTime(row.built_at), churnedBeforeSignup: Number(row.churned_before_signup) }
    : null;
}

/**
 * An import's net change to the rollups of one family, gathered in a temporary table at the family's
 * finest grain (the day and every dimension of its rollups). Each subtraction and the final addition
 * read the customers' facts once for the whole family rather than once per rollup, and each rollup then
 * takes one grouped upsert of the sums that did not cancel out, however many batches the import had.
 * The table lives on the connection (emptied after use; a rolled-back import leaves it empty too).
 */
class FamilyDelta {
  private readonly table: string;
  private readonly dimensions: readonly Dimension[];
  private readonly aggregates: readonly string[];
  private used = false;

  constructor(
    private readonly family: RollupFamily,
    private readonly trx: Knex.Transaction,
    private readonly dialect: Dialect,
  ) {
    this.table = `rollup_${aggregateColumn(family)}_delta`;
    this.dimensions = [
      ...new Set(ROLLUP_TABLES.filter((rollup) => rollup.family === family).flatMap((r) => r.dimensions)),
    ];
    this.aggregates = rollupAggregates(family).map(aggregateColumn);
  }

  /** Adds `sign` times the contribution of `customers` (the contacts family's within `window` when given). */
  async add(sign: 1 | -1, customers: readonly number[], window?: ContactWindow): Promise<void> {
    if (!this.used) {
      // Type names both databases accept; SQLite stores the day as its epoch milliseconds, as in the rollups.
      const columns = [
        'day timestamptz',
        ...this.dimensions.map((dimension) => `${dimension} text`),
        ...this.aggregates.map((aggregate) => `${aggregate} bigint`),
      ];
      await this.trx.raw(`create temporary table if not exists ${this.table} (${columns.join(', ')})`);
      this.used = true;
    }
    const { sql, bindings } = contribution(
      this.dialect,
      this.family,
      this.dimensions,
      sign,
      customers,
      window,
    );
    await this.trx.raw(
      `insert into ${this.table} (${['day', ...this.dimensions, ...this.aggregates].join(', ')}) ${sql}`,
      bindings,
    );
    if (this.family === 'churn') {
      await this.trx.raw(
        `update rollup_state set churned_before_signup = churned_before_signup + ${sign} * ` +
          `(select count(*) from customers c where ${inList(this.dialect, 'c.id', 'integer')} and c.churned_at < c.signup_date)`,
        [listParameter(this.dialect, customers)],
      );
    }
  }

  /** Adds the net change to each rollup of the family, then empties the table. */
  async applyToRollups(): Promise<void> {
    if (!this.used) return;
    const sums = this.aggregates.map((aggregate) => `sum(${aggregate})`);
    for (const rollup of ROLLUP_TABLES) {
      if (rollup.family !== this.family) continue;
      const select =
        `select ${['day', ...rollup.dimensions, ...sums].join(', ')} from ${this.table} ` +
        `${groupBy(rollup.dimensions.length + 1)} having ${sums.map((sum) => `${sum} <> 0`).join(' or ')}`;
      await this.trx.raw(insertOrAdd(rollup.table, keyColumns(rollup), this.aggregates, select));
    }
    await this.trx.raw(`delete from ${this.table}`);
  }
}

/**
 * Keeps the sequence flags and the rollups exact through an import. Before each batch is written, the
 * contribution of the customers it touches for the first time in this import is subtracted from every
 * rollup the kind can change (their rows as they were before the import); once the last batch is
 * written, the flags of every touched customer are recomputed and their contribution added back, once.
 * Customers that have no facts yet (a bulk load) have nothing to subtract.
 */
export class RollupMaintenance {
  /** Time spent so far, for the import's histogram. */
  seconds = 0;
  /** Whether this import holds ROLLUP_WRITERS_LOCK (from its first batch to its commit). */
  private locked = false;
  /** Customers whose pre-import contribution has been subtracted. */
  private readonly touched = new Set<number>();
  /** External ids of customers this import inserts (customers imports): nothing of them to subtract. */
  private readonly inserted = new Set<string>();
  private readonly ownerLookup;
  private readonly customerLookup;
  /** The net change to each family's rollups, applied once by finish(). */
  private readonly deltas: Map<RollupFamily, FamilyDelta>;
  /** A contacts import's contact window (contact-window.ts), widened by batches with earlier contacts. */
  private contactWindow: ContactWindow | undefined;
  /**
   * A contacts import's customers with a response about one of its contacts: the only responses it can
   * move in the surveys family (grouped by their contact's agent and queue), so the only customers whose
   * contribution there it takes back and adds, rather than every customer it touches.
   */
  private readonly respondents = new Set<number>();

  constructor(
    private readonly kind: RecordKind,
    private readonly spec: Pick<RecordSpec, 'table' | 'idColumn'>,
    private readonly trx: Knex.Transaction,
    private readonly dialect: Dialect,
  ) {
    this.ownerLookup = keyLookup(dialect, trx, spec.table, 'external_id', 'customer_id');
    this.customerLookup = keyLookup(dialect, trx, 'customers', 'external_id', 'id');
    this.deltas = new Map(
      FAMILIES_CHANGED_BY[kind].map((family) => [family, new FamilyDelta(family, trx, dialect)]),
    );
  }

  /**
   * Subtracts what the customers of a batch about to be written contributed before the import;
   * `customerIds` are the internal ids of the customers the records name (all kinds but customers).
   */
  async beforeWrite(
    records: ValidRecord[],
    customerIds: ReadonlyMap<string, number> | undefined,
  ): Promise<void> {
    if (FAMILIES_CHANGED_BY[this.kind].length === 0) return;
    const started = performance.now();
    if (!this.locked) await lockForTransaction(this.dialect, this.trx, ROLLUP_WRITERS_LOCK);
    this.locked = true;
    const { customers: named, stored } = await this.touchedBy(records, customerIds);
    if (this.kind === 'contacts') await this.coverContacts(records, stored);
    const customers = named.filter((id) => !this.touched.has(id));
    for (const id of customers) this.touched.add(id);
    const families = FAMILIES_CHANGED_BY[this.kind].filter((family) => !this.byRespondents(family));
    // Only customers with facts have anything to take back, from the families' rollups as from the derived
    // ones (which hold rows only for customers with facts in some table): in a bulk load of new customers'
    // facts, none. A customers import changes who counts where in every family and in the churn-risk
    // counts: no probe saves anything there.
    const contributing =
      this.kind === 'customers' ? customers : await this.withFacts(customers, FACT_FAMILIES);
    await this.apply(contributing, -1, families);
    if (this.kind === 'contacts') await this.takeBackRespondents(records);
    await this.applyDerived(contributing, -1);
    this.seconds += (performance.now() - started) / 1000;
  }

  /**
   * After the last batch: recomputes the touched customers' flags, adds their contribution, and applies
   * the import's net change to every rollup.
   */
  async finish(): Promise<void> {
    if (FAMILIES_CHANGED_BY[this.kind].length === 0) return;
    const started = performance.now();
    const touched = [...this.touched];
    const all = [...touched, ...(await this.customerLookup([...this.inserted])).values()];
    await recomputeSequenceFlags(this.trx, this.dialect, this.kind, all, this.contactWindow);
    for (const family of FAMILIES_CHANGED_BY[this.kind]) {
      // The import's own family gains every customer's rows; the others only those that have facts there
      // (new customers have none; a contacts import reaches sessions only through their flags).
      const candidates = this.kind === 'customers' ? touched : all;
      const customers = this.byRespondents(family)
        ? [...this.respondents]
        : family === OWN_FAMILY[this.kind]
          ? all
          : await this.withFacts(candidates, [family]);
      await this.apply(customers, 1, [family]);
    }
    for (const delta of this.deltas.values()) await delta.applyToRollups();
    await this.applyDerived(all, 1);
    this.seconds += (performance.now() - started) / 1000;
  }

  private byRespondents(family: RollupFamily): boolean {
    return this.kind === 'contacts' && family === 'surveys';
  }

  /** Takes back the surveys family's contribution of the customers answering about the batch's contacts. */
  private async takeBackRespondents(records: ValidRecord[]): Promise<void> {
    const found = await selectRows(
      this.dialect,
      this.trx.raw(
        `select distinct customer_id from survey_responses where ${inList(this.dialect, 'contact_id', 'text')}`,
        [
          listParameter(
            this.dialect,
            records.map((record) => record[this.spec.idColumn] as string),
          ),
        ],
      ),
    );
    const respondents = found.map((row) => Number(row.customer_id)).filter((id) => !this.respondents.has(id));
    for (const id of respondents) this.respondents.add(id);
    await this.apply(respondents, -1, ['surveys']);
  }

  /**
   * Makes the contact window cover the batch's contacts, as they are and as they were: the first batch
   * opens it; a batch with earlier contacts widens it, taking back what the customers touched so far
   * contribute in the part added (their contacts there are still as before the import: this import writes
   * only later ones, and recomputes repeat flags in finish()).
   */
  private async coverContacts(records: ValidRecord[], stored: readonly string[]): Promise<void> {
    let earliest = Math.min(...records.map((record) => (record.started_at as Date).getTime()));
    if (stored.length > 0) {
      const [row] = await selectRows(
        this.dialect,
        this.trx.raw(
          `select min(started_at) as earliest from contacts where ${inList(this.dialect, 'external_id', 'text')}`,
          [listParameter(this.dialect, stored)],
        ),
      );
      earliest = Math.min(earliest, fromDbTime(row!.earliest).getTime());
    }
    const from = windowStart(new Date(earliest));
    if (!this.contactWindow) {
      this.contactWindow = { from };
      return;
    }
    if (from >= this.contactWindow.from) return;
    const added: ContactWindow = { from, before: this.contactWindow.from };
    this.contactWindow = { from };
    const touched = [...this.touched];
    if (touched.length === 0) return;
    await this.deltas.get('contacts')!.add(-1, touched, added);
    await takeBackWindow(this.trx, this.dialect, this.customerCondition(touched), added);
  }

  /**
   * Those of `customers` that have facts in the families' tables: the others contribute nothing there,
   * and finding them with one probe per customer spares a bulk load of new customers most statements.
   * From each listed customer to the tables, stopping at its first row: reading every fact row of the
   * listed customers (`customer_id in (list)`, a union per table) took 120-200 ms on PostgreSQL for 5,000 of
   * 400,000 customers and 13-22 ms on SQLite; this takes 90-120 ms and 8.5 ms.
   */
  private async withFacts(customers: number[], families: readonly RollupFamily[]): Promise<number[]> {
    const tables = families.flatMap((family) => (family === 'churn' ? [] : [FACT_TABLES[family].table]));
    if (customers.length === 0 || tables.length === 0) return [];
    const found = await selectRows(
      this.dialect,
      this.trx.raw(
        `select u.value as id from ${listTable(this.dialect, 'u', 'integer')} where ` +
          tables
            .map((table) => `exists (select 1 from ${table} f where f.customer_id = u.value)`)
            .join(' or '),
        [listParameter(this.dialect, customers)],
      ),
    );
    return found.map((row) => Number(row.id));
  }

  /** The same for the derived rollups (derived-rollups.ts), which hold rows only for customers with facts. */
  private async applyDerived(customers: readonly number[], sign: 1 | -1): Promise<void> {
    if (customers.length === 0) return;
    const where = this.customerCondition(customers);
    await maintainDerivedRollups(this.trx, this.dialect, this.kind, sign, where, this.contactWindow);
  }

  private customerCondition(customers: readonly number[]): CustomerCondition {
    return (column) =>
      this.trx.raw(inList(this.dialect, column, 'integer'), [listParameter(this.dialect, customers)]);
  }

  /** Adds `sign` times the contribution of `customers` to the deltas of `families`. */
  private async apply(
    customers: readonly number[],
    sign: 1 | -1,
    families: readonly RollupFamily[],
  ): Promise<void> {
    if (customers.length === 0) return;
    for (const family of families) await this.deltas.get(family)!.add(sign, customers, this.contactWindow);
  }

  /**
   * The stored customers whose contribution the batch changes, and the ids of the batch's records already
   * stored (for facts). For facts: the customers the rows name and those they belonged to before. For
   * customers: those whose segment attributes, signup or churn actually change; the ones it inserts are
   * remembered for finish().
   */
  private async touchedBy(
    records: ValidRecord[],
    customerIds: ReadonlyMap<string, number> | undefined,
  ): Promise<{ customers: number[]; stored: string[] }> {
    if (this.kind !== 'customers') {
      const named = records.map((record) => customerIds!.get(record.customer_id as string)!);
      const owners = await this.ownerLookup(records.map((record) => record[this.spec.idColumn] as string));
      return { customers: [...new Set([...named, ...owners.values()])], stored: [...owners.keys()] };
    }
    const stored = await selectRows(
      this.dialect,
      this.trx.raw(
        'select id, external_id, generation, region, tier, signup_date, churned_at from customers ' +
          `where ${inList(this.dialect, 'external_id', 'text')}`,
        [
          listParameter(
            this.dialect,
            records.map((record) => record.customer_id as string),
          ),
        ],
      ),
    );
    const byId = new Map(stored.map((row) => [row.external_id as string, row]));
    const changed: number[] = [];
    for (const record of records) {
      const id = record.customer_id as string;
      const row = byId.get(id);
      if (!row) this.inserted.add(id);
      else if (!this.inserted.has(id) && segmentChanged(row, record)) changed.push(row.id as number);
    }
    return { customers: changed, stored: [] };
  }
}

/** Whether a customers record moves the stored customer's facts to other rollup groups or days. */
function segmentChanged(stored: Record<string, unknown>, record: ValidRecord): boolean {
  const time = (value: unknown) => (value == null ? null : fromDbTime(value).getTime());
  return (
    stored.generation !== record.generation ||
    (stored.region ?? null) !== (record.region ?? null) ||
    (stored.tier ?? null) !== (record.tier ?? null) ||
    time(stored.signup_date) !== time(record.signup_date) ||
    time(stored.churned_at) !== time(record.churned_at)
  );
}

/**
 * Builds the rollups when they are not built from the current definitions (a new database, one just
 * migrated to a version that added rollups, or a release that changed what a rollup holds); returns
 * what was built, or null when they already were.
 */
export async function buildRollupsIfStale(em: EntityManager): Promise<RebuildSummary | null> {
  const knex = em.getKnex();
  const dialect = dialectOf(em);
  // Checked first without the lock: the usual case, already built, costs one read.
  return (await rollupState(knex, dialect)) ? null : rebuildRollups(knex, dialect, { ifStale: true });
}
