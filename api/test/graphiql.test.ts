import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.js';
import { Role } from '../src/modules/auth/role.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { makeCustomer } from './support/factories.js';

/** The system Chromium (Debian's package); the in-browser check runs where it is installed. */
const CHROMIUM = '/usr/bin/chromium';
const OPERATIONS_DIR = join(REPO_ROOT, 'schema/operations');

// The page does not depend on the database: one dialect is enough.
describe('GraphiQL at /graphql', () => {
  let api: TestApi;
  let analystKey: string;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    analystKey = await api.createKey(Role.ANALYST);
    const em = api.database.orm.em.fork();
    makeCustomer(em, { externalId: 'C-GRAPHIQL' });
    await em.flush();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('serves a page whose every script and stylesheet comes from this server, with its content type', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);

    const assets = [...html.matchAll(/<(script|link)[^>]*(?:src|href)="([^"]+)"/g)].map(([, tag, url]) => ({
      tag,
      url: url!,
    }));
    expect(assets.map(({ url }) => url.replace(/@\d+\.\d+\.\d+/, ''))).toEqual([
      '/graphiql/graphiql/graphiql.min.css',
      '/graphiql/@graphiql/plugin-explorer/dist/style.css',
      '/graphiql/react/umd/react.production.min.js',
      '/graphiql/react-dom/umd/react-dom.production.min.js',
      '/graphiql/graphiql/graphiql.min.js',
      '/graphiql/@graphiql/plugin-explorer/dist/index.umd.js',
    ]);
    for (const { tag, url } of assets) {
      const asset = await fetch(`${api.url}${url}`);
      expect(asset.status, url).toBe(200);
      expect(asset.headers.get('content-type'), url).toBe(
        tag === 'script' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
      );
      expect(asset.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(1000);
    }
  });

  it('preloads the named operations of schema/operations as tabs', async () => {
    const html = await (await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    const json = /<script id="cx-graphiql-config" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!;
    const config = JSON.parse(json) as { endpoint: string; tabs: { query: string; variables?: string }[] };
    expect(config.endpoint).toBe('/graphql');
    const names = config.tabs.map(({ query }) => /^(?:query|mutation) (\w+)/m.exec(query)?.[1] ?? null);
    const operations = readdirSync(OPERATIONS_DIR)
      .filter((file) => file.endsWith('.graphql'))
      .map((file) => file.replace(/\.graphql$/, ''))
      .sort();
    expect(names).toEqual([null, ...operations]);
    const history = config.tabs[names.indexOf('CustomerHistory')]!;
    expect(JSON.parse(history.variables!)).toEqual({ id: 'C0000042', last: 20 });
  });

  it('keeps GET queries working for clients that do not ask for HTML', async () => {
    const query = encodeURIComponent('{ customers { totalCount } }');
    const response = await api.fetch(`/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await response.json()).toEqual({ data: { customers: { totalCount: 1 } } });
  });

  it.runIf(existsSync(CHROMIUM))(
    'renders in Chromium without network access and runs the welcome query',
    async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        // As an analyst who typed the API key into the headers pane.
        const page = await browser.newPage({ extraHTTPHeaders: { authorization: `Bearer ${analystKey}` } });
        const foreign: string[] = [];
        const errors: string[] = [];
        page.on('request', (request) => {
          if (!request.url().startsWith(api.url) && !request.url().startsWith('data:'))
            foreign.push(request.url());
        });
        page.on('pageerror', (error) => errors.push(error.message));
        // The page runs under its Content-Security-Policy: anything it refused would be reported here.
        const refused: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
        });
        const opened = await page.goto(`${api.url}/graphql`);
        expect(opened?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
        await page.locator('.graphiql-execute-button').click();
        await expect
          .poll(() => page.locator('.result-window').innerText(), { timeout: 15_000 })
          .toContain('"C-GRAPHIQL"');
        // The schema was introspected: the docs and the explorer list the root fields.
        await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
        await expect.poll(() => page.locator('.graphiql-plugin').innerText()).toContain('Query');
        await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
        await expect.poll(() => page.locator('.graphiql-plugin').innerText()).toContain('customers');
        expect(foreign).toEqual([]);
        expect(errors).toEqual([]);
        expect(refused).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
