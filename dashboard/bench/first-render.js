// `pnpm --filter @cx-pulse/dashboard bench:render [--url URL] [--path /] [--runs N]`: opens a page of a
// running dashboard in headless Chromium with a cold cache, N times, and prints the time to the first
// server-rendered bytes, to the first paint with the numbers (the page is rendered on the server, so the
// first contentful paint shows the KPIs), and to every chart drawn by Chart.js; then the JavaScript the
// page loads, raw and gzipped. Not part of `pnpm test`: it measures, it asserts nothing.
/* global document, performance -- the callbacks of page.evaluate and waitForFunction run in the page */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    path: { type: 'string', default: '/' },
    runs: { type: 'string', default: '10' },
  },
});
const runs = Number(values.runs);
const target = new URL(values.path, values.url).href;

/** @param {number[]} samples @param {number} q */
const quantile = (samples, q) => [...samples].sort((a, b) => a - b)[Math.ceil(q * samples.length) - 1] ?? NaN;

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
