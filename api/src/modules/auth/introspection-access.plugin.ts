import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { SCHEMA_READERS } from './access-policy.js';
import { perDocument } from '../../graphql/per-document.js';

/**
 * Introspection (`__schema`, `__type`) only for the roles the access policy lets read the schema; the
 * others get FORBIDDEN before anything runs. `__typename` stays open: clients need it for every union.
 */
export function introspectionAccess(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, contextValue }) {
          if (!SCHEMA_READERS.includes(contextValue.viewer.role) && introspects(document)) {
            throw new GraphQLError(
              `Your role (${contextValue.viewer.role.toUpperCase()}) may not introspect the schema; it is published as schema/schema.graphql.`,
              { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}

const introspects = perDocument((document: DocumentNode): boolean => {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
});
