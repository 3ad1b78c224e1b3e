// Builds the dashboard when build/ is missing or was made from other sources, so that a fresh clone's
// `pnpm start` and the e2e tests always serve the current code without rebuilding when nothing changed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcesHash } from '../../scripts/sources-hash.js';

const DASHBOARD = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(DASHBOARD, 'build', '.sources-sha256');
const INPUTS = [
  'src',
  'static',
  'svelte.config.js',
  'vite.config.ts',
  'package.json',
  '../pnpm-lock.yaml',
  // Shared with the API (@cx-pulse/api/csv) and bundled into the dashboard.
  '../api/src/modules/export/csv.ts',
];

/** SHA-256 over the path and content of every file the build reads. */
const dashboardSourcesHash = () => sourcesHash(DASHBOARD, INPUTS);

export function buildIsCurrent() {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === dashboardSourcesHash();
}

/**
 * Runs `vite build` in the dashboard unless build/ matches the sources; resolves when it is current.
 * @param {{ log?: (message: string) => void }} [options]
 */
export async function ensureBuild({ log = console.log } = {}) {
  if (buildIsCurrent()) return;
  log('Building the dashboard (its sources changed or it was never built)…');
  const hash = dashboardSourcesHash();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(join(DASHBOARD, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: DASHBOARD,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`the dashboard build failed (exit code ${code})`);
  writeFileSync(STAMP, hash);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await ensureBuild();
