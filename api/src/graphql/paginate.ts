import type { EntityClass, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { MAX_PAGE_SIZE, type Connection, type PageArgs } from './connection.js';
import { userInputError } from './user-input-error.js';

/** Properties of T holding a timestamp: what a fact connection is ordered by. */
export type TimeProperty<T> = { [K in keyof T]-?: T[K] extends Date ? K : never }[keyof T] & string;

/**
 * One page of `entity` rows matching `where`, by keyset pagination: rows are ordered by `time`, then by
 * the internal id (unique, so the order is total and rows sharing a timestamp are never skipped or
 * repeated), or by the id alone without `time`. The cursor carries the last row's sort key, so the next
 * page is a range seek on the index, never an OFFSET that rescans earlier rows.
 */
export async function paginate<T extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  page: PageArgs,
  time?: TimeProperty<T>,
): Promise<Connection<T>> {
  const first = pageSize(page.first);
  const cursors = new CursorCodec(entity.name, time !== undefined);
  const after = page.after == null ? undefined : cursors.decode(page.after);
  const orderBy = (time ? { [time]: 'asc', id: 'asc' } : { id: 'asc' }) as FindOptions<T>['orderBy'];
  const rows = await em.find(entity, { $and: [where, after ? seek(after, time) : {}] } as FilterQuery<T>, {
    orderBy,
    limit: first + 1,
  });
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({
    cursor: cursors.encode({ id: node.id, time: time ? (node[time] as Date).getTime() : undefined }),
    node,
  }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    countRows: () => em.count(entity, where),
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

interface Position {
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
 * Cursors are base64url JSON `[connection, time?, id]`. They are opaque to clients; naming the
 * connection lets a cursor pasted into the wrong query be refused instead of silently misread.
 */
class CursorCodec {
  constructor(
    private readonly connection: string,
    private readonly timed: boolean,
  ) {}

  encode({ id, time }: Position): string {
    const key = this.timed ? [this.connection, time, id] : [this.connection, id];
    return Buffer.from(JSON.stringify(key)).toString('base64url');
  }

  decode(cursor: string): Position {
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
        'after',
        cursor,
        'a cursor from pageInfo.endCursor or edges.cursor of this same query (cursors are opaque; do not build them)',
      );
    }
    const [first, second] = values as number[];
    return this.timed ? { time: first, id: second! } : { id: first! };
  }
}
