import type { EntityManager, Knex } from '@mikro-orm/knex';
import {
  bulkUpsert,
  createStagingTable,
  isDistinctFrom,
  keyLookup,
  rowsChangedBy,
  selectRows,
  type BulkUpsert,
  type Dialect,
  type KeyLookup,
  type StagingTable,
} from '../../database/dialect.js';
import type { RecordSpec, ValidRecord } from './record-specs.js';
import { EXPECTED } from './row-problem.js';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes validated records of one kind with multi-row upserts inside the import's transaction. Raw SQL
 * rather than entities: an import of millions of rows must not build an object per row, and the
 * ORM's hooks are replaced by setting created_at/updated_at here.
 */
export class RecordWriter {
  private readonly columns: { name: string; type: string }[];
  /** One upsert per set of columns the rows leave out (usually one per file: the header's). */
  private readonly upserters = new Map<string, BulkUpsert>();
  /** Internal ids of the customers with these external ids; absent ids are missing from the map. */
  readonly customerIds: KeyLookup;
  /** The internal customer id of the contacts with these external ids. */
  private readonly contactOwners: KeyLookup;

  constructor(
    private readonly spec: RecordSpec,
    em: EntityManager,
    private readonly dialect: Dialect,
    private readonly trx: Knex.Transaction,
    private readonly now: Date,
  ) {
    const names = ['external_id', ...spec.writtenColumns, 'created_at', 'updated_at'];
    const types = columnTypes(em, spec.table);
    this.columns = names.map((name) => ({ name, type: types.get(name)! }));
    this.customerIds = keyLookup(dialect, trx, 'customers', 'external_id', 'id');
    this.contactOwners = keyLookup(dialect, trx, 'contacts', 'external_id', 'customer_id');
  }

  /**
   * The references to contacts (a survey's contact_id) that name no stored contact, or a contact of
   * another customer than the row's: each with the phrase its problem reports, naming both customers.
   * References whose customer is unknown are left to the customer check.
   */
  async contactProblems(
    references: readonly { row: number; id: string; customerId: string }[],
    customerIds: ReadonlyMap<string, number>,
  ): Promise<{ row: number; id: string; expected: string }[]> {
    const owners = await this.contactOwners([...new Set(references.map(({ id }) => id))]);
    const mismatched = references.filter(
      ({ id, customerId }) =>
        owners.has(id) && customerIds.has(customerId) && owners.get(id) !== customerIds.get(customerId),
    );
    const names = new Map<number, string>();
    if (mismatched.length) {
      const rows: { id: number; external_id: string }[] = await this.trx('customers')
        .whereIn('id', [...new Set(mismatched.map(({ id }) => owners.get(id)!))])
        .select('id', 'external_id');
      for (const { id, external_id } of rows) names.set(Number(id), external_id);
    }
    return references.flatMap(({ row, id, customerId }) => {
      if (!customerIds.has(customerId)) return [];
      const owner = owners.get(id);
      if (owner === undefined) return [{ row, id, expected: EXPECTED.existingContact }];
      if (owner === customerIds.get(customerId)) return [];
      return [{ row, id, expected: EXPECTED.contactOfCustomer(customerId, names.get(owner)!) }];
    });
  }

  /**
   * The external ids of the customers with each of these e-mails (compared without regard to case),
   * keyed by the lower-cased e-mail; an e-mail that no customer has is missing from the map. A scan of
   * customers per batch: e-mail matching is for vendor files without CRM ids, not bulk loads.
   */
  async customersByEmail(emails: string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    for (const chunk of chunks(emails, 500)) {
      const rows = (await this.trx('customers')
        .select(this.trx.raw('lower(email) as email'), 'external_id')
        .whereRaw(`lower(email) in (${chunk.map(() => '?').join(', ')})`, chunk)
        .orderBy('external_id')) as unknown as { email: string; external_id: string }[];
      for (const { email, external_id } of rows) found.set(email, [...(found.get(email) ?? []), external_id]);
    }
    return found;
  }

  /**
   * The upsert for rows that leave out the columns `kept`: a new row gets null there, a stored row keeps
   * its values (the update sets, and compares, only the columns the rows have).
   */
  private upserter(kept: string[]): BulkUpsert {
    const key = kept.join(',');
    let upserter = this.upserters.get(key);
    if (!upserter) {
      upserter = bulkUpsert(this.dialect, this.trx, this.spec.table, this.columns, this.onConflict(kept));
      this.upserters.set(key, upserter);
    }
    return upserter;
  }

  /** The ON CONFLICT clause of an upsert that leaves the columns `kept` as stored. */
  private onConflict(kept: readonly string[]): string {
    const { spec, dialect } = this;
    const quote = (name: string) => `"${name}"`;
    const written = spec.writtenColumns.filter((column) => !kept.includes(column));
    const assigned = [...written, 'updated_at'].map((c) => `${quote(c)} = excluded.${quote(c)}`);
    const differs = written.map((c) =>
      isDistinctFrom(dialect, `${quote(spec.table)}.${quote(c)}`, `excluded.${quote(c)}`),
    );
    // Required columns are never left out, so there is always something to set and compare.
    return `on conflict ("external_id") do update set ${assigned.join(', ')} where ${differs.join(' or ')}`;
  }

  /** A record as the row its upsert writes: the id, then the written columns, then the two times. */
  private rowOf(record: ValidRecord, customerIds: Map<string, number> | undefined): unknown[] {
    const row: unknown[] = [record[this.spec.idColumn]];
    for (const column of this.spec.writtenColumns) {
      const value = record[column] ?? null;
      row.push(column === 'customer_id' && customerIds ? customerIds.get(value as string) : value);
    }
    row.push(this.now, this.now);
    return row;
  }

  /**
   * Bulk loads: stages records with distinct ids (and the same columns left out: see stagedColumnsOf)
   * into `staging`, a table with this writer's columns, for upsertStaged.
   */
  async stage(
    staging: StagingTable,
    records: ValidRecord[],
    customerIds: Map<string, number> | undefined,
  ): Promise<void> {
    await staging.append(records.map((record) => this.rowOf(record, customerIds)));
  }

  /** A staging table for bulk loads of this kind, with the columns of the writer's upserts. */
  createStaging(): Promise<StagingTable> {
    return createStagingTable(this.dialect, this.trx, `staged_${this.spec.table}`, this.columns);
  }

  /**
   * Bulk loads: upserts every row staged (the last one staged wins for a repeated id; `repeats` says
   * whether any id was staged twice) in one set-based statement, with the same rule as upsert(): a stored
   * row whose values all equal the new ones is left alone, and the columns `kept` (left out of the file)
   * keep their stored values. Counts as upsert().
   */
  async upsertStaged(staging: StagingTable, kept: readonly string[], repeats: boolean): Promise<WriteCounts> {
    const { spec, dialect, trx } = this;
    await staging.keepLastBy('external_id', repeats);
    const staged = `"${staging.name}"`;
    const [counts] = await selectRows(
      dialect,
      trx.raw(
        `select (select count(*) from ${staged}) as staged, ` +
          `(select count(*) from "${spec.table}" where external_id in (select external_id from ${staged})) as existing`,
      ),
    );
    const columns = this.columns.map(({ name }) => `"${name}"`).join(', ');
    const changed = await rowsChangedBy(
      dialect,
      trx,
      `insert into "${spec.table}" (${columns}) select ${columns} from ${staged} where true ${this.onConflict(kept)}`,
    );
    await staging.clear();
    const rows = Number(counts!.staged);
    const existing = Number(counts!.existing);
    const inserted = rows - existing;
    const updated = changed - inserted;
    return { inserted, updated, unchanged: existing - updated };
  }

  /**
   * Upserts records with distinct ids. A stored row whose values all equal the new ones is left alone
   * (so its updated_at stays); which ids existed is counted first so that the rows changed split into
   * inserted, updated and unchanged exactly. A column a record leaves out (undefined: the file did not
   * have it) keeps its stored value.
   */
  async upsert(records: ValidRecord[], customerIds?: Map<string, number>): Promise<WriteCounts> {
    let existing = 0;
    let changed = 0;
    for (const [kept, group] of groupByLeftOut(records, this.spec.writtenColumns)) {
      const upserter = this.upserter(kept);
      for (const chunk of chunks(group, upserter.rowsPerStatement)) {
        const rows = chunk.map((record) => this.rowOf(record, customerIds));
        const counts = await upserter.run(rows);
        existing += counts.existing;
        changed += counts.changed;
      }
    }
    const inserted = records.length - existing;
    const updated = changed - inserted;
    return { inserted, updated, unchanged: existing - updated };
  }
}

/**
 * The written columns a record leaves out (undefined: its file did not have them), joined by commas: a
 * bulk load stages records with the same ones together.
 */
export function leftOutColumns(record: ValidRecord, columns: readonly string[]): string {
  let key = '';
  for (const column of columns) if (record[column] === undefined) key = key ? `${key},${column}` : column;
  return key;
}

/**
 * The records grouped by the columns they leave out, in order of first appearance. Allocates nothing per
 * record that has every column (the usual case): a million-row import pays one loop over its columns.
 */
function groupByLeftOut(records: ValidRecord[], columns: string[]): Map<string[], ValidRecord[]> {
  const groups = new Map<string, [string[], ValidRecord[]]>();
  for (const record of records) {
    const key = leftOutColumns(record, columns);
    const group = groups.get(key);
    if (group) group[1].push(record);
    else groups.set(key, [key ? key.split(',') : [], [record]]);
  }
  return new Map(groups.values());
}

/** Database column types of a table, from the entity metadata (so they always match the migrations). */
function columnTypes(em: EntityManager, table: string): Map<string, string> {
  const meta = Object.values(em.getMetadata().getAll()).find((entity) => entity.tableName === table);
  const types = new Map<string, string>();
  for (const property of Object.values(meta?.properties ?? {})) {
    property.fieldNames?.forEach((field, index) => types.set(field, property.columnTypes[index]!));
  }
  return types;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
