import { Worker, type MessagePort } from 'node:worker_threads';

/**
 * Starts a worker thread on a module beside the caller: `entry` is the caller's
 * `new URL('./name.worker' + extension-of-the-caller, import.meta.url)`, so the compiled CLI (dist/, one
 * flat folder of .js entry points) and the TypeScript sources (tsx: tests, benchmarks, `cx:dev`) each find
 * theirs. From the sources, a worker does not inherit tsx's loader: it registers it first.
 */
export function startModuleWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * In a worker thread: a wait before each post, so that at most `ahead` posts are waiting for the calling
 * thread, which answers each one it takes with any message (back pressure: a fast producer does not pile
 * its output up in memory).
 */
export function postingCredits(port: MessagePort, ahead: number): () => Promise<void> {
  let credits = ahead;
  let granted: (() => void) | undefined;
  port.on('message', () => {
    credits++;
    granted?.();
  });
  return async () => {
    while (credits === 0) await new Promise<void>((resolve) => (granted = resolve));
    credits--;
  };
}
