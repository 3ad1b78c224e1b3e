// `pnpm --filter @cx-pulse/dashboard bench:pages [--url URL] [--api URL] [--runs N] --email E --password P
// [--label TEXT]`: signs in at the API, then opens every page of a running dashboard (a production build) in
// headless Chromium with a cold cache, N times each, and prints a Markdown table of the time to the load event
// (p50 and the slowest run) and the JavaScript the page loads, gzipped; then the JavaScript of the whole app
// (every file of build/client/_app/immutable, each gzipped, as a browser would get it). Not part of `pnpm test`:
// it measures, it asserts nothing. Label the figures with the conditions (`--label "shared machine"`).
/* global document, performance, fetch -- page callbacks run in the page; fetch is Node 20's own */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    api: { type: 'string', default: 'http://localhost:4000' },
    runs: { type: 'string', default: '3' },
    email: { type: 'string' },
    password: { type: 'string' },
    label: { type: 'string', default: '' },
  },
});
const runs = Number(values.runs);
if (!values.email || !values.password) throw new Error('--email and --password: the dashboard needs a login');

const login = await fetch(new URL('/auth/login', values.api), {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: values.email, password: values.password }),
});
if (!login.ok) throw new Error(`sign-in at ${values.api} failed with HTTP ${login.status}`);
const { token } = /** @type {{ token: string }} */ (await login.json());

/** A customer to open /customers/[id] on: the one at the top of the risk ranking. */
async function someCustomer() {
  const response = await fetch(new URL('/graphql', values.api), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ churnRisk(first: 1, minScore: 0) { nodes { customer { id } } } }' }),
  });
  const body = /** @type {any} */ (await response.json());
  return body.data.churnRisk.nodes[0]?.customer.id ?? 'C0000001';
}

const PAGES = [
  '/',
  '/channels',
  '/segments',
  '/self-service',
  '/risk',
  '/alerts',
  `/customers/${encodeURIComponent(await someCustomer())}`,
  '/voice',
  '/recovery',
  '/rows?kind=responses&type=NPS',
];

/** @param {number[]} samples @param {number} q */
const quantile = (samples, q) => [...samples].sort((a, b) => a - b)[Math.ceil(q * samples.length) - 1] ?? NaN;
const kib = (bytes) => (bytes / 1024).toFixed(1);

const browser = await chromium.launch({
  executablePath: process.env.CX_E2E_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
/** @type {{ path: string; load: number[]; scripts: number; gzip: number }[]} */
const results = [];
try {
  for (const path of PAGES) {
    const result = { path, load: /** @type {number[]} */ ([]), scripts: 0, gzip: 0 };
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: 'cx_session', value: token, url: values.url }]);
      const page = await context.newPage();
      /** @type {Map<string, number>} */
      const scripts = new Map();
      /** @type {Promise<void>[]} */
      const bodies = [];
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        bodies.push(
          response
            .body()
            .then((body) => void scripts.set(new URL(response.url()).pathname, gzipSync(body).length))
            .catch(() => undefined),
        );
      });
      const answer = await page.goto(new URL(path, values.url).href, { waitUntil: 'load' });
      if (!answer?.ok()) throw new Error(`${path}: HTTP ${answer?.status()}`);
      const loadEvent = await page.evaluate(() => {
        const [navigation] = /** @type {PerformanceNavigationTiming[]} */ (
          performance.getEntriesByType('navigation')
        );
        return navigation?.loadEventEnd ?? NaN;
      });
      // Chart.js arrives after the load event: wait for every chart, so its size counts too.
      await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll('figure canvas')].every((canvas) => canvas.hasAttribute('width')),
          undefined,
          { timeout: 30_000 },
        )
        .catch(() => undefined);
      await page.waitForLoadState('networkidle');
      await Promise.all(bodies);
      result.load.push(loadEvent);
      result.scripts = scripts.size;
      result.gzip = [...scripts.values()].reduce((sum, size) => sum + size, 0);
      await context.close();
    }
    results.push(result);
  }
} finally {
  await browser.close();
}

/** Every JavaScript file of the build, each gzipped: what the whole app ships. */
function appJavaScript() {
  const root = fileURLToPath(new URL('../build/client/_app/immutable/', import.meta.url));
  let files = 0;
  let gzip = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.js')) {
        files += 1;
        gzip += gzipSync(readFileSync(file)).length;
      }
    }
  };
  walk(root);
  return { files, gzip };
}

console.log(
  `${values.url}, ${runs} cold load${runs === 1 ? '' : 's'} a page at 1440 × 900${values.label ? ` (${values.label})` : ''}\n`,
);
console.log('| page | load event p50 | slowest | JavaScript (gzipped) |');
console.log('| ---- | -------------: | ------: | -------------------: |');
for (const { path, load, scripts, gzip } of results) {
  console.log(
    `| \`${path}\` | ${quantile(load, 0.5).toFixed(0)} ms | ${Math.max(...load).toFixed(0)} ms | ${kib(gzip)} KiB in ${scripts} files |`,
  );
}
const app = appJavaScript();
console.log(`\nThe whole app: ${kib(app.gzip)} KiB of JavaScript gzipped in ${app.files} files.`);
