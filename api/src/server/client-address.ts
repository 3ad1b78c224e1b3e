import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The address of the person behind the request: the browser's address as the dashboard saw it,
     * when the dashboard's server vouches for it with the shared secret; else the peer (request.ip).
     */
    clientAddress: string;
  }
}

/** The browser's address, sent by the dashboard's server on the calls it makes for a browser. */
export const CLIENT_ADDRESS_HEADER = 'x-cx-client-address';
/** The secret shared by the dashboard and the API (CX_CLIENT_ADDRESS_SECRET) that vouches for it. */
export const CLIENT_ADDRESS_SECRET_HEADER = 'x-cx-client-address-secret';

/**
 * Sets request.clientAddress before rate limits and handlers run. The dashboard signs everyone in from
 * its own server: without the forwarded address every user would share that server's address, and its
 * limits. A forwarded address without the right secret (or without a secret configured) is ignored.
 */
export function registerClientAddress(app: FastifyInstance, secret: string | undefined): void {
  const expected = secret ? digest(secret) : undefined;
  app.decorateRequest('clientAddress', '');
  app.addHook('onRequest', (request, _reply, done) => {
    const forwarded = request.headers[CLIENT_ADDRESS_HEADER];
    const given = request.headers[CLIENT_ADDRESS_SECRET_HEADER];
    const vouched =
      expected !== undefined &&
      typeof given === 'string' &&
      typeof forwarded === 'string' &&
      isIP(forwarded) !== 0 &&
      timingSafeEqual(digest(given), expected);
    request.clientAddress = vouched ? forwarded : request.ip;
    done();
  });
}

/** Compared as digests: equal lengths for timingSafeEqual whatever was sent. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
