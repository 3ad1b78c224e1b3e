import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_ROWS_SHOWN, agentLabel, intervalText, teamLabel } from '../src/lib/agents';
import { formatCount, formatPercent } from '../src/lib/format';
import {
  AgentScorecardsDocument,
  CustomerHistoryDocument,
  DashboardContextDocument,
  ExceptionReviewDocument,
  SuperAgentsDocument,
  type AgentScorecardsQuery,
  type CustomerHistoryQuery,
  type DashboardContextQuery,
  type ExceptionReviewQuery,
  type SuperAgentsQuery,
} from '../src/lib/graphql/generated/graphql';
import {
  EXECUTIVE_CREDENTIALS,
  queryApi,
  signIn,
  startStack,
  SUPERVISOR_CREDENTIALS,
  type Stack,
} from './support/stack';

/*
 * The people side in Chromium on the seeded demo (300 customers, May to October 2026, with its agents, peer
 * approvals and reviews): the Agents page and the Exception review page against the API, what an executive
 * (no personal data, no review) and an admin see and may do, an admin's review, the pages of exceptions,
 * agent and peer in the customer history, and the tablet layout. Screenshots go to test-results/dashboard/.
 */
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/dashboard/', import.meta.url));
const WINDOW = '?from=2026-08-01&to=2026-10-31';
const API_WINDOW = { from: '2026-08-01T00:00:00Z', to: '2026-11-01T00:00:00Z' };

let stack: Stack;
let admin: Page;
let executive: Page;
let minSample: number;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startStack();
  admin = await stack.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(admin, stack.dashboardUrl);
  executive = await stack.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(executive, stack.dashboardUrl, EXECUTIVE_CREDENTIALS);
  minSample = (await queryApi<DashboardContextQuery>(stack, DashboardContextDocument.toString(), {}))
    .measureCatalogue.minimumSample;
});
afterAll(async () => {
  await stack?.close();
});

async function open(target: Page, path: string): Promise<void> {
  const response = await target.goto(`${stack.dashboardUrl}${path}`, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
}
const shot = (target: Page, name: string) =>
  target.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
const kpi = (target: Page, name: string) => target.locator(`[data-kpi="${name}"] [data-value]`).innerText();
/** The cells of a data table's body rows, as the reader sees them. */
const tableRows = (target: Page, table: string) =>
  target
    .locator(`[data-table="${table}"] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );

describe('Agents', () => {
  it('shows the scorecards and the ranking the API computes, intervals as bars and text', async () => {
    const [cards, ranking] = await Promise.all([
      queryApi<AgentScorecardsQuery>(stack, AgentScorecardsDocument.toString(), {
        filter: API_WINDOW,
        minSample,
      }),
      queryApi<SuperAgentsQuery>(stack, SuperAgentsDocument.toString(), { filter: API_WINDOW, minSample }),
    ]);
    expect(cards.agents.length).toBeGreaterThan(1);
    await open(admin, `/agents${WINDOW}`);
    expect(await admin.locator('h1').innerText()).toBe('Agents');
    expect(await admin.locator('[role=alert]').count()).toBe(0);
    // Tiles.
    const agentRanking = ranking.agentRanking;
    expect(await kpi(admin, 'hard-contacts')).toBe(formatCount(agentRanking.contacts));
    expect(await kpi(admin, 'hard-resolution')).toBe(formatPercent(agentRanking.resolutionRate));
    expect(await kpi(admin, 'super-agents')).toBe(
      formatCount(agentRanking.rows.filter((row) => row.verdict === 'SUPER_AGENT').length),
    );
    // Team scorecards: every team, its contacts, FCR and CSAT with n, greyed under the minimum.
    const teams = await tableRows(admin, 'scorecards-team');
    expect(teams.map((row) => row[0])).toEqual(cards.teams.map((team) => teamLabel(team.team)));
    cards.teams.forEach((team, i) => {
      expect(teams[i]![2]).toBe(formatCount(team.contacts));
      expect(teams[i]![4]).toContain(formatPercent(team.fcrRate));
      expect(teams[i]![9]).toContain(`n = ${formatCount(team.csatResponses)}`);
      expect(teams[i]![9]!.includes('too few')).toBe(team.csatResponses < minSample && team.avgCsat != null);
    });
    // The demo's hundreds of agents: the first AGENT_ROWS_SHOWN, every one after "Show all".
    const agentNames = cards.agents.map((a) => agentLabel(a.agentId, a.agentName));
    expect(cards.agents.length).toBeGreaterThan(AGENT_ROWS_SHOWN);
    expect((await tableRows(admin, 'scorecards-agent')).map((row) => row[0])).toEqual(
      agentNames.slice(0, AGENT_ROWS_SHOWN),
    );
    expect(await admin.locator('[data-show-all]').innerText()).toBe(
      `Show all ${formatCount(cards.agents.length)} agents`,
    );
    await admin.click('[data-show-all]');
    const agents = await tableRows(admin, 'scorecards-agent');
    expect(agents.map((row) => row[0])).toEqual(agentNames);
    // Handle time in human units, never raw seconds above two minutes.
    expect(agents.map((row) => row[7]).filter((cell) => /\d{3,} s$/.test(cell!))).toEqual([]);
    const muted = await admin
      .locator('[data-table="scorecards-agent"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.classList.contains('muted')));
    expect(muted).toEqual(cards.agents.map((a) => a.contactsTooFew));
    await admin.click('[data-show-all]');
    expect(await admin.locator('[data-table="scorecards-agent"] tbody tr').count()).toBe(AGENT_ROWS_SHOWN);
    // The ranking: one bar per agent in the API's order, its interval as text, the unranked drawn hollow.
    const listed = await admin.locator('[data-ranking="agent"] li').evaluateAll((items) =>
      items.map((item) => ({
        verdict: item.getAttribute('data-verdict'),
        thin: item.classList.contains('thin'),
        text: (item.querySelector('[data-interval-text]')?.textContent ?? '').trim(),
        label: item.querySelector('svg')!.getAttribute('aria-label'),
      })),
    );
    expect(listed.map((item) => item.verdict)).toEqual(agentRanking.rows.map((row) => row.verdict));
    agentRanking.rows.forEach((row, i) => {
      expect(listed[i]!.text).toBe(
        `${formatPercent(row.resolutionRate)} (${intervalText(row.resolutionLow, row.resolutionHigh)})`,
      );
      expect(listed[i]!.thin).toBe(row.verdict === 'TOO_FEW');
    });
    expect(listed[0]!.label).toContain('95% interval');
    const after = await tableRows(admin, 'after-team');
    expect(after.map((row) => row[2])).toEqual(
      ranking.teamRanking.rows.map((row) => formatCount(row.contacts)),
    );
    // Both charts drawn.
    await admin.waitForFunction(() => document.querySelectorAll('figure canvas[width]').length === 2);
    await shot(admin, 'agents');
  });

  it('masks agent names for an executive, who sees ids only', async () => {
    const cards = await queryApi<AgentScorecardsQuery>(stack, AgentScorecardsDocument.toString(), {
      filter: API_WINDOW,
      minSample,
    });
    const named = cards.agents.find((a) => a.agentName);
    expect(named).toBeDefined();
    await open(executive, `/agents${WINDOW}`);
    const text = await executive.locator('main').innerText();
    expect(text).toContain(named!.agentId!);
    expect(text).not.toContain(named!.agentName!);
    await open(admin, `/agents${WINDOW}`);
    expect(await admin.locator('main').innerText()).toContain(`${named!.agentName} (${named!.agentId})`);
  });

  it('downloads the agent scorecards as CSV at full precision', async () => {
    await open(admin, `/agents${WINDOW}`);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.click('[data-csv="scorecards-by-agent"]'),
    ]);
    expect(download.suggestedFilename()).toBe('scorecards-by-agent.csv');
    // Every agent's row, not only the ones the collapsed table shows, each starting with its agent id.
    const cards = await queryApi<AgentScorecardsQuery>(stack, AgentScorecardsDocument.toString(), {
      filter: API_WINDOW,
      minSample,
    });
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines.slice(1).map((line) => line.replace(/^\uFEFF/, '').split(',')[0])).toEqual(
      cards.agents.map((a) => a.agentId ?? ''),
    );
  });
});

describe('Exception review', () => {
  const review = (variables: Record<string, unknown> = {}) =>
    queryApi<ExceptionReviewQuery>(stack, ExceptionReviewDocument.toString(), {
      window: API_WINDOW,
      filter: API_WINDOW,
      first: 25,
      ...variables,
    });

  it('shows the report and the list as the API has them, with no review buttons for an executive', async () => {
    const api = await review();
    expect(api.exceptionReport.exceptions).toBeGreaterThan(0);
    await open(executive, `/exceptions${WINDOW}`);
    expect(await executive.locator('h1').innerText()).toBe('Exception review');
    expect(await kpi(executive, 'exceptions')).toBe(formatCount(api.exceptionReport.exceptions));
    expect(await kpi(executive, 'peer-approved')).toBe(formatPercent(api.exceptionReport.peerApprovedPct));
    expect(await kpi(executive, 'reviewed')).toBe(formatCount(api.exceptionReport.reviewed));
    expect(await kpi(executive, 'corrected')).toBe(formatPercent(api.exceptionReport.correctedRate));
    const outcomes = await tableRows(executive, 'exception-outcomes');
    expect(outcomes[0]).toContain(formatCount(api.exceptionReport.outOfPolicy.contacts));
    expect(outcomes[1]).toContain(formatCount(api.exceptionReport.withinPolicyRecoveries.contacts));
    expect(
      await executive
        .locator('[data-exception]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-exception'))),
    ).toEqual(api.exceptions.nodes.map((node) => node.contactId));
    expect(await executive.locator('[data-review-form]').count()).toBe(0);
    expect(await executive.locator('[data-read-only]').count()).toBe(1);
    await shot(executive, 'exceptions-executive');
  });

  it('names the approving peer for an admin, and only by id for an executive', async () => {
    const api = await review();
    const approved = api.exceptions.nodes.find((node) => node.approvedBy && node.approver?.name);
    expect(approved).toBeDefined();
    const approver = (target: Page) =>
      target.locator(`[data-exception="${approved!.contactId}"] [data-approver]`).innerText();
    await open(admin, `/exceptions${WINDOW}`);
    expect(await approver(admin)).toBe(
      `${agentLabel(approved!.approvedBy, approved!.approver!.name)} · ${teamLabel(approved!.approver!.team)}`,
    );
    await open(executive, `/exceptions${WINDOW}`);
    expect(await approver(executive)).toBe(
      `${approved!.approvedBy} · ${teamLabel(approved!.approver!.team)}`,
    );
  });

  it("gives a supervisor the review buttons and the agents' names", async () => {
    const api = await review();
    const supervisor = await stack.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(supervisor, stack.dashboardUrl, SUPERVISOR_CREDENTIALS);
    await open(supervisor, `/exceptions${WINDOW}`);
    expect(await supervisor.locator('[data-read-only]').count()).toBe(0);
    const pending = api.exceptions.nodes.filter((node) => node.reviewStatus === 'PENDING');
    expect(await supervisor.locator('[data-review-form]').count()).toBe(pending.length);
    const named = api.exceptions.nodes.find((node) => node.agentName);
    expect(named).toBeDefined();
    expect(
      await supervisor.locator(`[data-exception="${named!.contactId}"] [data-agent]`).innerText(),
    ).toContain(agentLabel(named!.agentId, named!.agentName));
    await shot(supervisor, 'exceptions-supervisor');
    await supervisor.close();
  });

  it('pages through the exceptions by the API cursor', async () => {
    // The whole demo, 5 per page: more than one page.
    const demo = { from: '2026-05-01T00:00:00Z', to: '2026-11-01T00:00:00Z' };
    const first = await review({ window: demo, filter: demo, first: 5 });
    expect(first.exceptions.pageInfo.hasNextPage).toBe(true);
    const second = await review({
      window: demo,
      filter: demo,
      first: 5,
      after: first.exceptions.pageInfo.endCursor,
    });
    await open(admin, '/exceptions?from=2026-05-01&to=2026-10-31&size=5');
    expect(
      await admin
        .locator('[data-exception]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-exception'))),
    ).toEqual(first.exceptions.nodes.map((node) => node.contactId));
    expect(await admin.locator('[data-first-page]').count()).toBe(0);
    await Promise.all([
      admin.waitForURL((url) => url.searchParams.has('after')),
      admin.click('[data-next-page]'),
    ]);
    await admin.waitForLoadState('networkidle');
    expect(
      await admin
        .locator('[data-exception]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-exception'))),
    ).toEqual(second.exceptions.nodes.map((node) => node.contactId));
    expect(await admin.locator('[data-first-page]').count()).toBe(1);
  });

  it('lets an admin correct a pending exception with a note, and shows the outcome', async () => {
    const pending = await review({ filter: { ...API_WINDOW, statuses: ['PENDING'] } });
    const target = pending.exceptions.nodes[0];
    expect(target).toBeDefined();
    const before = await review();
    await open(admin, `/exceptions${WINDOW}&status=PENDING`);
    const item = admin.locator(`[data-exception="${target!.contactId}"]`);
    await item.locator('input[name=note]').fill('Refund beyond policy: the customer was double charged.');
    await item.locator('button[value=CORRECTED]').click();
    await admin.waitForLoadState('networkidle');
    // The list is reloaded: the exception has left the pending list; the API and the page say CORRECTED.
    await expect
      .poll(async () =>
        (
          await review({ filter: { ...API_WINDOW, statuses: ['CORRECTED'] }, first: 100 })
        ).exceptions.nodes.map((n) => n.contactId),
      )
      .toContain(target!.contactId);
    await open(admin, `/exceptions${WINDOW}&status=CORRECTED`);
    const reviewed = admin.locator(`[data-exception="${target!.contactId}"]`);
    expect(await reviewed.getAttribute('data-status')).toBe('CORRECTED');
    expect(await reviewed.locator('[data-review]').innerText()).toContain('Refund beyond policy');
    expect(await reviewed.locator('[data-review-form]').count()).toBe(0);
    expect(await kpi(admin, 'reviewed')).toBe(formatCount(before.exceptionReport.reviewed + 1));
    await shot(admin, 'exceptions-reviewed');
  });
});

describe('customer history', () => {
  it('names the agent and the approving peer of each contact, masked for an executive', async () => {
    // The newest exception with an approving peer and a named agent.
    let approved: ExceptionReviewQuery['exceptions']['nodes'][number] | undefined;
    let after: string | null = null;
    do {
      const page: ExceptionReviewQuery = await queryApi<ExceptionReviewQuery>(
        stack,
        ExceptionReviewDocument.toString(),
        { filter: {}, first: 100, after },
      );
      approved = page.exceptions.nodes.find((node) => node.approvedBy && node.agentName);
      after = page.exceptions.pageInfo.hasNextPage ? page.exceptions.pageInfo.endCursor : null;
    } while (!approved && after);
    expect(approved).toBeDefined();
    const history = await queryApi<CustomerHistoryQuery>(stack, CustomerHistoryDocument.toString(), {
      id: approved!.customerId,
      last: 200,
    });
    const contact = history.customer!.timeline.find(
      (event) => event.__typename === 'Contact' && event.id === approved!.contactId,
    );
    expect(contact?.__typename).toBe('Contact');
    if (contact?.__typename !== 'Contact') return;
    const path = `/customers/${encodeURIComponent(approved!.customerId)}`;
    await open(admin, path);
    const adminText = await admin.locator('main').innerText();
    expect(adminText).toContain(`agent ${agentLabel(contact.agentId, contact.agent?.name)}`);
    expect(adminText).toContain(`approved by ${agentLabel(contact.approvedBy, contact.approver?.name)}`);
    await shot(admin, 'customer-agents');
    await open(executive, path);
    const executiveText = await executive.locator('main').innerText();
    expect(executiveText).toContain(`agent ${contact.agentId}`);
    expect(executiveText).toContain(`approved by ${contact.approvedBy}`);
    if (contact.agent?.name) expect(executiveText).not.toContain(contact.agent.name);
  });
});

describe('tablet (820 × 1180)', () => {
  it.each(['/agents', '/exceptions'])(
    '%s has no overflow and a cue wherever a table hides columns',
    async (path) => {
      const tablet = await stack.browser.newPage({ viewport: { width: 820, height: 1180 } });
      await signIn(tablet, stack.dashboardUrl);
      await open(tablet, `${path}${WINDOW}`);
      await tablet.waitForFunction(
        (n) => document.querySelectorAll('figure canvas[width]').length === n,
        await tablet.locator('figure canvas').count(),
      );
      const report = await tablet.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          clippedLabels: [...document.querySelectorAll('h1, h2, h3, label, figcaption, [data-interval-text]')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.textContent?.trim()),
        };
      });
      expect(report).toEqual({ overflow: 0, clippedLabels: [] });
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
      expect(uncued).toBe(0);
      await shot(tablet, `tablet${path.replace(/\W+/g, '-')}`);
      await tablet.close();
    },
  );
});
