import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Connection,
  type Edge,
  type PageEnd,
  type PageRequest,
  type SyncPageRequest,
} from '../core/pagination.js';
import { DateTimeScalar } from './scalars.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Connection, type Edge };
/**
 * Rows of a list nested in another row (a customer's survey responses, contacts, sessions, timeline,
 * alerts) when `last` is not given: bounded like a page, so that a page of customers cannot pull whole
 * histories, and small enough that a default page of 50 customers with two such lists stays within the
 * query cost limit.
 */
export const DEFAULT_NESTED_LIST_SIZE = 20;

@ArgsType()
export class PageArgs implements PageRequest {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `Rows on this page, 0 to ${MAX_PAGE_SIZE.toLocaleString('en')}. Use 0 to ask for totalCount alone.`,
  })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Return the rows after this cursor: pageInfo.endCursor (or an edge cursor) of the previous page of the ' +
      'same query. Omit for the first page.',
  })
  after?: string | null;
}

/** Paging of the record connections, which BI tools also pull incrementally. */
@ArgsType()
export class SyncPageArgs extends PageArgs implements SyncPageRequest {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Incremental sync: only rows inserted or changed (updatedAt) at or after this instant, ordered by ' +
      'updatedAt then id instead of the usual order, so that rows sharing a timestamp are never skipped. ' +
      'Store pageInfo.endCursor of the last non-empty page and pass it as after (with the same updatedSince) ' +
      'to resume; cursors of /export/* (X-Next-Cursor) work here too.',
  })
  updatedSince?: Date | null;
}

@ObjectType({ description: 'Where a page ends and whether another one follows.' })
export class PageInfo implements PageEnd {
  @Field(() => Boolean, {
    description: 'True when more rows follow: ask again with after set to endCursor.',
  })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last row on this page, to pass as after; null when the page is empty.',
  })
  endCursor!: string | null;
}

/**
 * The Relay-style connection and edge object types for one node type, e.g. `ContactConnection` and
 * `ContactEdge` for `Contact`. `rows` names what is counted, for the descriptions ("contacts").
 */
export function connectionType<T extends object>(
  nodeType: ClassType<T>,
  rows: string,
): ClassType<Connection<T>> {
  @ObjectType(`${nodeType.name}Edge`, { description: `One of the ${rows} on a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, {
      description: 'Opaque position of this row; pass it as after to continue behind it.',
    })
    cursor!: string;

    @Field(() => nodeType, { description: 'The row itself.' })
    node!: T;
  }

  @ObjectType(`${nodeType.name}Connection`, {
    description: `One page of ${rows} matching the arguments, in a stable order, with a cursor to the next page.`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], { description: `The ${rows} on this page, each with its cursor.` })
    edges!: Edge<T>[];

    @Field(() => [nodeType], { description: `The ${rows} on this page (edges without the cursors).` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more rows follow and the cursor to ask for them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description: `Number of ${rows} matching the filter over all pages (one extra COUNT query, run only when selected).`,
    })
    totalCount(this: Connection<T>): Promise<number> {
      return this.countRows();
    }

    countRows!: () => Promise<number>;
  }
  return ConnectionType;
}
