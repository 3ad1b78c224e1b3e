import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChurnedCustomersDocument,
  CustomerHistoryDocument,
  OverviewDocument,
  type ChurnedCustomersQuery,
  type CustomerHistoryQuery,
  type OverviewQuery,
} from '../src/lib/graphql/generated/graphql';
import { queryApi, signIn, startStack, type Stack } from './support/stack';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/dashboard/', import.meta.url));
/** Three months of the seeded half year, as a shared link would carry them. */
const WINDOW = '?from=2026-08-01&to=2026-10-31';
const API_WINDOW = { from: '2026-08-01T00:00:00Z', to: '2026-11-01T00:00:00Z' };

let stack: Stack;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startStack();
  page = await stack.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, stack.dashboardUrl);
});
afterAll(async () => {
  await stack?.close();
});

async function open(path: string): Promise<void> {
  const response = await page.goto(`${stack.dashboardUrl}${path}`, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
}

/** The text of a KPI tile's value, e.g. "24.4". */
const tile = (name: string) => page.locator(`[data-kpi="${name}"] [data-value]`).innerText();

const fixed = (value: number | null | undefined, digits: number) =>
  value == null
    ? '—'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function overviewFromApi(filter: Record<string, unknown>) {
  return (
    await queryApi<OverviewQuery>(stack, OverviewDocument.toString(), {
      filter: { ...API_WINDOW, ...filter },
      compare: 'PREVIOUS_PERIOD',
    })
  ).overview;
}

describe('the dashboard in Chromium on the seeded demo', () => {
  it.each([
    ['/', 'Overview'],
    ['/channels', 'Channels'],
    ['/segments', 'Segments'],
    ['/self-service', 'Self-service'],
    ['/risk', 'Churn risk'],
    ['/alerts', 'Alerts'],
  ])('%s renders its charts and data (screenshot saved)', async (path, heading) => {
    await open(`${path}${WINDOW}`);
    expect(await page.locator('h1').innerText()).toBe(heading);
    // No section failed to load, and every chart that has data was drawn by Chart.js.
    expect(await page.locator('[role=alert]').count()).toBe(0);
    const charts = await page.locator('figure canvas').count();
    if (path !== '/alerts') expect(charts).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('figure canvas[width]').length === n, charts);
    await page.screenshot({
      path: `${SCREENSHOTS}${heading.toLowerCase().replace(/\W+/g, '-')}.png`,
      fullPage: true,
    });
  });

  it('shows the same NPS, CSAT, FCR and churn rate as the API', async () => {
    const api = await overviewFromApi({});
    await open(`/${WINDOW}`);
    expect(await tile('nps')).toBe(fixed(api.nps.current, 1));
    expect(await tile('csat')).toBe(fixed(api.csatAvg.current, 2));
    expect(await tile('fcr')).toBe(`${fixed(api.fcrRate.current, 1)}%`);
    expect(await tile('churn')).toBe(`${fixed(api.churnRate.current, 1)}%`);
    expect(api.nps.current).not.toBeNull();
  });

  it('changes the numbers when a filter changes, keeps it in the URL, and goes back with the back button', async () => {
    await open(`/${WINDOW}`);
    const everyone = await tile('nps');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('channel') === 'PHONE'),
      page.selectOption('select[name=channel]', 'PHONE'),
    ]);
    const phone = await overviewFromApi({ channels: ['PHONE'] });
    await expect.poll(() => tile('nps')).toBe(fixed(phone.nps.current, 1));
    // Churn and the funnel have no channel: they stay loaded, for every channel, and say so.
    expect(await page.locator('[role=alert]').count()).toBe(0);
    expect(await page.getByText('Not split by channel').count()).toBe(2);
    expect(await tile('nps')).not.toBe(everyone);
    // The shared link reproduces the view: the same URL opened in another tab shows the same number.
    const colleague = await stack.browser.newPage();
    await signIn(colleague, stack.dashboardUrl);
    await colleague.goto(page.url(), { waitUntil: 'networkidle' });
    expect(await colleague.locator('[data-kpi="nps"] [data-value]').innerText()).toBe(
      fixed(phone.nps.current, 1),
    );
    await colleague.close();
    await page.goBack();
    // The URL changes at once on popstate; the numbers follow when the page's data has loaded.
    await page.waitForURL((url) => url.searchParams.get('channel') === null);
    await expect.poll(() => tile('nps')).toBe(everyone);
  });

  it('drills down from churned customers to a customer page with the whole history', async () => {
    await open(`/risk${WINDOW}`);
    const link = page.locator('table a[href^="/customers/"]').first();
    const id = await link.innerText();
    await Promise.all([page.waitForURL(`**/customers/${id}**`), link.click()]);
    const { customer } = await queryApi<CustomerHistoryQuery>(stack, CustomerHistoryDocument.toString(), {
      id,
      last: 200,
    });
    expect(customer?.churnedAt).not.toBeNull();
    expect(await page.locator('h1').innerText()).toBe(customer?.name ?? id);
    expect(await tile('lifetime-value')).toBe(
      customer?.lifetimeValue?.toLocaleString('en-US', { maximumFractionDigits: 0 }),
    );
    const rows = await page.locator('table tbody tr').count();
    expect(rows).toBe(customer?.timeline.length);
    await page.screenshot({ path: `${SCREENSHOTS}customer.png`, fullPage: true });

    const { customers } = await queryApi<ChurnedCustomersQuery>(stack, ChurnedCustomersDocument.toString(), {
      filter: { churned: true },
      first: 1,
    });
    expect(customers.nodes[0]?.id).toBe(id);
  });

  it('downloads a chart as PNG and its data as CSV', async () => {
    await open(`/${WINDOW}`);
    const figure = page.locator('figure', { has: page.locator('#churn-by-generation-title') });
    await figure.locator('canvas[width]').waitFor();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: 'PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('churn-by-generation.png');
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: 'CSV' }).click(),
    ]);
    const lines = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Generation,Churn rate (% of customers active at the start)');
    expect(lines.length).toBeGreaterThan(1);
  });

  it('fits a tablet without sideways scrolling', async () => {
    const tablet = await stack.browser.newPage({ viewport: { width: 768, height: 1024 } });
    await signIn(tablet, stack.dashboardUrl);
    await tablet.goto(`${stack.dashboardUrl}/${WINDOW}`, { waitUntil: 'networkidle' });
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await tablet.screenshot({ path: `${SCREENSHOTS}overview-tablet.png`, fullPage: true });
    await tablet.close();
  });

  it('answers a sign-in it cannot complete with a message on the login page', async () => {
    const visitor = await stack.browser.newPage();
    await visitor.goto(`${stack.dashboardUrl}/login`);
    await visitor.fill('input[name=email]', 'nobody@example.com');
    await visitor.fill('input[name=password]', 'wrong password');
    await visitor.click('button[type=submit]');
    await visitor.locator('[role=alert]').waitFor();
    expect(new URL(visitor.url()).pathname).toBe('/login');
    await visitor.close();
  });
});
