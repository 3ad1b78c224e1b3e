import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The policy of every answer that is not a page: JSON, CSV, NDJSON and metrics load nothing, run nothing
 * and may be framed by nobody (OWASP's advice for APIs).
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The headers every response of the API carries: no framing (clickjacking), no content sniffing, no
 * referrer leaving the API, and a Content-Security-Policy: `pagePolicy` for HTML (the GraphiQL page,
 * which allows exactly its own files and inline code by hash), API_CONTENT_SECURITY_POLICY otherwise.
 */
export function registerSecurityHeaders(app: FastifyInstance, pagePolicy: string): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    void reply.headers({
      'content-security-policy': html ? pagePolicy : API_CONTENT_SECURITY_POLICY,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    return payload;
  });
}

/** The CSP source of an inline element's text: `'sha256-…'`. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
