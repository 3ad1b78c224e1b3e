import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { FilterOptionsDocument } from '../src/lib/graphql/generated/graphql';
import { runOperation, section } from '../src/lib/server/api';

/** A request as a load function sees it, with a fake API behind `fetch` and a cookie jar. */
function request(answer: Response, session?: string) {
  const jar = new Map(session ? [['cx_session', session]] : []);
  const sent: { url: string; headers: Headers; body: unknown }[] = [];
  const cookies = {
    get: (name: string) => jar.get(name),
    delete: (name: string) => void jar.delete(name),
  } as unknown as Cookies;
  // runOperation passes a URL and a string body.
  const fetch = ((url: URL, init: RequestInit) => {
    sent.push({ url: url.href, headers: new Headers(init.headers), body: JSON.parse(init.body as string) });
    return Promise.resolve(answer);
  }) as typeof globalThis.fetch;
  return { event: { fetch, cookies, url: new URL('http://dash.test/channels?range=90d') }, sent, jar };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the API client of the load functions', () => {
  it('sends the named operation with the session as a Bearer token', async () => {
    const { event, sent } = request(json(200, { data: { metrics: [] } }), 'cxs_abc');
    await expect(runOperation(event, FilterOptionsDocument, {})).resolves.toEqual({ metrics: [] });
    expect(sent[0]?.url).toBe('http://127.0.0.1:4000/graphql');
    expect(sent[0]?.headers.get('authorization')).toBe('Bearer cxs_abc');
    expect(sent[0]?.body).toMatchObject({ query: expect.stringContaining('query FilterOptions') });
  });

  it('sends no Authorization header without a session', async () => {
    const { event, sent } = request(json(200, { data: { metrics: [] } }));
    await runOperation(event, FilterOptionsDocument, {});
    expect(sent[0]?.headers.has('authorization')).toBe(false);
  });

  it('answers a 401 by forgetting the session and redirecting to /login, back to the page afterwards', async () => {
    const { event, jar } = request(
      json(401, { errors: [{ message: 'sign in', extensions: { code: 'UNAUTHENTICATED' } }] }),
      'cxs_expired',
    );
    await expect(runOperation(event, FilterOptionsDocument, {})).rejects.toMatchObject({
      status: 303,
      location: '/login?redirectTo=%2Fchannels%3Frange%3D90d',
    });
    expect(jar.has('cx_session')).toBe(false);
  });

  it("turns a GraphQL error into its section's message rather than failing the page", async () => {
    const { event } = request(
      json(200, { errors: [{ message: 'filter.from: expected a date' }], data: null }),
    );
    await expect(section(runOperation(event, FilterOptionsDocument, {}))).resolves.toEqual({
      data: null,
      error: 'filter.from: expected a date',
    });
  });
});
