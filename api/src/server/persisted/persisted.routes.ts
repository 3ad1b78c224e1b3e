import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GraphQLContext } from '../../graphql/context.js';
import { HttpError } from '../error-body.js';
import type { PersistedOperation } from './persisted-operations.js';

interface PersistedRoute {
  Params: { name: string };
  Querystring: { variables?: string };
}

/**
 * GET /graphql/persisted (the manifest: each operation's name and hash) and
 * GET /graphql/persisted/<Name>?variables=<JSON>, which runs the named operation as Apollo's persisted
 * query over GET: the same pipeline, limits, CSRF check, metrics and Cache-Control/ETag as
 * `/graphql?extensions={"persistedQuery":…}`, with a URL a BI tool's "From Web" dialog can hold.
 */
export function persistedRoutesPlugin(
  apollo: ApolloServer<GraphQLContext>,
  operations: PersistedOperation[],
  context: (request: FastifyRequest) => Promise<GraphQLContext>,
) {
  const manifest = operations.map(({ name, sha256Hash }) => ({ name, sha256Hash }));
  const byName = new Map(operations.map((operation) => [operation.name, operation]));
  return (app: FastifyInstance): Promise<void> => {
    app.get('/graphql/persisted', (_request, reply) => reply.send({ operations: manifest }));
    app.get<PersistedRoute>('/graphql/persisted/:name', async (request, reply) => {
      const operation = byName.get(request.params.name);
      if (!operation) {
        throw new HttpError(
          404,
          'PERSISTED_QUERY_NOT_FOUND',
          `No persisted operation named "${request.params.name}".`,
        );
      }
      const search = new URLSearchParams({
        operationName: operation.name,
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operation.sha256Hash } }),
      });
      if (request.query.variables !== undefined) search.set('variables', request.query.variables);
      const { status, headers, body } = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'GET',
          headers: graphqlHeaders(request),
          search: `?${search.toString()}`,
          body: undefined,
        },
        context: () => context(request),
      });
      // The named operations use no @defer or @stream, so their answers are never incremental.
      if (body.kind !== 'complete')
        throw new Error(`Persisted operation ${operation.name} answered incrementally`);
      for (const [name, value] of headers) void reply.header(name, value);
      return reply.code(status ?? 200).send(body.string);
    });
    return Promise.resolve();
  };
}

/** The request's headers for Apollo, asking for JSON: a browser's `Accept: text/html` would get GraphiQL. */
function graphqlHeaders(request: FastifyRequest): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set('accept', 'application/json');
  return headers;
}
