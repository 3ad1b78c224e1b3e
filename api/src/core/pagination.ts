/** Largest page a connection returns; bigger reads page through with `after`. */
export const MAX_PAGE_SIZE = 1_000;
export const DEFAULT_PAGE_SIZE = 50;

/** Properties of T holding a timestamp: what a fact connection is ordered by. */
export type TimeProperty<T> = { [K in keyof T]-?: T[K] extends Date ? K : never }[keyof T] & string;

/** Properties of T holding an integer (TypeScript cannot tell integers from numbers: the caller can). */
export type NumberProperty<T> = { [K in keyof T]-?: T[K] extends number ? K : never }[keyof T] & string;

/** A page asked for: how many rows, after which cursor. */
export interface PageRequest {
  first: number;
  after?: string | null;
}

/** A page of an incremental sync: only rows written at or after `updatedSince`. */
export interface SyncPageRequest extends PageRequest {
  updatedSince?: Date | null;
}

/** Where a page ends and whether another one follows. */
export interface PageEnd {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a connection query resolves to. */
export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageEnd;
  /** Counts every matching row; only called when a client selects totalCount. */
  countRows: () => Promise<number>;
}
