import type { EntityClass, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { readerConnectionType } from './read-routing.js';
import {
  MAX_PAGE_SIZE,
  type Connection,
  type NumberProperty,
  type PageRequest,
  type TimeProperty,
} from '../core/pagination.js';

export type { TimeProperty };
import { userInputError } from '../core/errors.js';

/**
 * What a connection is ordered by before the internal id: a timestamp, oldest first, or an integer
 * property in either direction (e.g. a score, highest first).
 */
export type KeysetOrder<T> = TimeProperty<T> | { integer: NumberProperty<T>; descending: boolean };

/** A keyset order resolved: the property, its direction, and how its values travel in a cursor. */
interface SortKey {
  property: string;
  descending: boolean;
  toCursor: (value: unknown) => number;
  fromCursor: (value: number) => unknown;
  /** Distinguishes cursors of different orders of the same entity. */
  name: string;
}

function sortKeyOf<T>(order: KeysetOrder<T>): SortKey {
  if (typeof order === 'string') {
    return {
      property: order,
      descending: false,
      toCursor: (value) => (value as Date).getTime(),
      fromCursor: (value) => new Date(value),
      name: '',
    };
  }
  return {
    property: order.integer,
    descending: order.descending,
    toCursor: (value) => value as number,
    fromCursor: (value) => value,
    name: `.${order.integer}.${order.descending ? 'desc' : 'asc'}`,
  };
}

/**
 * One page of `entity` rows matching `where`, by keyset pagination: rows are ordered by `order` (a
 * timestamp or an integer), then by the internal id (unique, so the order is total and rows sharing a
 * value are never skipped or repeated), or by the id alone without `order`. With `updatedSince` (incremental
 * sync, for entities with an updatedAt) the order is updatedAt then id, from that instant on. The cursor
 * carries the last row's sort key, so the next page is a range seek on the index, never an OFFSET that
 * rescans earlier rows.
 */
export async function paginate<T extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  page: PageRequest & { updatedSince?: Date | null },
  order?: KeysetOrder<T>,
): Promise<Connection<T>> {
  const first = pageSize(page.first);
  const sync = page.updatedSince != null;
  const key = sync
    ? sortKeyOf<T>('updatedAt' as TimeProperty<T>)
    : order === undefined
      ? undefined
      : sortKeyOf(order);
  const cursors = sync
    ? syncCursors(entity.name)
    : new CursorCodec(`${entity.name}${key?.name ?? ''}`, key !== undefined);
  const after = page.after == null ? undefined : cursors.decode(page.after, 'after');
  const matching = (
    sync ? { $and: [where, { updatedAt: { $gte: page.updatedSince } }] } : where
  ) as FilterQuery<T>;
  const orderBy = (
    key ? { [key.property]: key.descending ? 'desc' : 'asc', id: 'asc' } : { id: 'asc' }
  ) as FindOptions<T>['orderBy'];
  const rows = await em.find(entity, { $and: [matching, after ? seek(after, key) : {}] } as FilterQuery<T>, {
    orderBy,
    limit: first + 1,
    connectionType: readerConnectionType(em),
  });
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({
    cursor: cursors.encode({
      id: node.id,
      value: key ? key.toCursor(node[key.property as keyof T]) : undefined,
    }),
    node,
  }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    countRows: () => em.count(entity, matching, { connectionType: readerConnectionType(em) }),
  };
}

export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw userInputError(
      'first',
      first,
      `a page size from 0 to ${MAX_PAGE_SIZE} (at most ${MAX_PAGE_SIZE} rows per page; page on with after)`,
    );
  }
  return first;
}

/** A row's place in a keyset order. */
export interface Position {
  id: number;
  /** The sort value (epoch milliseconds of a timestamp); absent for connections ordered by id alone. */
  value?: number | undefined;
}

/** Rows strictly after `position`: the range condition comes first so that an index on the sort column serves it. */
function seek(position: Position, key: SortKey | undefined): object {
  if (!key) return { id: { $gt: position.id } };
  const at = key.fromCursor(position.value!);
  const [orEqual, strictly] = key.descending ? ['$lte', '$lt'] : ['$gte', '$gt'];
  return {
    [key.property]: { [orEqual]: at },
    $or: [{ [key.property]: { [strictly]: at } }, { id: { $gt: position.id } }],
  };
}

/**
 * Cursors of incremental sync, ordered by updatedAt then id: the same for a GraphQL connection and
 * the CSV/NDJSON export of one entity, so a sync may switch between them.
 */
export function syncCursors(entityName: string): CursorCodec {
  return new CursorCodec(`${entityName}.updatedAt`, true);
}

/**
 * Cursors are base64url JSON `[connection, value?, id]`. They are opaque to clients; naming the
 * connection lets a cursor pasted into the wrong query be refused instead of silently misread.
 */
export class CursorCodec {
  constructor(
    private readonly connection: string,
    private readonly sorted: boolean,
  ) {}

  encode({ id, value }: Position): string {
    const key = this.sorted ? [this.connection, value, id] : [this.connection, id];
    return Buffer.from(JSON.stringify(key)).toString('base64url');
  }

  /** `argument` names where the cursor came from, for the error. */
  decode(cursor: string, argument: string): Position {
    let key: unknown;
    try {
      key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      key = undefined;
    }
    const values: unknown[] = Array.isArray(key) && key[0] === this.connection ? key.slice(1) : [];
    const valid = values.length === (this.sorted ? 2 : 1) && values.every((v) => Number.isSafeInteger(v));
    if (!valid) {
      throw userInputError(
        argument,
        cursor,
        'a cursor from pageInfo.endCursor or edges.cursor of this same query, or X-Next-Cursor of the same ' +
          'export (cursors are opaque; do not build them)',
      );
    }
    const [first, second] = values as number[];
    return this.sorted ? { value: first, id: second! } : { id: first! };
  }
}
