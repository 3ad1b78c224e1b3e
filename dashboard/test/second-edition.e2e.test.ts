import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DashboardContextDocument,
  LiveAgentPreferencesDocument,
  OpenAlertsDocument,
  OverviewDocument,
  RecoveryEffectivenessDocument,
  VoiceOfCustomerDocument,
  type DashboardContextQuery,
  type LiveAgentPreferencesQuery,
  type OpenAlertsQuery,
  type OverviewQuery,
  type RecoveryEffectivenessQuery,
  type VoiceOfCustomerQuery,
} from '../src/lib/graphql/generated/graphql';
import { EXECUTIVE_CREDENTIALS, queryApi, signIn, startStack, type Stack } from './support/stack';

/*
 * The second edition of the dashboard in Chromium on the seeded demo (300 customers, May to October 2026):
 * custom dates, the alert filters, small samples, partial periods, the new views against the API, the
 * drill-through, what each role is shown, and the tablet layout. Screenshots of every page and state go to
 * test-results/dashboard/ (git-ignored).
 */
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/dashboard/', import.meta.url));
const WINDOW = '?from=2026-08-01&to=2026-10-31';
const API_WINDOW = { from: '2026-08-01T00:00:00Z', to: '2026-11-01T00:00:00Z' };
const PAGES = ['/', '/channels', '/segments', '/self-service', '/voice', '/recovery', '/alerts'];

let stack: Stack;
let page: Page;
let catalogue: DashboardContextQuery['measureCatalogue'];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startStack();
  page = await stack.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, stack.dashboardUrl);
  catalogue = (await queryApi<DashboardContextQuery>(stack, DashboardContextDocument.toString(), {}))
    .measureCatalogue;
});
afterAll(async () => {
  await stack?.close();
});

async function open(target: Page, path: string): Promise<void> {
  const response = await target.goto(`${stack.dashboardUrl}${path}`, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
}

async function shot(target: Page, name: string): Promise<void> {
  await target.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

const tile = (name: string) => page.locator(`[data-kpi="${name}"] [data-value]`).innerText();
const fixed = (value: number | null | undefined, digits: number) =>
  value == null
    ? '—'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function overview(filter: Record<string, unknown>) {
  return (
    await queryApi<OverviewQuery>(stack, OverviewDocument.toString(), { filter, compare: 'PREVIOUS_PERIOD' })
  ).overview;
}

describe('custom dates', () => {
  it('applies a From date picked in the calendar at once: URL, window and numbers', async () => {
    await open(page, '/');
    // A pick in the calendar sets the whole value with one change event, as fill() does.
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('from') === '2026-09-01'),
      page.locator('input[name=from]').fill('2026-09-01'),
    ]);
    const url = new URL(page.url());
    const to = url.searchParams.get('to')!;
    expect(url.searchParams.get('range')).toBeNull();
    expect(await page.locator('select[name=range]').inputValue()).toBe('custom');
    const api = await overview({ from: '2026-09-01T00:00:00Z', to: `${addDay(to)}T00:00:00Z` });
    await expect.poll(() => tile('nps')).toBe(fixed(api.nps.current, 1));
    expect(await page.locator('.lede').first().innerText()).toContain(`2026-09-01 to ${to}`);
    await shot(page, 'custom-dates-calendar');
  });

  it('waits for a typed date to be whole: one load, never a year 0026', async () => {
    await open(page, `/${WINDOW}`);
    const loads: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('__data.json')) loads.push(request.url());
    });
    // Typing month, day and year digit by digit (focus starts on the month): the field holds and announces
    // 2026-09-01, 2026-09-15, 0002-09-15, 0020-09-15, 0202-09-15 on the way to 2026-09-15.
    await page.locator('input[name=from]').focus();
    await page.keyboard.type('09152026', { delay: 40 });
    await page.waitForURL((url) => url.searchParams.get('from') === '2026-09-15');
    await page.waitForLoadState('networkidle');
    expect(loads).toHaveLength(1);
    expect(loads.every((url) => !/from=0/.test(url))).toBe(true);
    expect(new URL(page.url()).searchParams.get('to')).toBe('2026-10-31');
  });

  it('refuses a From after To with a message, loading nothing', async () => {
    await open(page, `/${WINDOW}`);
    await page.locator('input[name=from]').fill('2026-12-01');
    await expect.poll(() => page.locator('.problem').innerText()).toBe('From must not be after To.');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2026-08-01');
  });
});

describe('alerts', () => {
  const unresolved = async (variables: Record<string, unknown>) =>
    (await queryApi<OpenAlertsQuery>(stack, OpenAlertsDocument.toString(), { first: 1, ...variables })).alerts
      .totalCount;
  // The page's count of matching alerts; a filter that matches none says so instead.
  const matching = async () => {
    if ((await page.locator('[data-matching]').count()) === 0) {
      expect(await page.getByText('No unresolved alert matches.').count()).toBe(1);
      return 0;
    }
    return Number((await page.locator('[data-matching]').innerText()).split(' ')[0]!.replace(/,/g, ''));
  };

  it('honours the period, tier and generation of the filter bar, and hides what does not apply', async () => {
    const window = { triggeredFrom: API_WINDOW.from, triggeredTo: API_WINDOW.to };
    await open(page, `/alerts${WINDOW}`);
    const all = await unresolved(window);
    expect(all).toBeGreaterThan(0);
    expect(await matching()).toBe(all);
    // Channel, region and comparison are not offered here, and the page says why.
    expect(await page.locator('select[name=channel]').count()).toBe(0);
    expect(await page.locator('[data-hidden-filters]').innerText()).toContain('do not apply');

    await open(page, `/alerts${WINDOW}&tier=VIP`);
    const vip = await unresolved({ ...window, tiers: ['VIP'] });
    expect(await matching()).toBe(vip);
    await open(page, `/alerts${WINDOW}&generation=BOOMER`);
    const boomers = await unresolved({ ...window, generations: ['BOOMER'] });
    expect(await matching()).toBe(boomers);
    await open(page, '/alerts?from=2026-10-25&to=2026-10-31');
    const lastWeek = await unresolved({ triggeredFrom: '2026-10-25T00:00:00Z', triggeredTo: API_WINDOW.to });
    expect(await page.locator('[data-matching], p.card').first().innerText()).toMatch(
      lastWeek === 0 ? /No unresolved alert/ : new RegExp(`^${lastWeek.toLocaleString('en-US')} `),
    );
    // Fewer than over three months, whatever the demo holds.
    expect(vip).toBeLessThan(all);
    expect(boomers).toBeLessThan(all);
    await shot(page, 'alerts-filtered');
  });

  it('opens from a customer page on that customer only, with the SLA counted from the event', async () => {
    const { alerts } = await queryApi<OpenAlertsQuery>(stack, OpenAlertsDocument.toString(), {
      first: 1,
      triggeredFrom: API_WINDOW.from,
      triggeredTo: API_WINDOW.to,
    });
    const first = alerts.nodes[0]!;
    await open(page, `/customers/${encodeURIComponent(first.customer.id)}`);
    await Promise.all([page.waitForURL(/\/alerts\?/), page.locator('[data-work-on-alerts]').click()]);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.get('customer')).toBe(first.customer.id);
    const own = await unresolved({ customerId: first.customer.id });
    expect(await matching()).toBe(own);
    expect(await page.locator('[data-customer-filter]').innerText()).toContain(first.customer.id);
    // Due one SLA after the event (the demo's events are months old), not after the import.
    const card = page.locator(`[data-alert="${first.id}"]`);
    expect(await card.locator('[data-event]').innerText()).toBe(
      `event ${first.triggeredAt.slice(0, 16).replace('T', ' ')} UTC`,
    );
    expect(Date.parse(first.dueAt) - Date.parse(first.triggeredAt)).toBeLessThanOrEqual(72 * 3_600_000);
    await shot(page, 'alerts-customer');
  });

  it('assigns an owner and adds a note, and shows the SLA performance the API reports', async () => {
    await open(page, `/alerts${WINDOW}`);
    const card = page.locator('[data-alert]').first();
    const id = await card.getAttribute('data-alert');
    await card.locator('input[name=owner]').fill('Dana Reyes');
    await card.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => card.locator('[data-owner]').innerText()).toBe('owner Dana Reyes');
    await card.locator('input[name=text]').fill('Left a voicemail');
    await card.getByRole('button', { name: 'Add note' }).click();
    // The trail is folded away; its text is there.
    await expect.poll(() => card.locator('details').textContent()).toContain('Left a voicemail');
    const stored = await queryApi<{ alert: { owner: string; history: { text: string | null }[] } }>(
      stack,
      'query ($id: ID!) { alert(id: $id) { owner history { text } } }',
      { id },
    );
    expect(stored.alert.owner).toBe('Dana Reyes');
    expect(stored.alert.history.map((e) => e.text)).toContain('Left a voicemail');
    const performance = await queryApi<{ alertMeasures: unknown[] }>(
      stack,
      'query ($w: AlertWindow) { alertMeasures(filter: $w, dimensions: [RULE, TIER]) { alerts } }',
      { w: API_WINDOW },
    );
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'How fast the loop closed' }),
    });
    expect(await table.locator('tbody tr').count()).toBe(performance.alertMeasures.length);
  });
});

describe('small samples, thin comparisons and partial periods', () => {
  it('greys a value on too few responses, says so in the API’s words, and flags the thin comparison', async () => {
    // One day: a few dozen responses at most in a 300-customer demo. The first October day whose NPS and the
    // day before it both have responses (so there is a change to flag), found through the API.
    const nps = catalogue.measures.find((m) => m.name === 'nps')!;
    let day: string | undefined;
    let api: Awaited<ReturnType<typeof overview>> | undefined;
    for (let date = 2; date <= 31 && !day; date++) {
      const from = `2026-10-${String(date).padStart(2, '0')}`;
      const to = new Date(Date.parse(`${from}T00:00:00Z`) + 86_400_000).toISOString();
      const candidate = await overview({ from: `${from}T00:00:00Z`, to });
      if (candidate.nps.delta != null) [day, api] = [from, candidate];
    }
    expect(day, 'an October day with NPS responses on it and the day before').toBeDefined();
    expect(api!.nps.sampleSize).toBeLessThan(nps.minimumSample!);
    await open(page, `/?from=${day}&to=${day}`);
    const card = page.locator('[data-kpi="nps"]');
    expect(await card.getAttribute('data-thin')).toBe('true');
    expect(await card.locator('[data-too-few]').innerText()).toBe(nps.tooFewLabel);
    expect(await card.locator('[data-n]').innerText()).toContain(`n = ${api!.nps.sampleSize}`);
    expect(await card.locator('[data-thin-comparison]').innerText()).toContain('Thin comparison');
    // A significance verdict on so few is not shown.
    expect(await card.locator('.badge').count()).toBe(0);
    await shot(page, 'overview-one-day-thin');
  });

  it('draws no full bar for a value on too few rows and lists n beside every value', async () => {
    await open(page, `/${WINDOW}`);
    const figure = page.locator('figure', { has: page.locator('#satisfaction-by-channel-title') });
    await figure.locator('summary').click();
    const header = await figure.locator('thead th').allInnerTexts();
    expect(header).toEqual(['Channel', 'NPS (NPS points (−100 to 100))', 'NPS: n (responses)']);
    const rows = await figure.locator('tbody tr').allInnerTexts();
    const min = catalogue.minimumSample;
    for (const row of rows) {
      const cells = row.split('\t');
      const n = Number(cells[2]!.replace(/,/g, ''));
      // Under the minimum the value carries the API's wording; the legend says how it is drawn.
      expect(cells[1]!.includes('too few')).toBe(n < min);
    }
    if (rows.some((row) => Number(row.split('\t')[2]!.replace(/,/g, '')) < min)) {
      expect(await figure.locator('[data-thin-legend]').count()).toBe(1);
    }
  });

  it('marks partial periods and clips the first week to the window', async () => {
    // 2026-08-06 is a Thursday: its week started on Monday 2026-08-03, before the window. 87 days: weekly.
    await open(page, '/?from=2026-08-06&to=2026-10-31');
    const figure = page.locator('figure', { has: page.locator('#nps-csat-trend-title') });
    expect(await figure.locator('h3').innerText()).toContain('per week');
    await figure.locator('summary').click();
    const labels = await figure.locator('tbody th').allInnerTexts();
    expect(labels[0]).toBe('2026-08-06 (partial)');
    // The week of Monday 2026-10-26 runs to 2026-11-01, one day past the window.
    expect(labels.at(-1)).toBe('2026-10-26 (partial)');
    expect(labels.slice(1, -1).every((label) => !label.includes('partial'))).toBe(true);
    expect(await figure.locator('[data-partial-legend]').count()).toBe(1);
    await shot(page, 'overview-partial-weeks');
  });

  it('follows the window length with the trend grain: daily to 31 days, weekly to six months, monthly beyond', async () => {
    for (const [search, grain] of [
      ['?from=2026-10-01&to=2026-10-31', 'per day'],
      ['?from=2026-05-01&to=2026-10-31', 'per week'],
      ['?from=2026-01-01&to=2026-10-31', 'per month'],
    ] as const) {
      await open(page, `/${search}`);
      expect(await page.locator('#nps-csat-trend-title').innerText()).toContain(grain);
    }
  });
});

describe('new views against the API', () => {
  it('shows true deflection beside containment and word-of-mouth reach with its trend', async () => {
    const api = await overview(API_WINDOW);
    await open(page, `/${WINDOW}`);
    expect(await tile('deflection')).toBe(`${fixed(api.deflectionRate.current, 1)}%`);
    expect(await tile('true-deflection')).toBe(`${fixed(api.trueDeflectionRate.current, 1)}%`);
    expect(await tile('wom-reach')).toBe(fixed(api.womReach.current, 0));
    expect(api.womReach.current).toBeGreaterThan(0);
    expect(await page.locator('#wom-reach-trend-title').count()).toBe(1);
  });

  it('Voice of the customer lists the API’s reasons and phrases and opens the comments behind a phrase', async () => {
    const { recurringCauses } = await queryApi<VoiceOfCustomerQuery>(
      stack,
      VoiceOfCustomerDocument.toString(),
      {
        filter: API_WINDOW,
        grain: 'WEEK',
        top: 20,
      },
    );
    await open(page, `/voice${WINDOW}`);
    const reasons = page.locator('table', {
      has: page.locator('caption', { hasText: 'Reasons, most contacts' }),
    });
    const first = recurringCauses.reasons[0]!;
    const cells = (await reasons.locator('tbody tr').first().innerText()).split('\t');
    expect(cells[1]).toBe(first.contacts.toLocaleString('en-US'));
    expect(cells[0]).not.toMatch(/_/);
    expect(await page.locator('[data-detractor-comments]').innerText()).toContain(
      recurringCauses.detractorComments.toLocaleString('en-US'),
    );
    await shot(page, 'voice');
    const phrase = recurringCauses.detractorPhrases?.[0];
    if (phrase) {
      const phrases = page.locator('table', { has: page.locator('caption', { hasText: /^Phrases$/ }) });
      await Promise.all([page.waitForURL(/\/rows\?/), phrases.locator('tbody a').first().click()]);
      await page.waitForLoadState('networkidle');
      const url = new URL(page.url());
      expect(url.searchParams.get('phrase')).toBe(phrase.term);
      const api = await queryApi<{ surveyResponses: { totalCount: number } }>(
        stack,
        'query ($f: SurveyResponseFilter) { surveyResponses(filter: $f) { totalCount } }',
        { f: { ...API_WINDOW, types: ['NPS'], maxScore: 6, commentContains: phrase.term } },
      );
      // Each analysed comment holding the phrase is one of these rows.
      expect(api.surveyResponses.totalCount).toBeGreaterThanOrEqual(phrase.comments);
      expect(await page.locator('[data-total]').innerText()).toContain(
        `${api.surveyResponses.totalCount.toLocaleString('en-US')} rows`,
      );
      await shot(page, 'rows-behind-phrase');
    }
  });

  it('Recovery & exceptions shows the API’s groups, cost in the configured currency', async () => {
    const { recoveryEffectiveness } = await queryApi<RecoveryEffectivenessQuery>(
      stack,
      RecoveryEffectivenessDocument.toString(),
      { filter: API_WINDOW },
    );
    await open(page, `/recovery${WINDOW}`);
    const cost = recoveryEffectiveness.byRecovery.reduce((sum, g) => sum + g.recompenseCost, 0);
    expect(await tile('recompense-cost')).toBe(
      cost.toLocaleString('en-US', {
        style: 'currency',
        currency: catalogue.currency,
        maximumFractionDigits: 0,
      }),
    );
    const byRecovery = page.locator('table', { has: page.locator('caption', { hasText: 'By recovery' }) });
    expect(await byRecovery.locator('tbody tr').count()).toBe(recoveryEffectiveness.byRecovery.length);
    await shot(page, 'recovery');
  });

  it('lists the customers routed to a live agent, and sets and clears the preference on a customer page', async () => {
    const list = async () =>
      (
        await queryApi<LiveAgentPreferencesQuery>(stack, LiveAgentPreferencesDocument.toString(), {
          first: 1,
        })
      ).liveAgentPreferences.totalCount;
    const before = await list();
    await open(page, `/self-service${WINDOW}`);
    if (before > 0) {
      expect(await page.locator('[data-live-agent-count]').innerText()).toMatch(
        new RegExp(`^${before.toLocaleString('en-US')} customers`),
      );
    }
    const customer = 'C0000002';
    const routing = async () =>
      (
        await queryApi<{ routingAdvice: { skipSelfService: boolean } }>(
          stack,
          'query ($id: ID!) { routingAdvice(customerId: $id) { skipSelfService } }',
          { id: customer },
        )
      ).routingAdvice.skipSelfService;
    await open(page, `/customers/${customer}`);
    if (await routing()) {
      await page.getByRole('button', { name: 'Clear the live-agent preference' }).click();
      await expect.poll(routing).toBe(false);
    }
    await page.locator('input[name=reason]').fill('Asked for a person, not the bot');
    await page.getByRole('button', { name: 'Route to a live agent' }).click();
    await expect.poll(routing).toBe(true);
    await expect.poll(() => page.locator('[data-routing]').innerText()).toContain('Asked for a person');
    await shot(page, 'customer-live-agent');
    await page.getByRole('button', { name: 'Clear the live-agent preference' }).click();
    await expect.poll(routing).toBe(false);
  });
});

describe('drill-through', () => {
  it('opens the rows behind a chart bar with the same filters, a page at a time', async () => {
    await open(page, `/voice${WINDOW}&tier=STANDARD`);
    const canvas = page.locator('figure', { has: page.locator('#reasons-title') }).locator('canvas[width]');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    // The biggest reason is the top bar: walk down the chart's left half until a click lands on it.
    for (let y = 10; y < box.height / 2 && !page.url().includes('/rows'); y += 8) {
      await page.mouse.click(box.x + box.width * 0.45, box.y + y);
      await page.waitForTimeout(150);
    }
    await page.waitForURL(/\/rows\?/);
    await page.waitForLoadState('networkidle');
    const url = new URL(page.url());
    expect(url.searchParams.get('kind')).toBe('contacts');
    expect(url.searchParams.get('tier')).toBe('STANDARD');
    expect(url.searchParams.get('from')).toBe('2026-08-01');
    const reason = url.searchParams.get('reason');
    const api = await queryApi<{ contacts: { totalCount: number } }>(
      stack,
      'query ($f: ContactFilter) { contacts(filter: $f) { totalCount } }',
      { f: { ...API_WINDOW, tiers: ['STANDARD'], reasons: reason ? [reason] : null } },
    );
    expect(await page.locator('[data-total]').innerText()).toBe(
      `${api.contacts.totalCount.toLocaleString('en-US')} rows; ${Math.min(50, api.contacts.totalCount)} on this page.`,
    );
    await shot(page, 'rows-behind-bar');
    if (api.contacts.totalCount > 50) {
      await Promise.all([page.waitForURL(/after=/), page.getByRole('link', { name: 'Next page' }).click()]);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('tbody tr').count()).toBe(Math.min(50, api.contacts.totalCount - 50));
    }
  });
});

/** Clicks the chart titled `titleId` at each point (fractions of its canvas) until one opens /rows. */
async function clickChartUntilRows(titleId: string, points: [number, number][]): Promise<URL> {
  const canvas = page.locator('figure', { has: page.locator(`#${titleId}`) }).locator('canvas[width]');
  await canvas.waitFor();
  // Mouse clicks land in the viewport: bring the chart into it first.
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  for (const [x, y] of points) {
    if (page.url().includes('/rows')) break;
    await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await page.waitForTimeout(150);
  }
  await page.waitForURL(/\/rows\?/);
  await page.waitForLoadState('networkidle');
  return new URL(page.url());
}

/** The count /rows shows, against the API's totalCount for the same filters. */
async function expectRowsTotal(total: number): Promise<void> {
  expect(await page.locator('[data-total]').innerText()).toBe(
    `${total.toLocaleString('en-US')} rows; ${Math.min(50, total)} on this page.`,
  );
}

/** The API window of /rows's from and to (last day inclusive). */
function windowOf(url: URL): { from: string; to: string } {
  return {
    from: `${url.searchParams.get('from')}T00:00:00Z`,
    to: `${addDay(url.searchParams.get('to')!)}T00:00:00Z`,
  };
}

describe('drill-through from every kind of chart', () => {
  const across = (y: number): [number, number][] =>
    Array.from({ length: 40 }, (_, i): [number, number] => [0.1 + i * 0.02, y]);
  const down = (x: number, from: number): [number, number][] =>
    Array.from({ length: 40 }, (_, i): [number, number] => [x, from + i * 0.015]);

  it('opens the responses of a trend point’s period, as many as the API counts', async () => {
    await open(page, `/${WINDOW}&tier=STANDARD`);
    // Any click in a line chart picks the nearest point: the middle of the plot.
    const url = await clickChartUntilRows('nps-csat-trend-title', [
      [0.5, 0.5],
      [0.6, 0.5],
      [0.4, 0.4],
    ]);
    expect(url.searchParams.get('kind')).toBe('responses');
    expect(url.searchParams.get('type')).toBe('NPS');
    expect(url.searchParams.get('tier')).toBe('STANDARD');
    // A week of the 92-day window (weekly grain), inside the window.
    const { from, to } = { from: url.searchParams.get('from')!, to: url.searchParams.get('to')! };
    expect(from >= '2026-08-01' && to <= '2026-10-31' && from <= to).toBe(true);
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBeLessThan(7);
    const api = await queryApi<{ surveyResponses: { totalCount: number } }>(
      stack,
      'query ($f: SurveyResponseFilter) { surveyResponses(filter: $f) { totalCount } }',
      { f: { ...windowOf(url), tiers: ['STANDARD'], types: ['NPS'] } },
    );
    await expectRowsTotal(api.surveyResponses.totalCount);
    await shot(page, 'rows-behind-trend-point');
  });

  it('opens the sessions of a funnel stage, as many as the funnel counts', async () => {
    await open(page, `/self-service${WINDOW}`);
    // Below the first two stages (all sessions, engaged), near the bars' start: the first stage hit.
    const url = await clickChartUntilRows('funnel-all-title', down(0.3, 0.3));
    expect(url.searchParams.get('kind')).toBe('sessions');
    const outcome = url.searchParams.get('outcome');
    const stage = url.searchParams.get('stage');
    expect(outcome ?? stage).not.toBeNull();
    const filter = {
      ...API_WINDOW,
      outcomes: outcome ? [outcome] : null,
      minSteps: stage === 'engaged' ? 2 : null,
      trulyDeflected: stage === 'trulyDeflected' ? true : null,
      escalationResolved: stage === 'escalationResolved' ? true : null,
      backfired: stage === 'backfired' ? true : null,
    };
    const api = await queryApi<{
      selfServiceSessions: { totalCount: number };
      deflectionFunnel: Record<string, number>[];
    }>(
      stack,
      `query ($f: SelfServiceSessionFilter, $m: MetricFilter) {
        selfServiceSessions(filter: $f) { totalCount }
        deflectionFunnel(filter: $m) { engagedSessions resolvedSessions trulyDeflectedSessions abandonedSessions escalatedSessions
          escalationResolvedSessions backfiredSessions }
      }`,
      { f: filter, m: API_WINDOW },
    );
    await expectRowsTotal(api.selfServiceSessions.totalCount);
    // The rows are the stage's bar: the funnel's own count of it.
    const field = stage ? `${stage}Sessions` : `${outcome!.toLowerCase()}Sessions`;
    expect(api.selfServiceSessions.totalCount).toBe(api.deflectionFunnel[0]![field]);
    await shot(page, 'rows-behind-funnel-stage');
  });

  it('opens the customers behind a churn bar, who left in the window', async () => {
    await open(page, `/risk${WINDOW}`);
    // Bars rise from the axis: walk along just above it.
    const url = await clickChartUntilRows('churn-by-generation-title', [...across(0.8), ...across(0.72)]);
    expect(url.searchParams.get('kind')).toBe('churned');
    const generation = url.searchParams.get('generation');
    expect(generation).not.toBeNull();
    const api = await queryApi<{ customers: { totalCount: number } }>(
      stack,
      'query ($f: CustomerFilter) { customers(filter: $f) { totalCount } }',
      { f: { generations: [generation], churnedFrom: API_WINDOW.from, churnedTo: API_WINDOW.to } },
    );
    await expectRowsTotal(api.customers.totalCount);
    await shot(page, 'rows-behind-churn-bar');
  });

  it('draws the recovery trend the API gives and opens the contacts of a point', async () => {
    const { recoveryEffectiveness } = await queryApi<RecoveryEffectivenessQuery>(
      stack,
      RecoveryEffectivenessDocument.toString(),
      { filter: API_WINDOW, grain: 'WEEK' },
    );
    const points = recoveryEffectiveness.trend.points;
    await open(page, `/recovery${WINDOW}`);
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'NPS in the 14 days after, per week' }),
    });
    expect(await table.locator('tbody tr').count()).toBe(points.length);
    // n beside every point: the API's responses of the apology group in the first period.
    // The table sits in a closed <details>: read its cells' text.
    const first = (await table.locator('tbody tr').first().locator('th, td').allTextContents()).map((cell) =>
      cell.trim(),
    );
    expect(first[0]).toBe(`${points[0]!.period.slice(0, 10)}${points[0]!.partial ? ' (partial)' : ''}`);
    expect(first[2]).toBe(points[0]!.byRecovery[0]!.npsResponsesAfter.toLocaleString('en-US'));
    const url = await clickChartUntilRows('recovery-contacts-trend-title', [
      [0.5, 0.5],
      [0.6, 0.6],
      [0.4, 0.3],
    ]);
    expect(url.searchParams.get('kind')).toBe('contacts');
    const recovery = url.searchParams.get('recovery');
    expect(['APOLOGY', 'PERKS_ONLY', 'NEITHER']).toContain(recovery);
    const api = await queryApi<{ contacts: { totalCount: number } }>(
      stack,
      'query ($f: ContactFilter) { contacts(filter: $f) { totalCount } }',
      { f: { ...windowOf(url), recovery } },
    );
    await expectRowsTotal(api.contacts.totalCount);
    // The point's own count.
    const point = points.find((p) => p.period.slice(0, 10) === url.searchParams.get('from'));
    expect(point?.byRecovery.find((g) => g.group === recovery)?.contacts).toBe(api.contacts.totalCount);
    await shot(page, 'rows-behind-recovery-point');
  });
});

describe('roles', () => {
  it('shows an executive no button it may not use, and no personal data', async () => {
    const executive = await stack.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(executive, stack.dashboardUrl, EXECUTIVE_CREDENTIALS);
    await open(executive, `/alerts${WINDOW}`);
    expect(await executive.locator('[data-alert]').count()).toBeGreaterThan(0);
    for (const name of ['Acknowledge', 'Record call-back', 'Resolve', 'Assign', 'Add note']) {
      expect(await executive.getByRole('button', { name }).count(), name).toBe(0);
    }
    await shot(executive, 'alerts-executive');
    await open(executive, '/customers/C0000002');
    expect(await executive.getByRole('button', { name: /live agent|live-agent/ }).count()).toBe(0);
    await open(executive, `/rows${WINDOW}&kind=responses&type=NPS`);
    const comments = await executive.locator('tbody tr td:last-child').allInnerTexts();
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.every((text) => text === '(hidden for your role, or none)')).toBe(true);
    await executive.close();
  });
});

describe('tablet (820 × 1180)', () => {
  it('has no overflow, no clipped label, and a cue wherever a table hides columns', async () => {
    const tablet = await stack.browser.newPage({ viewport: { width: 820, height: 1180 } });
    await signIn(tablet, stack.dashboardUrl);
    for (const path of [...PAGES, `/rows${WINDOW}&kind=contacts`]) {
      await open(tablet, path.includes('?') ? path : `${path}${WINDOW}`);
      await tablet.waitForFunction(
        (n) => document.querySelectorAll('figure canvas[width]').length === n,
        await tablet.locator('figure canvas').count(),
      );
      const report = await tablet.evaluate(() => {
        const overflow = document.documentElement.scrollWidth - window.innerWidth;
        // Open every data table: their columns count too.
        for (const details of document.querySelectorAll('details')) details.open = true;
        const clippedLabels = [...document.querySelectorAll('h1, h2, h3, label, .kpi p, figcaption')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.textContent?.trim());
        const spilling = [...document.querySelectorAll('.chart-box .state')].filter((el) => {
          const box = el.parentElement!.getBoundingClientRect();
          const own = el.getBoundingClientRect();
          return own.bottom > box.bottom + 1 || own.right > box.right + 1;
        }).length;
        return { overflow, clippedLabels, spilling };
      });
      expect(report, path).toEqual({ overflow: 0, clippedLabels: [], spilling: 0 });
      // Give the tables' observers a frame after opening them, then: every clipped table has its cue.
      await tablet.waitForTimeout(100);
      const uncued = await tablet.evaluate(
        () =>
          [...document.querySelectorAll('.table-scroll')].filter(
            (box) =>
              box.scrollWidth > box.clientWidth + 1 &&
              (box as HTMLElement).offsetParent !== null &&
              !box.parentElement!.querySelector('[data-scroll-cue]'),
          ).length,
      );
      expect(uncued, path).toBe(0);
      await shot(tablet, `tablet${screenshotName(path.split('?')[0]!)}`);
    }
    await tablet.close();
  });
});

describe('screenshots', () => {
  it.each(PAGES)('%s at 1440 × 900', async (path) => {
    await open(page, `${path}${WINDOW}`);
    await page.waitForFunction(
      (n) => document.querySelectorAll('figure canvas[width]').length === n,
      await page.locator('figure canvas').count(),
    );
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await shot(page, `desktop${screenshotName(path)}`);
  });
});

/** "-channels" for /channels, "-overview" for /. */
function screenshotName(path: string): string {
  return path === '/' ? '-overview' : path.replace(/\W+/g, '-');
}

function addDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
