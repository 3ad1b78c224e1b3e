import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.js';
import { Role } from '../src/modules/auth/role.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { makeCustomer } from './support/factories.js';

const OPERATIONS_DIR = join(REPO_ROOT, 'schema/operations');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const HISTORY = readFileSync(join(OPERATIONS_DIR, 'CustomerHistory.graphql'), 'utf8');
/** Apollo's CSRF prevention wants this (or a non-simple content type) on every GET. */
const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const VARIABLES = encodeURIComponent(JSON.stringify({ id: 'C-LEFT', last: 5 }));
const BY_NAME = `/graphql/persisted/CustomerHistory?variables=${VARIABLES}`;
const apqPath = (hash: string, variables = VARIABLES) =>
  `/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}` +
  `&variables=${variables}`;

describe.each(DIALECTS)('persisted operations on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const em = api.database.orm.em.fork();
    makeCustomer(em, { name: 'Stayed' });
    makeCustomer(em, { externalId: 'C-LEFT', name: 'Left', churnedAt: new Date('2026-03-01T00:00:00Z') });
    await em.flush();
  });
  afterAll(async () => {
    await api?.close();
  });

  it(`lists every operation of schema/operations with the SHA-256 of its file (${dialect})`, async () => {
    const files = readdirSync(OPERATIONS_DIR).filter((file) => file.endsWith('.graphql'));
    const response = await api.fetch('/graphql/persisted');
    const { operations } = (await response.json()) as { operations: { name: string; sha256Hash: string }[] };
    expect(operations).toHaveLength(files.length);
    for (const file of files) {
      expect(operations).toContainEqual({
        name: file.replace(/\.graphql$/, ''),
        sha256Hash: sha256(readFileSync(join(OPERATIONS_DIR, file), 'utf8')),
      });
    }
  });

  for (const [route, path] of [
    ['by name', BY_NAME],
    ['by hash (APQ over GET)', apqPath(sha256(HISTORY))],
  ] as const) {
    it(`runs a manifest operation ${route} with a private Cache-Control, an ETag and 304 (${dialect})`, async () => {
      const first = await api.fetch(path, { headers: PREFLIGHT });
      expect(first.status).toBe(200);
      const body = await first.text();
      const data = (JSON.parse(body) as { data: { customer: { id: string; name: string } } }).data;
      expect(data.customer).toMatchObject({ id: 'C-LEFT', name: 'Left' });
      expect(first.headers.get('cache-control')).toBe('private, max-age=60');
      expect(first.headers.get('vary')).toBe('authorization, cookie');
      const etag = first.headers.get('etag');
      expect(etag).toBe(`"${createHash('sha256').update(body).digest('base64url')}"`);

      const revalidated = await api.fetch(path, { headers: { ...PREFLIGHT, 'if-none-match': etag! } });
      expect(revalidated.status).toBe(304);
      expect(await revalidated.text()).toBe('');

      const stale = await api.fetch(path, { headers: { ...PREFLIGHT, 'if-none-match': '"other"' } });
      expect(stale.status).toBe(200);
      expect(await stale.text()).toBe(body);
    });
  }

  it(`refuses a GET without the CSRF header, and one without a credential (${dialect})`, async () => {
    const withoutHeader = await api.fetch(BY_NAME);
    expect(withoutHeader.status).toBe(400);
    expect(withoutHeader.headers.get('etag')).toBeNull();
    const anonymous = await api.fetch(BY_NAME, { headers: { ...PREFLIGHT, authorization: 'Bearer none' } });
    expect(anonymous.status).toBe(401);
    // Refused before Apollo's request pipeline: nothing marks it cacheable.
    expect(anonymous.headers.get('cache-control')).toBeNull();
    expect(anonymous.headers.get('etag')).toBeNull();
  });

  it(`answers an unknown name with 404 and a mutation over GET with 405 (${dialect})`, async () => {
    const unknown = await api.fetch('/graphql/persisted/NoSuchOperation', { headers: PREFLIGHT });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      errors: [
        {
          message: 'No persisted operation named "NoSuchOperation".',
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
        },
      ],
    });
    const mutation = await api.fetch(
      `/graphql/persisted/AcknowledgeAlert?variables=${encodeURIComponent('{"id":"1"}')}`,
      {
        headers: PREFLIGHT,
      },
    );
    expect(mutation.status).toBe(405);
  });

  it(`gives each role its own answer: a role without personal data gets names emptied (${dialect})`, async () => {
    const bi = await api.createKey(Role.BI);
    const response = await api.fetch(BY_NAME, { headers: { ...PREFLIGHT, authorization: `Bearer ${bi}` } });
    const body = (await response.json()) as { data: { customer: { id: string; name: string | null } } };
    expect(body.data.customer).toMatchObject({ id: 'C-LEFT', name: null });
  });

  it(`keeps automatic persisted queries for other clients: unknown hash, register by POST, then GET (${dialect})`, async () => {
    const query = '{ customers(first: 5) { totalCount } }';
    const hash = sha256(query);
    const miss = await api.fetch(apqPath(hash, '{}'), { headers: PREFLIGHT });
    expect(
      ((await miss.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(miss.headers.get('cache-control')).toBe('no-store');

    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const registered = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions }),
    });
    expect(await registered.json()).toEqual({ data: { customers: { totalCount: 2 } } });
    expect(registered.headers.get('cache-control')).toBe('no-store');

    const hit = await api.fetch(apqPath(hash, '{}'), { headers: PREFLIGHT });
    expect(await hit.json()).toEqual({ data: { customers: { totalCount: 2 } } });
    expect(hit.headers.get('etag')).toMatch(/^"[\w-]{43}"$/);
  });
});
