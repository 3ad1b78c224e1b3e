import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { FreshReads } from '../../database/fresh-reads.js';
import type { Orm } from '../../database/orm.js';
import { HttpError } from '../../server/error-body.js';
import { authenticate } from './authenticate.js';
import { onCredentialsChanged } from './credentials-signal.js';
import type { Viewer } from './viewer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; null without a valid credential. Set before rate limits and handlers run. */
    viewer: Viewer | null;
  }
}

/** The dashboard's session cookie, for browsers that talk to the API directly. */
export const SESSION_COOKIE = 'cx_session';

/**
 * How long a credential's lookup answers the requests that carry it: a revoked key, a disabled user or
 * an ended session is refused from the next request on in the process that made the change, and
 * within this bound in every other API process.
 */
export const CREDENTIAL_REUSE_MS = 1_000;

/**
 * Resolves the credential of every request (a bearer token, else the session cookie) to a viewer before
 * anything else runs, so that rate limits count per key or user and handlers only read `request.viewer`.
 * Requests with the same token share one lookup for CREDENTIAL_REUSE_MS (fresh-reads.ts) instead of
 * each reading the key or session again. Needs @fastify/cookie registered first.
 */
export function registerAuthentication(app: FastifyInstance, orm: Orm): void {
  const viewers = new FreshReads((token: string) => authenticate(orm.em.fork(), token), CREDENTIAL_REUSE_MS);
  const unsubscribe = onCredentialsChanged(() => viewers.forget());
  app.addHook('onClose', (_app, done) => {
    unsubscribe();
    done();
  });
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    const token = credentialOf(request);
    request.viewer = token ? await viewers.read(token) : null;
  });
}

/** The largest body a request without a valid credential may send: a login is two short strings. */
export const ANONYMOUS_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Refuses a body larger than ANONYMOUS_BODY_LIMIT_BYTES from a request without a valid credential with
 * 401 before reading it: a declared Content-Length is refused before the first byte is read (and the
 * connection closed, so the rest is never read either); a chunked body is cut off once it passes the
 * limit. Only authenticated requests may send the 16 MiB of an ingest batch. Registered after
 * registerAuthentication.
 */
export function refuseAnonymousBodies(app: FastifyInstance): void {
  const refusal = () =>
    new HttpError(
      401,
      'UNAUTHENTICATED',
      `${UNAUTHENTICATED_MESSAGE} Without one a request body may hold at most ${ANONYMOUS_BODY_LIMIT_BYTES / 1024} KiB.`,
    );
  app.addHook('onRequest', async (request, reply) => {
    if (request.viewer) return;
    if (Number(request.headers['content-length'] ?? 0) > ANONYMOUS_BODY_LIMIT_BYTES) {
      void reply.header('www-authenticate', BEARER_CHALLENGE).header('connection', 'close');
      throw refusal();
    }
  });
  app.addHook('preParsing', async (request, reply, payload) => {
    // A declared length was checked on request; only a chunked body can grow past the limit unannounced.
    if (request.viewer || request.headers['transfer-encoding'] === undefined) return payload;
    let received = 0;
    const limited = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received <= ANONYMOUS_BODY_LIMIT_BYTES) return done(null, chunk);
        void reply.header('www-authenticate', BEARER_CHALLENGE).header('connection', 'close');
        done(refusal());
      },
    });
    // The body parser reports the error; a route that stopped reading earlier (its own limit) does not.
    limited.on('error', () => undefined);
    return payload.pipe(limited);
  });
}

/** The token a request carries: `Authorization: Bearer …` wins over the cookie. */
export function credentialOf(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return bearer ?? request.cookies[SESSION_COOKIE];
}

/** The challenge of a 401: what kind of credential to send. */
export const BEARER_CHALLENGE = 'Bearer realm="CX Pulse"';

export const UNAUTHENTICATED_MESSAGE =
  'Authentication required: send "Authorization: Bearer <API key or session token>" (see POST /auth/login).';

/** The viewer of a GraphQL request, or the UNAUTHENTICATED error answered with HTTP 401. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (request.viewer) return request.viewer;
  throw new GraphQLError(UNAUTHENTICATED_MESSAGE, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new Map([['www-authenticate', BEARER_CHALLENGE]]) },
    },
  });
}
