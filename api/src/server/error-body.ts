import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { isDatabaseBusy } from '../database/sqlite-busy.js';

export const INTERNAL_ERROR_MESSAGE =
  'Internal server error: the request could not be completed. It has been logged; try again later.';

export const DATABASE_BUSY_MESSAGE =
  'The database is busy with another write (an import in progress?): nothing was changed. Retry in a few seconds.';

/** An HTTP failure a client can act on (e.g. a rate limit), answered with its status, code and message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Errors raised outside GraphQL execution (body too large, rate limit, a database failure while checking
 * a credential): client errors keep their message and code; anything else is logged with the request id
 * and answered with a generic 500, never its message, which may quote SQL.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Another process (an import) held SQLite's write lock for the whole wait: worth a retry, not a 500.
    if (isDatabaseBusy(error)) {
      return reply
        .code(503)
        .header('retry-after', '2')
        .send(errorBody(request, 'DATABASE_BUSY', DATABASE_BUSY_MESSAGE));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      return reply.code(status).send(errorBody(request, error.code ?? 'BAD_REQUEST', error.message));
    }
    request.log.error({ err: error }, 'request failed unexpectedly');
    return reply.code(500).send(errorBody(request, 'INTERNAL_SERVER_ERROR', INTERNAL_ERROR_MESSAGE));
  });
}

/**
 * The body of an error answered outside GraphQL execution: a GraphQL response with one error at /graphql,
 * so clients parse it like any other, and `{"error": …}` (as /auth answers) elsewhere.
 */
function errorBody(request: FastifyRequest, code: string, message: string): object {
  return request.url.startsWith('/graphql')
    ? { errors: [{ message, extensions: { code } }] }
    : { error: { code, message } };
}
