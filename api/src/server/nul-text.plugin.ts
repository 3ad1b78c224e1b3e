import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import { perDocument } from '../graphql/per-document.js';

/**
 * Refuses text holding the NUL character (U+0000), in variables or in the query, before anything runs.
 * PostgreSQL text cannot store or compare it (the driver fails, which would surface as an internal
 * error) while SQLite can: refusing it everywhere gives a clear error and the same answer on both.
 * The ingest validation refuses it in imported cells for the same reason.
 */
export function refuseNulText(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document }) {
          const variable = Object.entries(request.variables ?? {}).find(([, value]) => holdsNul(value));
          if (variable || literalHoldsNul(document)) {
            throw new GraphQLError(
              `${variable ? `$${variable[0]}` : 'a string in the query'}: got text with a NUL character (U+0000), expected text without it`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

const literalHoldsNul = perDocument((document: DocumentNode): boolean => {
  let found = false;
  visit(document, {
    StringValue(node) {
      found = node.value.includes('\0');
      return found ? BREAK : undefined;
    },
  });
  return found;
});
