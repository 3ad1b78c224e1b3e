import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's own request id may look like; anything else (too long, control characters) is replaced. */
const CALLER_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * fastify's genReqId: the caller's X-Request-Id when it is a plain token (so a trace spans a proxy and
 * CX Pulse), else a new UUID. fastify puts it in every log line of the request as `reqId`.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Echoes the request id on every response, so a client can quote it when reporting a problem. */
export function echoRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
}
