import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_BODY_LIMIT_BYTES } from '../src/modules/auth/authentication.hook.js';
import { BODY_LIMIT_BYTES } from '../src/server/server.js';
import { startTestApi, type TestApi } from './support/api-server.js';

/** A raw connection to the API, to send a request a piece at a time as a slow or hostile client does. */
function rawConnection(
  api: TestApi,
): Promise<{ socket: Socket; answer: Promise<string>; closed: Promise<number> }> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      let received = '';
      const answer = new Promise<string>((done) => {
        socket.on('data', (chunk) => {
          received += chunk.toString('latin1');
          if (received.includes('\r\n\r\n')) done(received);
        });
        socket.on('close', () => done(received));
      });
      const closed = new Promise<number>((done) =>
        socket.on('close', () => done(performance.now() - started)),
      );
      resolve({ socket, answer, closed });
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

// Transport behaviour: it does not depend on the database.
describe('the API at its HTTP edge', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite', {
      config: { httpTimeouts: { headersMs: 500, requestMs: 1_500, idleMs: 5_000 } },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it.each([
    ['/graphql', 'POST'],
    ['/health', 'GET'],
    ['/export/customers.csv', 'GET'],
    ['/auth/login', 'POST'],
  ])(
    '%s (%s) may be framed by nobody, sniffed by no browser, and sends no referrer',
    async (path, method) => {
      const response = await api.fetch(path, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'POST' && { body: '{"query":"{ dataVersion }"}' }),
      });
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
    },
  );

  it('gives the GraphiQL page a policy that allows only its own files and inline code by hash', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(
      /^default-src 'self'; script-src 'self' 'sha256-[\w+/=]+'; style-src 'self' 'sha256-/,
    );
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it(`refuses an anonymous ${BODY_LIMIT_BYTES / 1024 / 1024} MiB body with 401 before reading it`, async () => {
    const { socket, answer } = await rawConnection(api);
    const started = performance.now();
    // Headers only: the body never comes. Reading it first, the API would wait for it until the timeout.
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${BODY_LIMIT_BYTES}\r\n\r\n{"query":"`,
    );
    const head = await answer;
    expect(head).toMatch(/^HTTP\/1\.1 401 /);
    expect(head.toLowerCase()).toContain('connection: close');
    expect(head.toLowerCase()).toContain('www-authenticate: bearer');
    expect(performance.now() - started).toBeLessThan(400);
    socket.destroy();
  });

  it('cuts an anonymous chunked body off with 401 once it passes the limit', async () => {
    const { socket, answer } = await rawConnection(api);
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    const chunk = Buffer.alloc(16 * 1024, 'a');
    for (let sent = 0; sent <= ANONYMOUS_BODY_LIMIT_BYTES; sent += chunk.length) {
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk);
      socket.write('\r\n');
    }
    expect(await answer).toMatch(/^HTTP\/1\.1 401 /);
    socket.destroy();
  });

  it('still takes an authenticated body above the anonymous limit', async () => {
    const padding = 'x'.repeat(ANONYMOUS_BODY_LIMIT_BYTES * 2);
    const response = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ dataVersion }', variables: { padding } }),
    });
    expect(response.status).toBe(200);
  });

  it('closes a connection whose headers trickle in slower than the headers timeout (500 ms here)', async () => {
    const { socket, closed } = await rawConnection(api);
    socket.write('GET /health HTTP/1.1\r\nHost: api\r\n');
    const trickle = setInterval(() => socket.write('X-Slow: 1\r\n'), 100);
    try {
      // Node checks the timeouts once a second at most: closed within about 0.5 + 1 s.
      expect(await closed).toBeLessThan(3_000);
    } finally {
      clearInterval(trickle);
    }
  });

  it('closes a connection whose body trickles in slower than the request timeout (1.5 s here)', async () => {
    const key = await api.createKey((await import('../src/modules/auth/role.js')).Role.ADMIN);
    const { socket, closed } = await rawConnection(api);
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: api\r\nAuthorization: Bearer ${key}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n',
    );
    const trickle = setInterval(() => socket.write(' '), 100);
    try {
      expect(await closed).toBeLessThan(4_000);
    } finally {
      clearInterval(trickle);
    }
  });
});
