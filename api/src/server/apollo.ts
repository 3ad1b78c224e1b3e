import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';

/**
 * Apollo Server for the CX Pulse schema. Errors a client can act on (bad arguments, invalid queries)
 * reach it as they are; anything unexpected, such as a database failure, is logged in full and
 * answered with a generic INTERNAL_SERVER_ERROR, so no SQL, stack trace or internal detail leaks.
 */
export function createApollo(
  schema: GraphQLSchema,
  logger: FastifyBaseLogger,
  plugins: ApolloServerPlugin<GraphQLContext>[] = [],
): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema,
    logger,
    // Analysts explore the schema in the bundled GraphiQL and with their own tools.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The serve command owns the process signals and stops Apollo through fastify's onClose.
    stopOnTerminationSignals: false,
    plugins,
    formatError: (formatted, error) => {
      const original = unwrapResolverError(error);
      if (original instanceof GraphQLError && formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') {
        return formatted;
      }
      logger.error({ err: original, path: formatted.path }, 'GraphQL request failed unexpectedly');
      return internalError(formatted);
    },
  });
}

function internalError({ locations, path }: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message:
      'Internal server error: the request could not be completed. It has been logged; try again later.',
    ...(locations && { locations }),
    ...(path && { path }),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
