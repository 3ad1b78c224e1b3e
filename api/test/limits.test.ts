import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { Role } from '../src/modules/auth/role.js';
import { QUERY_LIMITS } from '../src/server/apollo.js';
import { BODY_LIMIT_BYTES, createServer } from '../src/server/server.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { createMigratedDatabase, DIALECTS } from './support/databases.js';

/** `customer { surveyResponses(last: 1) { customer { … id } } }`: `depth` levels, counting the leaf as graphql-armor does. */
function nested(depth: number): string {
  let selection = 'id';
  for (let level = depth - 1; level > 1; level--) {
    selection = level % 2 === 0 ? `surveyResponses(last: 1) { ${selection} }` : `customer { ${selection} }`;
  }
  return `{ customer(id: "C") { ${selection} } }`;
}

const post = (api: TestApi, body: unknown, headers: Record<string, string> = {}) =>
  api.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe.each(DIALECTS)('query limits on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => {
    await api?.close();
  });

  /** The status and the first error's message of an operation that must be refused before it runs. */
  const refusal = async (query: string) => {
    const response = await post(api, { query });
    const body = (await response.json()) as { data?: unknown; errors: { message: string }[] };
    expect(body.data).toBeUndefined();
    return { status: response.status, message: body.errors[0]!.message };
  };

  it('refuses queries nested too deep, with too many aliases, tokens or directives, or too costly', async () => {
    expect((await post(api, { query: nested(QUERY_LIMITS.maxDepth) })).status).toBe(200);
    expect(await refusal(nested(QUERY_LIMITS.maxDepth + 2))).toEqual({
      status: 400,
      message: 'Syntax Error: Query depth limit of 10 exceeded, found 12.',
    });
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: dataVersion`);
    expect(await refusal(`{ ${aliases.join(' ')} }`)).toEqual({
      status: 400,
      message: expect.stringMatching(/Aliases limit of 15 exceeded/),
    });
    const tokens = `{ ${Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'dataVersion').join(' ')} }`;
    expect(await refusal(tokens)).toEqual({
      status: 400,
      message: expect.stringMatching(
        /^Syntax Error: Document contains more tha[nt] 2000 tokens\. Parsing aborted\.$/,
      ),
    });
    const directives = Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => '@include(if: true)');
    expect(await refusal(`{ dataVersion ${directives.join(' ')} }`)).toEqual({
      status: 400,
      message: expect.stringMatching(/Directives limit of 10 exceeded/),
    });
    const wide =
      'id name email birthYear generation region tier lifetimeValue signupDate churnedAt createdAt updatedAt';
    const fullPage = (alias: string) => `${alias}: customers(first: 1000) { nodes { ${wide} } }`;
    expect((await post(api, { query: `{ ${fullPage('one')} }` })).status).toBe(200);
    const copies = Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => fullPage(`c${i}`));
    expect(await refusal(`{ ${copies.join(' ')} }`)).toEqual({
      status: 400,
      message:
        'Query cost limit of 50,000 exceeded, found 480,000 (page sizes count at the value they run with, ' +
        'variables included): ask for fewer rows or fields per request and page on with after.',
    });
  });

  it('refuses batches, over-large bodies, mutations over GET and requests open to CSRF', async () => {
    const batch = await post(api, [{ query: '{ dataVersion }' }, { query: '{ dataVersion }' }]);
    expect(batch.status).toBe(400);
    expect(await batch.text()).toMatch(/batch/i);

    const huge = await post(
      api,
      `{"query": "{ dataVersion }", "variables": {"x": "${'x'.repeat(BODY_LIMIT_BYTES)}"}}`,
    );
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({
      errors: [{ message: 'Request body is too large', extensions: { code: 'FST_ERR_CTP_BODY_TOO_LARGE' } }],
    });

    const query = (source: string) => `/graphql?query=${encodeURIComponent(source)}`;
    const preflight = { 'apollo-require-preflight': 'true' };
    expect((await api.fetch(query('{ dataVersion }'), { headers: preflight })).status).toBe(200);
    expect(
      (await api.fetch(query('mutation { revokeApiKey(id: 0) { id } }'), { headers: preflight })).status,
    ).toBe(405);
    // A cross-site form or <img> cannot set a custom header or a JSON content type: Apollo refuses both.
    expect((await api.fetch(query('{ dataVersion }'))).status).toBe(400);
    const form = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ dataVersion }"}',
    });
    expect(form.status).toBe(400);
  });

  it('lets roles that may read the schema introspect it, and no one else', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    expect(await api.graphql(introspection, {}, { token: await api.createKey(Role.ANALYST) })).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    const executive = await post(
      api,
      { query: `{ __type(name: "Customer") { name } }` },
      { authorization: `Bearer ${await api.createKey(Role.EXECUTIVE)}` },
    );
    expect(executive.status).toBe(403);
    expect(await executive.json()).toEqual({
      errors: [
        {
          message:
            'Your role (EXECUTIVE) may not introspect the schema; it is published as schema/schema.graphql.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
    // __typename is not introspection: every role needs it.
    expect(await api.graphql('{ __typename }', {}, { token: await api.createKey(Role.EXECUTIVE) })).toEqual({
      data: { __typename: 'Query' },
    });
  });
});

describe('a Redis that cannot be reached', () => {
  it('stops the server at start with one line naming CX_REDIS_URL', async () => {
    const database = await createMigratedDatabase('sqlite');
    try {
      const config = loadConfig({}, { database: database.config, redisUrl: 'redis://127.0.0.1:1' });
      await expect(createServer(database.orm, config, { logger: false })).rejects.toThrow(
        /^CX_REDIS_URL: cannot reach redis:\/\/127\.0\.0\.1:1 \(.+\)$/,
      );
    } finally {
      await database.drop();
    }
  });
});

describe('introspection switched off', () => {
  it('is refused even to admins', async () => {
    const api = await startTestApi('sqlite', { config: { introspection: false } });
    try {
      const { errors } = await api.graphql('{ __schema { queryType { name } } }');
      expect(errors?.[0]?.message).toMatch(/introspection is not allowed/);
    } finally {
      await api.close();
    }
  });
});

describe('request ids', () => {
  it('are echoed in X-Request-Id and carried by every log line of the request', async () => {
    const lines: Record<string, unknown>[] = [];
    const api = await startTestApi('sqlite', {
      server: {
        logger: {
          level: 'info',
          stream: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
        },
      },
    });
    try {
      const given = await api.fetch('/health', { headers: { 'x-request-id': 'trace-42.a:b' } });
      expect(given.headers.get('x-request-id')).toBe('trace-42.a:b');
      // A header that could forge log lines (or is just long) is replaced by a fresh id.
      for (const forged of ['x"} {"level":60', 'x'.repeat(129)]) {
        const response = await api.fetch('/health', { headers: { 'x-request-id': forged } });
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }

      await api.database.orm.em.getConnection().execute('drop table contacts');
      const failed = await post(api, { query: '{ contacts { totalCount } }' });
      const requestId = failed.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines).toContainEqual(
        expect.objectContaining({ reqId: requestId, msg: 'GraphQL request failed unexpectedly' }),
      );
      const requestLines = lines.filter((line) => line.req || line.res || line.err);
      expect(requestLines.map((line) => [line.reqId, line.msg])).toEqual([
        [requestId, 'incoming request'],
        [requestId, 'GraphQL request failed unexpectedly'],
        [requestId, 'request completed'],
      ]);
    } finally {
      await api.close();
    }
  });
});

/** The Redis store is tested when CX_TEST_REDIS_URL names a server; `.ci/run` always sets it. */
const REDIS_URL = process.env.CX_TEST_REDIS_URL || undefined;
if (!REDIS_URL && process.env.CI) throw new Error('CX_TEST_REDIS_URL must be set in CI');

const STORES: [string, string | undefined][] = [['in memory', undefined]];
if (REDIS_URL) STORES.push(['in Redis', REDIS_URL]);

describe.each(STORES)('rate limits %s', (_store, redisUrl) => {
  const LIMIT = 3;
  // Runs on this machine and in CI share one Redis: each run counts under its own prefix.
  const rateLimit = { namespace: `cx-test-${randomUUID()}:` };
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite', {
      config: { rateLimitPerMinute: LIMIT, redisUrl },
      server: { rateLimit },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answer 429 with Retry-After past the limit, per credential', async () => {
    const limited = await api.createKey(Role.BI);
    for (let i = 0; i < LIMIT; i++) {
      expect(
        (await post(api, { query: '{ dataVersion }' }, { authorization: `Bearer ${limited}` })).status,
      ).toBe(200);
    }
    const refused = await post(api, { query: '{ dataVersion }' }, { authorization: `Bearer ${limited}` });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(
            /^Too many requests: at most 3 a minute; retry in (1 minute|\d+ seconds?)\.$/,
          ),
          extensions: { code: 'RATE_LIMITED' },
        },
      ],
    });
    // Another key has its own budget; the health check none.
    expect((await post(api, { query: '{ dataVersion }' })).status).toBe(200);
    for (let i = 0; i <= LIMIT; i++) expect((await api.fetch('/health')).status).toBe(200);
  });

  it('count login attempts per address, before any credential', async () => {
    const attempts = [];
    for (let i = 0; i <= LIMIT; i++) {
      const response = await api.fetch('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: '' },
        body: JSON.stringify({ email: 'who@example.com', password: 'guess number ' + i }),
      });
      attempts.push(response.status);
    }
    expect(attempts).toEqual([401, 401, 401, 429]);
  });

  it.runIf(redisUrl)('are shared by every API process using the same Redis', async () => {
    const token = await api.createKey(Role.BI);
    const config = loadConfig({}, { database: api.database.config, rateLimitPerMinute: LIMIT, redisUrl });
    const other = await createServer(api.database.orm, config, { logger: false, rateLimit });
    const otherUrl = await other.listen({ port: 0, host: '127.0.0.1' });
    try {
      const send = (url: string) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ dataVersion }' }),
        }).then((response) => response.status);
      expect([await send(api.url), await send(otherUrl), await send(api.url), await send(otherUrl)]).toEqual([
        200, 200, 200, 429,
      ]);
    } finally {
      await other.close();
    }
  });
});
