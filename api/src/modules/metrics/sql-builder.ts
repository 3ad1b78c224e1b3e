import type { EntityManager, Knex } from '@mikro-orm/knex';
import { dialectOf, selectRows, toDbValue, type Dialect } from '../../database/dialect.js';
import { readerKnex } from '../../database/read-routing.js';
import { Dimension } from './dimension.js';
import type { MetricFilter } from './dto/metric-filter.input.js';

/** The filter list that restricts each dimension. */
export const FILTER_OF_DIMENSION = {
  [Dimension.CHANNEL]: 'channels',
  [Dimension.GENERATION]: 'generations',
  [Dimension.REGION]: 'regions',
  [Dimension.TIER]: 'tiers',
  [Dimension.REASON]: 'reasons',
  [Dimension.ENTRY]: 'entries',
  [Dimension.AGENT]: 'agents',
  [Dimension.TEAM]: 'teams',
  [Dimension.QUEUE]: 'queues',
} as const satisfies Record<Dimension, keyof MetricFilter>;

/** The columns of the customer dimensions, on the customers table aliased `c`. */
export const CUSTOMER_COLUMNS: Partial<Record<Dimension, string>> = {
  [Dimension.GENERATION]: 'c.generation',
  [Dimension.REGION]: 'c.region',
  [Dimension.TIER]: 'c.tier',
};

/** Composes SQL from fragments, each with its own bindings, in the order they appear. */
export class SqlBuilder {
  readonly dialect: Dialect;
  readonly knex: Knex;

  /**
   * `knex` is the connection to run on: a transaction's, when the SQL must see its uncommitted rows; by
   * default the request's reader (a replica for GraphQL queries, when there are replicas).
   */
  constructor(em: EntityManager, knex: Knex = readerKnex(em)) {
    this.dialect = dialectOf(em);
    this.knex = knex;
  }

  raw(sql: string, values: unknown[] = []): Knex.Raw {
    return this.knex.raw(
      sql,
      values.map((value) => toDbValue(this.dialect, value) as Knex.RawBinding),
    );
  }

  /** `fragments` joined by `separator`; `empty` when there are none. */
  join(fragments: Knex.Raw[], separator: string, empty = ''): Knex.Raw {
    if (fragments.length === 0) return this.raw(empty);
    return this.knex.raw(fragments.map(() => '?').join(separator), fragments);
  }

  /** The conditions joined with `and`; true when there are none. */
  and(conditions: Knex.Raw[]): Knex.Raw {
    return this.join(conditions, ' and ', '1 = 1');
  }

  /** `column in (…)`; an empty list matches nothing. */
  oneOf(column: string, values: readonly unknown[]): Knex.Raw {
    if (values.length === 0) return this.raw('1 = 0');
    return this.raw(`${column} in (${values.map(() => '?').join(', ')})`, [...values]);
  }

  window(time: string, filter: MetricFilter): Knex.Raw[] {
    const conditions: Knex.Raw[] = [];
    if (filter.from) conditions.push(this.raw(`${time} >= ?`, [filter.from]));
    if (filter.to) conditions.push(this.raw(`${time} < ?`, [filter.to]));
    return conditions;
  }

  /** Conditions of the filter's dimension lists, over the given dimension columns. */
  dimensionFilters(columns: Partial<Record<Dimension, string>>, filter: MetricFilter): Knex.Raw[] {
    return Object.entries(columns).flatMap(([dimension, column]) => {
      const values = filter[FILTER_OF_DIMENSION[dimension as Dimension]];
      return values == null ? [] : [this.oneOf(column, values)];
    });
  }

  rows(sql: Knex.Raw): Promise<Record<string, unknown>[]> {
    return selectRows(this.dialect, sql);
  }
}
