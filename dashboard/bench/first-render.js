// `pnpm --filter @cx-pulse/dashboard bench:render [--url URL] [--path /] [--runs N] [--email E --password P
// --api URL]`: signs in at the API when given a login (the session goes into every run's cookie), opens a page of a
// running dashboard in headless Chromium with a cold cache, N times, and prints the time to the first
// server-rendered bytes, to the first paint with the numbers (the page is rendered on the server, so the
// first contentful paint shows the KPIs), and to every chart drawn by Chart.js; then the JavaScript the
// page loads, raw and gzipped. Not part of `pnpm test`: it measures, it asserts nothing.
/* global document, performance, fetch -- page callbacks run in the page; fetch is Node 20's own */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    path: { type: 'string', default: '/' },
    runs: { type: 'string', default: '10' },
    api: { type: 'string', default: 'http://localhost:4000' },
    email: { type: 'string' },
    password: { type: 'string' },
  },
});
const runs = Number(values.runs);
const target = new URL(values.path, values.url).href;

/** @param {number[]} samples @param {number} q */
const quantile = (samples, q) => [...samples].sort((a, b) => a - b)[Math.ceil(q * samples.length) - 1] ?? NaN;

/** The dashboard's session cookie holds the API's session token (see the dashboard's sign-in). */
async function sessionCookies() {
  if (!values.email || !values.password) return [];
  const response = await fetch(new URL('/auth/login', values.api), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: values.email, password: values.password }),
  });
  if (!response.ok) throw new Error(`sign-in at ${values.api} failed with HTTP ${response.status}`);
  const { token } = /** @type {{ token: string }} */ (await response.json());
  return [{ name: 'cx_session', value: token, url: values.url }];
}
const cookies = await sessionCookies();

const browser = await chromium.launch({
  executablePath: process.env.CX_E2E_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
/** @type {Record<string, number[]>} */
const timings = { serverResponse: [], firstContentfulPaint: [], chartsDrawn: [] };
/** @type {Map<string, { raw: number; gzip: number }>} */
const scripts = new Map();
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addCookies(cookies);
    const page = await context.newPage();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => null);
      if (body)
        scripts.set(new URL(response.url()).pathname, { raw: body.length, gzip: gzipSync(body).length });
    });
    const started = Date.now();
    await page.goto(target, { waitUntil: 'load' });
    await page.waitForFunction(
      () => [...document.querySelectorAll('figure canvas')].every((canvas) => canvas.hasAttribute('width')),
      undefined,
      { timeout: 60_000 },
    );
    const chartsDrawn = Date.now() - started;
    const paint = await page.evaluate(() => {
      const [navigation] = /** @type {PerformanceNavigationTiming[]} */ (
        performance.getEntriesByType('navigation')
      );
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { response: navigation?.responseStart ?? NaN, fcp: fcp?.startTime ?? NaN };
    });
    timings.serverResponse.push(paint.response);
    timings.firstContentfulPaint.push(paint.fcp);
    timings.chartsDrawn.push(chartsDrawn);
    await context.close();
  }
} finally {
  await browser.close();
}

console.log(`${target}, ${runs} cold loads`);
for (const [name, samples] of Object.entries(timings)) {
  console.log(
    `${name.padEnd(22)} p50 ${quantile(samples, 0.5).toFixed(0).padStart(5)} ms   p95 ${quantile(samples, 0.95).toFixed(0).padStart(5)} ms`,
  );
}
const total = [...scripts.values()].reduce(
  (sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }),
  {
    raw: 0,
    gzip: 0,
  },
);
console.log(
  `JavaScript: ${scripts.size} files, ${(total.raw / 1024).toFixed(1)} KiB raw, ${(total.gzip / 1024).toFixed(1)} KiB gzipped`,
);
