import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChurnRiskDocument,
  CustomerHistoryDocument,
  OpenAlertsDocument,
  OverviewDocument,
  type ChurnRiskQuery,
  type CustomerHistoryQuery,
  type OpenAlertsQuery,
  type OverviewQuery,
} from '../src/lib/graphql/generated/graphql';
import {
  CREDENTIALS,
  EXECUTIVE_CREDENTIALS,
  queryApi,
  signIn,
  startStack,
  type Stack,
} from './support/stack';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/dashboard/', import.meta.url));
/** Three months of the seeded half year, as a shared link would carry them. */
const WINDOW = '?from=2026-08-01&to=2026-10-31';
const API_WINDOW = { from: '2026-08-01T00:00:00Z', to: '2026-11-01T00:00:00Z' };

let stack: Stack;
let page: Page;
/** What the pages' Content-Security-Policy refused, over every test of the main page. */
const refusedByPolicy: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startStack();
  page = await stack.browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusedByPolicy.push(message.text());
  });
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
    ['/voice', 'Voice of the customer'],
    ['/recovery', 'Recovery & exceptions'],
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
    expect(await tile('csat')).toBe(fixed(api.avgCsat.current, 2));
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
    // Churn, the funnel and word-of-mouth reach have no channel: they stay loaded, for every channel, and say so.
    expect(await page.locator('[role=alert]').count()).toBe(0);
    expect(await page.getByText('Not split by channel').count()).toBe(4);
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

  it('ranks customers by risk with their drivers and drills down to a customer page with score, alerts and history', async () => {
    const { churnRisk, atRisk, riskModel } = await queryApi<ChurnRiskQuery>(
      stack,
      ChurnRiskDocument.toString(),
      {
        minScore: 0,
        first: 1,
      },
    );
    const top = churnRisk.nodes[0]!;
    await open(`/risk${WINDOW}`);
    // Revenue at risk is a snapshot of now, whatever the window; the demo has customers scored 70+.
    expect(atRisk[0]?.revenueAtRisk).toBeGreaterThan(0);
    expect(await tile('risk-revenue')).toBe(
      atRisk[0]?.revenueAtRisk?.toLocaleString('en-US', { maximumFractionDigits: 0 }),
    );
    const ranking = page.locator('table', {
      has: page.locator('caption', { hasText: 'ranked by churn-risk' }),
    });
    const row = ranking.locator('tbody tr').first();
    expect(await row.locator('th').innerText()).toBe(top.customer.id);
    expect(await row.locator('td').first().innerText()).toBe(`${top.score}`);
    expect(await row.innerText()).toContain(top.drivers[0]!.label);
    expect(await row.innerText()).toContain(top.nextStep.text);
    // The model's quality in plain words: the share of leavers the top tenth of scores holds.
    expect(await page.locator('[data-lift]').innerText()).toContain(
      `The top 10% of scores hold ${(100 * riskModel!.topDecileFraction!).toFixed(1)}% of the customers who left`,
    );
    const link = row.locator(`a[href^="/customers/"]`);
    await Promise.all([page.waitForURL(`**/customers/${top.customer.id}**`), link.click()]);

    const { customer } = await queryApi<CustomerHistoryQuery>(stack, CustomerHistoryDocument.toString(), {
      id: top.customer.id,
      last: 200,
    });
    expect(await page.locator('h1').innerText()).toBe(customer?.name ?? top.customer.id);
    // In the currency the API is configured with (CX_CURRENCY, USD by default).
    expect(await tile('lifetime-value')).toBe(
      customer?.lifetimeValue?.toLocaleString('en-US', {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
      }),
    );
    expect(await tile('risk-score')).toBe(`${top.score}`);
    const drivers = page.locator('table', {
      has: page.locator('caption', { hasText: 'What moves the score' }),
    });
    expect(await drivers.locator('tbody tr').count()).toBe(top.drivers.length);
    const history = page.locator('table', {
      has: page.locator('caption', { hasText: 'Everything this customer' }),
    });
    expect(await history.locator('tbody tr').count()).toBe(customer?.timeline?.length);
    await page.screenshot({ path: `${SCREENSHOTS}customer.png`, fullPage: true });
  });

  it('takes an alert through acknowledge, call-back and resolve, and the API records each step', async () => {
    // The page lists the alerts whose event happened in the window, as the API does with the same filter.
    const { alerts } = await queryApi<OpenAlertsQuery>(stack, OpenAlertsDocument.toString(), {
      first: 50,
      triggeredFrom: API_WINDOW.from,
      triggeredTo: API_WINDOW.to,
    });
    const alert = alerts.nodes.find((a) => a.status === 'OPEN');
    expect(alert, 'the demo has an open alert on the first page').toBeDefined();
    await open(`/alerts${WINDOW}`);
    const card = page.locator(`[data-alert="${alert!.id}"]`);
    const steps = [
      ['Acknowledge', 'Taking this one', 'Acknowledged'],
      ['Record call-back', 'Called back, refund agreed', 'Called back'],
    ] as const;
    for (const [button, note, status] of steps) {
      await card.locator('input[name=note]').fill(note);
      await card.getByRole('button', { name: button }).click();
      await expect.poll(() => card.locator('[data-status]').innerText()).toBe(status);
    }
    await page.screenshot({ path: `${SCREENSHOTS}alert-called-back.png`, fullPage: true });
    await card.locator('input[name=note]').fill('Refund paid');
    await card.getByRole('button', { name: 'Resolve' }).click();
    // Resolved alerts leave the list of unresolved ones.
    await expect.poll(() => card.count()).toBe(0);

    const resolved = await queryApi<{
      alert: { status: string; history: { action: string; text: string | null; actorName: string }[] };
    }>(stack, 'query ($id: ID!) { alert(id: $id) { status history { action text actorName } } }', {
      id: alert!.id,
    });
    expect(resolved.alert.status).toBe('RESOLVED');
    expect(resolved.alert.history.filter((e) => e.action === 'NOTE_ADDED').map((e) => e.text)).toEqual([
      'Taking this one',
      'Called back, refund agreed',
      'Refund paid',
    ]);
    expect(resolved.alert.history.map((e) => e.action)).toEqual([
      'OPENED',
      'ACKNOWLEDGED',
      'NOTE_ADDED',
      'CUSTOMER_CONTACTED',
      'NOTE_ADDED',
      'RESOLVED',
      'NOTE_ADDED',
    ]);
    expect(new Set(resolved.alert.history.slice(1).map((e) => e.actorName))).toEqual(new Set(['E2E admin']));
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

  it('fits a small tablet without sideways scrolling', async () => {
    const tablet = await stack.browser.newPage({ viewport: { width: 768, height: 1024 } });
    await signIn(tablet, stack.dashboardUrl);
    await tablet.goto(`${stack.dashboardUrl}/${WINDOW}`, { waitUntil: 'networkidle' });
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await tablet.screenshot({ path: `${SCREENSHOTS}overview-tablet.png`, fullPage: true });
    await tablet.close();
  });

  it("shows an executive a customer's profile and history with personal data masked", async () => {
    const { churnRisk } = await queryApi<ChurnRiskQuery>(stack, ChurnRiskDocument.toString(), {
      minScore: 0,
      first: 1,
    });
    const id = churnRisk.nodes[0]!.customer.id;
    const visitor = await stack.browser.newPage();
    await visitor.goto(`${stack.dashboardUrl}/login`);
    await visitor.fill('input[name=email]', EXECUTIVE_CREDENTIALS.email);
    await visitor.fill('input[name=password]', EXECUTIVE_CREDENTIALS.password);
    await Promise.all([
      visitor.waitForURL((url) => url.pathname !== '/login'),
      visitor.click('button[type=submit]'),
    ]);
    const response = await visitor.goto(`${stack.dashboardUrl}/customers/${id}`, {
      waitUntil: 'networkidle',
    });
    expect(response?.status()).toBe(200);
    // The name is personal data, masked for the role: the heading shows the id.
    expect(await visitor.locator('h1').innerText()).toBe(id);
    expect(await visitor.locator('caption', { hasText: 'Everything this customer did' }).count()).toBe(1);
    await visitor.close();
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

  it('keeps what is typed into the login form before the page hydrates, and signs in', async () => {
    const visitor = await stack.browser.newPage();
    // Hold the app's scripts back until the form is filled in, so the typing surely comes before hydration.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await visitor.route('**/_app/immutable/**', async (route) => {
      await held;
      await route.continue();
    });
    await visitor.goto(`${stack.dashboardUrl}/login`, { waitUntil: 'commit' });
    const email = visitor.locator('input[name=email]');
    const password = visitor.locator('input[name=password]');
    await email.pressSequentially(CREDENTIALS.email);
    await password.pressSequentially(CREDENTIALS.password);
    // SvelteKit's root adds its screen-reader announcer once mounted: not yet.
    expect(await visitor.locator('#svelte-announcer').count()).toBe(0);
    release();
    await visitor.locator('#svelte-announcer').waitFor({ state: 'attached' });
    expect(await email.inputValue()).toBe(CREDENTIALS.email);
    expect(await password.inputValue()).toBe(CREDENTIALS.password);
    await Promise.all([
      visitor.waitForURL((url) => url.pathname !== '/login'),
      visitor.click('button[type=submit]'),
    ]);
    expect(new URL(visitor.url()).pathname).toBe('/');
    await visitor.close();
  });

  it('sends security headers and may be framed by no site (clickjacking)', async () => {
    const response = await page.goto(`${stack.dashboardUrl}/alerts${WINDOW}`, { waitUntil: 'networkidle' });
    const headers = response!.headers();
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    // A same-site page (another port of the same host: the session cookie goes along) framing the alerts
    // of a signed-in admin, as in the red-team pass, gets no document from the dashboard.
    const framing = createServer((_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<iframe src="${stack.dashboardUrl}/alerts" width="800" height="600"></iframe>`),
    );
    await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
    const attacker = await stack.browser.newPage();
    try {
      await signIn(attacker, stack.dashboardUrl);
      await attacker.goto(`http://127.0.0.1:${(framing.address() as AddressInfo).port}/`);
      await attacker.waitForTimeout(1_500);
      const heading = await attacker
        .frames()[1]
        ?.locator('h1')
        .innerText({ timeout: 1_000 })
        .catch(() => null);
      expect(heading).not.toBe('Alerts');
    } finally {
      await attacker.close();
      framing.close();
    }
  });

  it('ran every page above under its Content-Security-Policy without a refusal', () => {
    expect(refusedByPolicy).toEqual([]);
  });

  it('returns a visitor to the page they asked for after signing in', async () => {
    const visitor = await stack.browser.newPage();
    const wanted = `/channels${WINDOW}`;
    await visitor.goto(`${stack.dashboardUrl}${wanted}`);
    expect(new URL(visitor.url()).pathname).toBe('/login');
    await visitor.fill('input[name=email]', CREDENTIALS.email);
    await visitor.fill('input[name=password]', CREDENTIALS.password);
    await Promise.all([
      visitor.waitForURL((url) => url.pathname !== '/login'),
      visitor.click('button[type=submit]'),
    ]);
    const landed = new URL(visitor.url());
    expect(`${landed.pathname}${landed.search}`).toBe(wanted);
    await visitor.close();
  });

  it('never sends a visitor off-site after signing in', async () => {
    const visitor = await stack.browser.newPage();
    await visitor.goto(`${stack.dashboardUrl}/login?redirectTo=${encodeURIComponent('/\\evil.example/')}`);
    await visitor.fill('input[name=email]', CREDENTIALS.email);
    await visitor.fill('input[name=password]', CREDENTIALS.password);
    await Promise.all([
      visitor.waitForURL((url) => url.pathname !== '/login'),
      visitor.click('button[type=submit]'),
    ]);
    expect(new URL(visitor.url()).origin).toBe(stack.dashboardUrl);
    expect(new URL(visitor.url()).pathname).toBe('/');
    await visitor.close();
  });

  it('backs off wrong sign-ins per browser address, while the account signs in from another address', async () => {
    /** Posts the sign-in form as a browser at `address` (a loopback address of its own) would. */
    const signInFrom = (address: string, password: string) =>
      new Promise<{ type: string; status: number; text: string }>((resolve, reject) => {
        const body = new URLSearchParams({ email: CREDENTIALS.email, password }).toString();
        const request = httpRequest(
          `${stack.dashboardUrl}/login?/signIn`,
          {
            method: 'POST',
            localAddress: address,
            headers: {
              origin: stack.dashboardUrl,
              accept: 'application/json',
              'x-sveltekit-action': 'true',
              'content-type': 'application/x-www-form-urlencoded',
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => {
              const answer = JSON.parse(text) as { type: string; status: number };
              resolve({ type: answer.type, status: answer.status, text });
            });
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    // Six wrong passwords from 127.0.0.2: five free, the sixth locks that address out for 1 s.
    for (let attempt = 1; attempt <= 6; attempt++)
      expect((await signInFrom('127.0.0.2', 'wrong password')).status, `attempt ${attempt}`).toBe(401);
    const locked = await signInFrom('127.0.0.2', CREDENTIALS.password);
    expect(locked.status).toBe(429);
    expect(locked.text).toContain('Too many failed sign-ins to this account from your address');
    // The account's owner, at another address, is not held back.
    expect(await signInFrom('127.0.0.3', CREDENTIALS.password)).toMatchObject({ type: 'redirect' });
  });
});
