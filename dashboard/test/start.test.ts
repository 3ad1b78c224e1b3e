import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../api/test/support/cli';
import { exitCode, startNode, stop, waitForOutput } from './support/processes';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'cx-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pnpm start', () => {
  it('serves the API and the dashboard together, prints both URLs, and Ctrl-C stops both', async () => {
    const [apiPort, dashboardPort] = [await freePort(), await freePort()];
    const start = startNode(['scripts/start.js', '--demo-customers', '40', '--demo-months', '1'], REPO_ROOT, {
      CX_DATABASE_URL: `sqlite:${join(scratch, 'cx.sqlite')}`,
      CX_API_PORT: `${apiPort}`,
      CX_DASHBOARD_PORT: `${dashboardPort}`,
      CX_DEMO_LOGIN_FILE: join(scratch, 'demo-login.json'),
    });
    try {
      const [output, email, password] = await waitForOutput(
        start,
        /Demo login \(ADMIN\): (\S+) \/ (\S+)[\s\S]*CX Pulse API: \S+[\s\S]*CX Pulse dashboard: \S+/,
        150_000,
      );
      expect(output).toContain(`CX Pulse API: http://localhost:${apiPort}/graphql`);
      expect(output).toContain(`CX Pulse dashboard: http://localhost:${dashboardPort}`);
      // The printed demo login signs in, and its session opens a dashboard page.
      const login = await fetch(`http://127.0.0.1:${apiPort}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const page = await fetch(`http://127.0.0.1:${dashboardPort}/channels`, {
        headers: { cookie: `cx_session=${token}` },
      });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<h1>Channels</h1>');

      const exited = exitCode(start);
      start.kill('SIGINT');
      await exited;
      for (const port of [apiPort, dashboardPort]) {
        await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
      }
    } finally {
      await stop(start);
    }
  }, 180_000);
});
