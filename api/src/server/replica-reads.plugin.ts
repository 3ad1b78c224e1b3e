import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { readFromReplica } from '../database/read-routing.js';
import type { GraphQLContext } from '../graphql/context.js';

/**
 * GraphQL queries read their aggregates and lists from a read replica (when CX_DATABASE_REPLICA_URLS
 * names some); mutations, and what they read back, stay on the primary.
 */
export function queriesReadFromReplicas(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === OperationTypeNode.QUERY) readFromReplica(contextValue.em);
          return Promise.resolve();
        },
      }),
  };
}
