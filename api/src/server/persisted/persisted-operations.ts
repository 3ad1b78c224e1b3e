import { createHash } from 'node:crypto';
import type { PersistedQueryOptions } from '@apollo/server';
import { loadNamedOperations } from '../../graphql/named-operations.js';

type PersistedQueryCache = NonNullable<PersistedQueryOptions['cache']>;

/** A named operation of schema/operations as a persisted query: clients send its hash instead of its text. */
export interface PersistedOperation {
  name: string;
  /** Hex SHA-256 of the document, the `sha256Hash` of Apollo's persisted-query protocol. */
  sha256Hash: string;
  document: string;
}

/** The manifest, built from schema/operations at start-up, so it can never disagree with the files. */
export function persistedOperations(): PersistedOperation[] {
  return loadNamedOperations().map(({ name, document }) => ({
    name,
    sha256Hash: createHash('sha256').update(document).digest('hex'),
    document,
  }));
}

/**
 * Apollo keys its persisted-query cache `apq:<hash>` (APQ_CACHE_PREFIX in its request pipeline; the
 * persisted-operations test fails if that changes).
 */
const APQ_KEY_PREFIX = 'apq:';

/** Operations other clients register with automatic persisted queries: bounded so they cannot fill memory. */
const MAX_REGISTERED = 1_000;

/**
 * Apollo's persisted-query store: the manifest's operations, always there (a cache miss would make a
 * dashboard's first GET fail with PERSISTED_QUERY_NOT_FOUND), and below them the operations clients
 * register themselves, oldest dropped first.
 */
export class PersistedQueryStore implements PersistedQueryCache {
  private readonly manifest: ReadonlyMap<string, string>;
  private readonly registered = new Map<string, string>();

  constructor(operations: PersistedOperation[]) {
    this.manifest = new Map(
      operations.map((operation) => [APQ_KEY_PREFIX + operation.sha256Hash, operation.document]),
    );
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.manifest.get(key) ?? this.registered.get(key));
  }

  set(key: string, document: string): Promise<void> {
    if (!this.manifest.has(key)) {
      this.registered.delete(key);
      this.registered.set(key, document);
      const oldest = this.registered.keys().next();
      if (this.registered.size > MAX_REGISTERED && !oldest.done) this.registered.delete(oldest.value);
    }
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.registered.delete(key));
  }
}
