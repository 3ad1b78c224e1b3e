import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
/** How often the API's resident memory is sampled. */
const RSS_SAMPLE_MS = 250;
const START_TIMEOUT_MS = 120_000;
const HEALTH_POLL_MS = 200;

/** `pnpm cx serve` in a child process, so that its memory is its own and load is sent from outside it. */
export interface ApiProcess {
  /** The GraphQL endpoint, on the loopback address. */
  graphqlUrl: string;
  pid: number;
  /** Highest resident memory seen since the start (bytes), or null where /proc is not available. */
  peakRssBytes(): number | null;
  stop(): Promise<void>;
}

/**
 * Starts the API on a free loopback port against `databaseUrl`, with `env` on top of this process's
 * environment (e.g. CX_RESULT_CACHE=off), and resolves once it listens. Rate limits are lifted: the
 * benchmark sends far more than one key's share per minute on purpose.
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const port = await freePort();
  // The compiled CLI (compiled first if its sources changed), as `pnpm start` runs it: the TypeScript
  // sources through tsx would add the loader's memory and compile time to every thread.
  const child = spawn(process.execPath, ['scripts/cx.js', 'serve', '--port', String(port)], {
    cwd: API_DIR,
    env: {
      // As `pnpm start` runs it (scripts/start.js): two malloc arenas, NODE_ENV=production.
      MALLOC_ARENA_MAX: '2',
      NODE_ENV: 'production',
      ...process.env,
      CX_DATABASE_URL: databaseUrl,
      CX_API_HOST: '127.0.0.1',
      CX_RATE_LIMIT_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
      ...env,
    },
    // Its request log would cost this process CPU to read while it sends the load: discarded.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running = false;
      resolve();
    }),
  );
  // The benchmark ending early (an error, SIGTERM) must not leave the API running.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  let peak: number | null = null;
  const sample = () => {
    const rss = residentBytes(child.pid!);
    if (rss !== null) peak = Math.max(peak ?? 0, rss);
  };
  const sampler = setInterval(sample, RSS_SAMPLE_MS);
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilHealthy(baseUrl, () => running);
    const graphqlUrl = `${baseUrl}/graphql`;
    return {
      graphqlUrl,
      pid: child.pid!,
      peakRssBytes: () => {
        sample();
        return peak;
      },
      stop: async () => {
        clearInterval(sampler);
        process.off('exit', killOnExit);
        child.kill('SIGTERM');
        await exited;
      },
    };
  } catch (error) {
    clearInterval(sampler);
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    throw error;
  }
}

/** A port nothing listens on now, for the child (the system picks it; released at once). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

/** Polls GET /health until it answers 200 (the API migrated and listens), the child exits, or time runs out. */
async function waitUntilHealthy(baseUrl: string, running: () => boolean): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (!running()) throw new Error('the API exited before it was ready');
    const healthy = await fetch(`${baseUrl}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await sleep(HEALTH_POLL_MS);
  }
  throw new Error(`the API did not start within ${START_TIMEOUT_MS / 1000} s`);
}

/** VmRSS of a process from /proc (Linux); null elsewhere or once the process is gone. */
function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
