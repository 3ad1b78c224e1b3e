import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureBuild } from '../../scripts/ensure-build.js';
import { freePort } from '../../../api/test/support/cli';
import { exitCode, startNode, stop, waitForOutput } from './processes';

const DASHBOARD_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const API_ROOT = fileURLToPath(new URL('../../../api/', import.meta.url));

/** Debian's Chromium, installed by the project's setup (.ci/run); never a browser download. */
const CHROMIUM = process.env.CX_E2E_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** The demo the tests run on: small, and fixed in time so that every run sees the same numbers. */
export const DEMO = { customers: 300, months: 6, until: '2026-11-01' };

export interface Stack {
  apiUrl: string;
  /** A session token of the e2e ADMIN for direct API calls. */
  apiToken: string;
  dashboardUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real thing, end to end: the API's CLI serving a scratch SQLite database seeded with the demo, the
 * built dashboard (adapter-node) pointed at it, and headless Chromium.
 */
export async function startStack(): Promise<Stack> {
  const scratch = mkdtempSync(join(tmpdir(), 'cx-dashboard-e2e-'));
  // The secret with which the dashboard vouches for browsers' addresses (as `pnpm start` sets it).
  const clientAddressSecret = randomBytes(24).toString('base64url');
  const env = {
    CX_DATABASE_URL: `sqlite:${join(scratch, 'cx.sqlite')}`,
    CX_CLIENT_ADDRESS_SECRET: clientAddressSecret,
  };
  const processes: ChildProcess[] = [];
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await Promise.all(processes.map(stop));
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const cli = (args: string[], input?: string) =>
      startNode(['--import', 'tsx', 'src/cli.ts', ...args], API_ROOT, env, input);
    const [, seed] = await Promise.all([
      ensureBuild({ log: () => undefined }),
      (async () => {
        const child = cli([
          'seed',
          '--customers',
          `${DEMO.customers}`,
          '--months',
          `${DEMO.months}`,
          '--until',
          DEMO.until,
        ]);
        processes.push(child);
        return exitCode(child);
      })(),
    ]);
    if (seed !== 0) throw new Error(`seeding the demo failed (exit code ${seed})`);
    // The ADMIN the tests act as, an executive (a role without write access) and a supervisor (reviews
    // exceptions, sees no customer's personal data), each created with `cx users create`.
    await Promise.all(
      [
        { ...CREDENTIALS, name: 'E2E admin', role: 'admin' },
        { ...EXECUTIVE_CREDENTIALS, name: 'E2E executive', role: 'executive' },
        { ...SUPERVISOR_CREDENTIALS, name: 'E2E supervisor', role: 'supervisor' },
      ].map(async ({ email, password, name, role }) => {
        const creation = cli(
          ['users', 'create', '--email', email, '--name', name, '--role', role, '--password-stdin'],
          password,
        );
        processes.push(creation);
        // Fails with the CLI's output when it exits without creating the user.
        await waitForOutput(creation, /Created user/);
      }),
    );
    const api = cli(['serve', '--port', '0']);
    processes.push(api);
    const [, apiPort] = await waitForOutput(api, /CX Pulse API: http:\/\/localhost:(\d+)\/graphql/);
    const apiUrl = `http://127.0.0.1:${apiPort}`;

    const port = await freePort();
    const dashboardUrl = `http://127.0.0.1:${port}`;
    const dashboard = startNode(['build/index.js'], DASHBOARD_ROOT, {
      CX_API_URL: apiUrl,
      CX_CLIENT_ADDRESS_SECRET: clientAddressSecret,
      HOST: '127.0.0.1',
      PORT: `${port}`,
      ORIGIN: dashboardUrl,
    });
    processes.push(dashboard);
    await waitForOutput(dashboard, /Listening on/);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    return { apiUrl, apiToken: await apiSession(apiUrl), dashboardUrl, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The ADMIN the tests sign in as: created on the scratch database with `pnpm cx users create` (the API
 * requires credentials). CX_E2E_EMAIL and CX_E2E_PASSWORD pick them; otherwise a fresh password per run.
 */
export const CREDENTIALS = {
  email: process.env.CX_E2E_EMAIL || 'e2e-admin@cx-pulse.local',
  password: process.env.CX_E2E_PASSWORD || randomBytes(18).toString('base64url'),
};

/** An EXECUTIVE of the scratch database: reads everything aggregated, changes nothing, sees no personal data. */
export const EXECUTIVE_CREDENTIALS = {
  email: 'e2e-executive@cx-pulse.local',
  password: randomBytes(18).toString('base64url'),
};

/** A SUPERVISOR of the scratch database: reviews exceptions, reads agents' names but no customer's personal data. */
export const SUPERVISOR_CREDENTIALS = {
  email: 'e2e-supervisor@cx-pulse.local',
  password: randomBytes(18).toString('base64url'),
};

/** Signs in to the API itself (POST /auth/login): the session for the tests' direct API calls. */
async function apiSession(apiUrl: string): Promise<string> {
  const response = await fetch(`${apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CREDENTIALS),
  });
  if (!response.ok) throw new Error(`POST /auth/login answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Signs in through the dashboard's login page, as a person would. */
export async function signIn(
  page: Page,
  dashboardUrl: string,
  credentials: { email: string; password: string } = CREDENTIALS,
): Promise<void> {
  // Straight away: the form keeps what is typed before the page hydrates (a test in dashboard.e2e.test.ts).
  await page.goto(`${dashboardUrl}/login`);
  await page.fill('input[name=email]', credentials.email);
  await page.fill('input[name=password]', credentials.password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('button[type=submit]')]);
}

/** Runs a GraphQL operation against the API directly: the numbers the dashboard must show. */
export async function queryApi<T>(
  stack: Pick<Stack, 'apiUrl' | 'apiToken'>,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${stack.apiToken}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
