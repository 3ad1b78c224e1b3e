import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type MessagePort, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker thread whose module is `name` (e.g. './ingest-writer.worker') beside the module at
 * `besideUrl` (the caller's import.meta.url), in the caller's form: compiled, `dist/` holds every worker
 * flat beside `cli.js` (scripts/build.js), so the `.js` file is run; from the TypeScript sources (tsx in
 * development and tests) a worker does not inherit the loader, so it registers tsx first and then imports
 * the `.ts` file.
 */
export function startWorkerThread(besideUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const entry = new URL(`${name}${extname(fileURLToPath(besideUrl))}`, besideUrl);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
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
