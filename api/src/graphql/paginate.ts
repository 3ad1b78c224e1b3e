import type { EntityClass, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { MAX_PAGE_SIZE, type Connection, type PageArgs } from './connection.js';
import { userInputError } from './user-input-error.js';

/** Properties of T holding a timestamp: what a fact connection is ordered by. */
export type TimeProperty<T> = { [K in keyof T]-?: T[K] extends Date ? K : never }[keyof T] & string;

/** What every paginated entity has: the internal id and the time of its last change. */
interface Paginated {
  id: number;
  updatedAt: Date;
}

/**
 * One page of `entity` rows matching `where`, by keyset pagination: rows are ordered by `time`, then by
 * the internal id (unique, so the order is total and rows sharing a timestamp are never skipped or
 * repeated), or by the id alone without `time`. With `updatedSince` (incremental sync) the order is
 * updatedAt then id, from that instant on. The cursor carries the last row's sort key, so the next
 * page is a range seek on the index, never an OFFSET that rescans earlier rows.
 */
export async function paginate<T extends Paginated>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  page: PageArgs,
  time?: TimeProperty<T>,
): Promise<Connection<T>> {
  const first = pageSize(page.first);
  const sync = page.updatedSince != null;
  const order = sync ? ('updatedAt' as TimeProperty<T>) : time;
  const cursors = sync ? syncCursors(entity.name) : new CursorCodec(entity.name, time !== undefined);
  const after = page.after == null ? undefined : cursors.decode(page.after, 'after');
  const matching = (
    sync ? { $and: [where, { updatedAt: { $gte: page.updatedSince } }] } : where
  ) as FilterQuery<T>;
  const orderBy = (order ? { [order]: 'asc', id: 'asc' } : { id: 'asc' }) as FindOptions<T>['orderBy'];
  const rows = await em.find(
    entity,
    { $and: [matching, after ? seek(after, order) : {}] } as FilterQuery<T>,
    {
      orderBy,
      limit: first + 1,
    },
  );
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({
    cursor: cursors.encode({ id: node.id, time: order ? (node[order] as Date).getTime() : undefined }),
    node,
  }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    countRows: () => em.count(entity, matching),
  };
}

function pageSize(first: number): number {
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
  /** Epoch milliseconds of the sort timestamp; absent for connections ordered by id alone. */
  time?: number | undefined;
}

/** Rows strictly after `position`: the range condition comes first so that an index on the time column serves it. */
function seek<T>(position: Position, time: TimeProperty<T> | undefined): object {
  if (!time) return { id: { $gt: position.id } };
  const at = new Date(position.time!);
  return { [time]: { $gte: at }, $or: [{ [time]: { $gt: at } }, { id: { $gt: position.id } }] };
}

/**
 * Cursors of incremental sync, ordered by updatedAt then id: the same for a GraphQL connection and
 * the CSV/NDJSON export of one entity, so a sync may switch between them.
 */
export function syncCursors(entityName: string): CursorCodec {
  return new CursorCodec(`${entityName}.updatedAt`, true);
}

/**
 * Cursors are base64url JSON `[connection, time?, id]`. They are opaque to clients; naming the
 * connection lets a cursor pasted into the wrong query be refused instead of silently misread.
 */
export class CursorCodec {
  constructor(
    private readonly connection: string,
    private readonly timed: boolean,
  ) {}

  encode({ id, time }: Position): string {
    const key = this.timed ? [this.connection, time, id] : [this.connection, id];
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
    const valid = values.length === (this.timed ? 2 : 1) && values.every((v) => Number.isSafeInteger(v));
    if (!valid) {
      throw userInputError(
        argument,
        cursor,
        'a cursor from pageInfo.endCursor or edges.cursor of this same query, or X-Next-Cursor of the same ' +
          'export (cursors are opaque; do not build them)',
      );
    }
    const [first, second] = values as number[];
    return this.timed ? { time: first, id: second! } : { id: first! };
  }
}
