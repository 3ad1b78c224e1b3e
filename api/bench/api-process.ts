import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
/** How often the API's resident memory is sampled. */
const RSS_SAMPLE_MS = 250;
const START_TIMEOUT_MS = 120_000;

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--port', '0'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      CX_DATABASE_URL: databaseUrl,
      CX_API_HOST: '127.0.0.1',
      CX_RATE_LIMIT_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let peak: number | null = null;
  const sample = () => {
    const rss = residentBytes(child.pid!);
    if (rss !== null) peak = Math.max(peak ?? 0, rss);
  };
  const sampler = setInterval(sample, RSS_SAMPLE_MS);
  try {
    const graphqlUrl = await listeningUrl(child);
    return {
      graphqlUrl,
      pid: child.pid!,
      peakRssBytes: () => {
        sample();
        return peak;
      },
      stop: async () => {
        clearInterval(sampler);
        child.kill('SIGTERM');
        await exited;
      },
    };
  } catch (error) {
    clearInterval(sampler);
    child.kill('SIGKILL');
    throw error;
  }
}

/** Reads the URL `serve` prints, then keeps draining its log lines so the pipe never fills. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the API did not start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => reject(new Error(`the API exited with code ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^CX Pulse API: (http:\/\/\S+)/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      // It prints "localhost", which may resolve to ::1 while it listens on 127.0.0.1 only.
      resolve(match[1]!.replace('//localhost:', '//127.0.0.1:'));
    });
  });
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
