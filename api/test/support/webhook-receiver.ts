import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** Base URL, e.g. http://127.0.0.1:41234 (any path is accepted). */
  url: string;
  requests: ReceivedRequest[];
  /** Requests received on `path`, their bodies parsed. */
  received(path: string): (ReceivedRequest & { json: any })[];
  /** Waits until `count` requests arrived on `path` (fails after 20 s). */
  waitFor(path: string, count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A webhook endpoint on loopback (real HTTP): records every request and answers the status `answer`
 * gives for it (n counts the requests on its path, from 1).
 */
export async function startWebhookReceiver(
  answer: (path: string, n: number) => number = () => 200,
): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      requests.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = answer(path, requests.filter((r) => r.path === path).length);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const received = (path: string) =>
    requests.filter((r) => r.path === path).map((r) => ({ ...r, json: JSON.parse(r.body) }));
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    received,
    waitFor: (path, count) =>
      vi.waitFor(
        () => {
          if (received(path).length < count)
            throw new Error(`${received(path).length} of ${count} on ${path}`);
        },
        { timeout: 20_000, interval: 20 },
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver does with X-CX-Signature: recompute the HMAC and compare in constant time, checking the age. */
export function verifySignature(secret: string, request: ReceivedRequest, maxAgeSeconds = 300): boolean {
  const header = String(request.headers['x-cx-signature'] ?? '');
  const { t, v1 } = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  if (!t || !v1 || Math.abs(Date.now() / 1000 - Number(t)) > maxAgeSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${request.body}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
