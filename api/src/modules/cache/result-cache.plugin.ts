import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { OperationTypeNode } from 'graphql';
import { dialectOf } from '../../database/dialect.js';
import { readerKnex } from '../../database/read-routing.js';
import type { GraphQLContext } from '../../graphql/context.js';
import type { ServerMetrics } from '../ops/server-metrics.js';
import { isCacheableQuery } from './cacheable-operation.js';
import { bumpDataVersion, readDataVersion } from './data-version.js';

/**
 * Longest life of a cached answer. Changes of the data reach the cache at once (through the data
 * version); the TTL bounds what the clock alone changes within a UTC day (e.g. whether a window with an
 * explicit `to` still contains now) and how long unused answers hold memory.
 */
export const RESULT_TTL_SECONDS = 300;

/**
 * The result cache (store undefined: off) and what keeps it right. Apollo's response-cache plugin keys
 * an answer on the document, operation name and variables, plus here the viewer's role (personal data
 * is masked per role), the data version read on the request's reader connection (the replica its
 * resolvers read, so a lagging replica keys on its own older version) and the UTC day (relative
 * windows end with today); only cacheable queries (cacheable-operation.ts) without errors are stored.
 * Answers say `X-CX-Cache: hit|miss`, counted on /metrics. Mutations bump the data version whether the
 * cache is on or not: another process may cache.
 */
export function resultCachePlugins(
  store: KeyValueCache | undefined,
  metrics: ServerMetrics,
): ApolloServerPlugin<GraphQLContext>[] {
  if (!store) return [dataVersionAfterMutations()];
  const cacheable = ({ schema, document, operation }: GraphQLRequestContext<GraphQLContext>): boolean =>
    document !== undefined && operation !== undefined && isCacheableQuery(schema, document, operation);
  const cache = responseCachePlugin<GraphQLContext>({
    cache: store,
    extraCacheKeyData: async (request) =>
      cacheable(request)
        ? {
            role: request.contextValue.viewer.role,
            dataVersion: await readDataVersion(readerKnex(request.contextValue.em)),
            day: new Date().toISOString().slice(0, 10),
          }
        : null,
    shouldReadFromCache: (request) => Promise.resolve(cacheable(request)),
    shouldWriteToCache: (request) => Promise.resolve(cacheable(request)),
  });
  const outcome: ApolloServerPlugin<GraphQLContext> = {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse(request) {
          if (cacheable(request)) {
            const result = request.metrics.responseCacheHit ? 'hit' : 'miss';
            request.response.http.headers.set('x-cx-cache', result);
            metrics.resultCache.inc({ result });
          }
          return Promise.resolve();
        },
      }),
  };
  return [cache, outcome, dataVersionAfterMutations()];
}

/**
 * After any mutation (alert workflow, live-agent preferences, ingest…), a new data version on the
 * primary, before the answer leaves: the client's next query cannot meet an answer from before it.
 */
function dataVersionAfterMutations(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        async willSendResponse({ operation, contextValue: { em } }) {
          if (operation?.operation === OperationTypeNode.MUTATION)
            await bumpDataVersion(em.getKnex(), dialectOf(em));
        },
      }),
  };
}
