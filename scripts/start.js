// `pnpm start`: the API (migrated, seeded with the demo when empty) and the dashboard together. Compiles the
// API and builds the dashboard first when needed, starts it once the API listens, prints both URLs, and stops both on Ctrl-C
// (or when either one stops).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ensureApiBuild } from '../api/scripts/build.js';
import { ensureBuild } from '../dashboard/scripts/ensure-build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.CX_API_PORT || '4000';
const dashboardPort = process.env.CX_DASHBOARD_PORT || '3000';
// The dashboard listens where the API does: loopback unless CX_API_HOST opens both to the network.
const host = process.env.CX_API_HOST || '127.0.0.1';
const loopback = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host);
const dashboardUrl = `http://${loopback ? 'localhost' : host}:${dashboardPort}`;

await ensureApiBuild({ log: console.log });
await ensureBuild();

// The dashboard passes each browser's address on to the API (sign-in and rate limits), vouched for by a
// secret the two share: one per run unless CX_CLIENT_ADDRESS_SECRET sets it.
process.env.CX_CLIENT_ADDRESS_SECRET ||= randomBytes(32).toString('base64url');

const children = new Map();
let stopping = false;

function stopAll(signal) {
  stopping = true;
  for (const child of children.keys())
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));

function run(name, args, options) {
  const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'inherit'] });
  children.set(child, name);
  child.on('exit', (code) => {
    // One of the two stopped on its own (a busy port, a failed migration): the other is no use alone.
    if (stopping) return;
    console.error(`${name} stopped (exit code ${code}); stopping the rest.`);
    process.exitCode = code || 1;
    stopAll('SIGTERM');
  });
  return child;
}

const api = run('The API', ['dist/cli.js', 'start', ...process.argv.slice(2)], {
  cwd: `${root}api`,
  // Two malloc arenas rather than glibc's eight per core: the API's threads (requests, the ingest writer,
  // file validation) otherwise keep freed memory in arenas of their own (live run: 413-447 -> 368-384 MB).
  // NODE_ENV=production: graphql-js then checks types with a plain instanceof (see docs/operations.md).
  env: {
    MALLOC_ARENA_MAX: '2',
    NODE_ENV: 'production',
    ...process.env,
    INIT_CWD: process.env.INIT_CWD || root,
  },
});
let dashboardStarted = false;
api.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!dashboardStarted && chunk.toString().includes('CX Pulse API:')) {
    dashboardStarted = true;
    startDashboard();
  }
});

function startDashboard() {
  const dashboard = run('The dashboard', ['build/index.js'], {
    cwd: `${root}dashboard`,
    env: {
      ...process.env,
      CX_API_URL: process.env.CX_API_URL || `http://127.0.0.1:${apiPort}`,
      HOST: host,
      PORT: dashboardPort,
      // The public origin: SvelteKit checks form posts against it; https here makes the session cookie Secure.
      ORIGIN: process.env.ORIGIN || dashboardUrl,
    },
  });
  dashboard.stdout.on('data', (chunk) => {
    if (chunk.toString().includes('Listening on')) console.log(`CX Pulse dashboard: ${dashboardUrl}`);
    else process.stdout.write(chunk);
  });
}
