// Start-up times of the CLI and the API, for comparing how they run (compiled or through tsx):
//   node bench/startup.bench.js [runs]           from the api folder; CX_STARTUP_RUNTIME=tsx for the sources
// Reports the median of `runs` (default 5) of: `cx --help`; `cx keys create` (opens a migrated SQLite
// database); the API from spawn to its first answer on /health; and that first GraphQL request (a metric
// query, which loads the schema's resolvers and the metrics service the first time).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
/* global fetch */

const API = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 5);
const tsx = process.env.CX_STARTUP_RUNTIME === 'tsx';
const cli = tsx ? ['--import', 'tsx', 'src/cli.ts'] : ['dist/cli.js'];
const dir = mkdtempSync(join(tmpdir(), 'cx-startup-'));
const env = { ...process.env, CX_DATABASE_URL: `sqlite:${join(dir, 'cx.sqlite')}`, CX_API_PORT: '4391' };
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timeCli(args) {
  const started = performance.now();
  const output = execFileSync(process.execPath, [...cli, ...args], { cwd: API, env, encoding: 'utf8' });
  return { ms: performance.now() - started, output };
}

async function firstRequest(token) {
  const started = performance.now();
  const child = spawn(process.execPath, [...cli, 'serve'], { cwd: API, env, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        if ((await fetch('http://127.0.0.1:4391/health')).ok) break;
      } catch {
        // not listening yet
      }
      await setTimeout(10);
    }
    const ready = performance.now() - started;
    const before = performance.now();
    const response = await fetch('http://127.0.0.1:4391/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ metrics(dimensions: [CHANNEL]) { nps avgCsat } }' }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ready, request: performance.now() - before };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

try {
  const token = timeCli(['keys', 'create', '--role', 'analyst', '--name', 'bench'])
    .output.trim()
    .split('\n')
    .at(-1);
  const help = [];
  const keys = [];
  const ready = [];
  const request = [];
  for (let run = 0; run < runs; run++) {
    help.push(timeCli(['--help']).ms);
    keys.push(timeCli(['keys', 'create', '--role', 'analyst', '--name', `bench ${run}`]).ms);
    const first = await firstRequest(token);
    ready.push(first.ready);
    request.push(first.request);
  }
  const ms = (values) => `${Math.round(median(values))} ms`;
  console.log(`runtime: ${tsx ? 'tsx (sources)' : 'compiled (dist/)'}, median of ${runs}`);
  console.log(`cx --help:                 ${ms(help)}`);
  console.log(`cx keys create:            ${ms(keys)}`);
  console.log(`API spawn → /health 200:   ${ms(ready)}`);
  console.log(`API first GraphQL request: ${ms(request)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
