import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPagesAtRate, type PageLoad } from '../bench/page-loads.js';

/** When each request arrived and which operation it carried, as the server saw them. */
interface Arrival {
  at: number;
  operation: string;
}

const PAGES: PageLoad[] = [
  {
    page: '/',
    calls: [
      { operation: 'Overview', variables: {} },
      { operation: 'AlertCounts', variables: {} },
    ],
  },
  { page: '/risk', calls: [{ operation: 'ChurnRisk', variables: {} }] },
];

describe("the benchmark's live page loads", () => {
  let server: Server;
  let url: string;
  const arrivals: Arrival[] = [];

  beforeAll(async () => {
    // Answers after 30 ms, longer than the gap between page loads: an open loop does not wait for it.
    // ChurnRisk answers with a GraphQL error, which must be counted. Overview says the result cache
    // answered it stale, AlertCounts says nothing (as an uncached operation).
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const operation = /query (\w+)/.exec((JSON.parse(body) as { query: string }).query)?.[1] ?? '?';
        arrivals.push({ at: performance.now(), operation });
        setTimeout(() => {
          response.setHeader('content-type', 'application/json');
          if (operation === 'Overview') response.setHeader('x-cx-cache', 'stale');
          if (operation === 'ChurnRisk') response.setHeader('x-cx-cache', 'miss');
          response.end(
            JSON.stringify(
              operation === 'ChurnRisk'
                ? { data: null, errors: [{ message: 'no' }] }
                : { data: { ok: true } },
            ),
          );
        }, 30);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    // fetch loads its HTTP client on first use: done here, so that the first page loads are not held back.
    await fetch(url, { method: 'POST', body: JSON.stringify({ query: 'query Warm { ok }' }) });
    arrivals.length = 0;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('starts page loads at a constant rate, each page at once, and counts error answers', async () => {
    const started = performance.now();
    const result = await openPagesAtRate(url, 'token', PAGES, { pagesPerSecond: 50, seconds: 0.4 });

    // 20 page loads, alternating between the two pages: 10 × 2 + 10 × 1 requests, ChurnRisk's 10 failing.
    expect(result.requests).toBe(30);
    const sent = new Map<string, number>();
    for (const { operation } of arrivals) sent.set(operation, (sent.get(operation) ?? 0) + 1);
    expect(Object.fromEntries(sent)).toEqual({ Overview: 10, AlertCounts: 10, ChurnRisk: 10 });
    expect(result.errors).toBe(10);
    expect(result.clients).toBeNull();
    // Open loop: page loads 20 ms apart while each answer takes 30 ms, so requests overlap.
    expect(result.maxInFlight).toBeGreaterThan(2);
    // Spread over the run, not sent in bursts: no request arrives before its page load's time (page load i
    // at i × 20 ms; a busy machine may only make them late). Sorted arrivals against sorted due times: if
    // each request comes after its own due time, the k-th earliest comes after the k-th earliest due time.
    const due = Array.from({ length: 20 }, (_, load) => PAGES[load % 2]!.calls.map(() => started + load * 20))
      .flat()
      .sort((a, b) => a - b);
    const arrived = arrivals.map(({ at }) => at).sort((a, b) => a - b);
    expect(arrived.filter((at, k) => at < due[k]! - 1)).toEqual([]);
    expect(result.latency.p50).toBeGreaterThanOrEqual(30);
    // Latency by the cache's answer, as the X-CX-Cache header said.
    const runs = Object.fromEntries(
      Object.entries(result.byCacheOutcome ?? {}).map(([outcome, { runs, p50 }]) => {
        expect(p50).toBeGreaterThanOrEqual(30);
        return [outcome, runs];
      }),
    );
    expect(runs).toEqual({ stale: 10, none: 10, miss: 10 });
  });
});
