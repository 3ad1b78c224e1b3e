// Compiles the API to JavaScript in dist/ (`pnpm build`), and builds it on demand when dist/ is missing or
// was made from other sources, so that `pnpm start` and `pnpm cx` run compiled code from a fresh clone
// without a separate step, and never run code older than the sources. Development and tests keep to the
// TypeScript sources through tsx.
//
// esbuild is the transform tsx already applies to every file at run time (same tsconfig: legacy decorators,
// no decorator metadata, which the entities and GraphQL types never rely on: each declares its types), so the
// compiled API behaves as the sources do. It bundles the API's own code and the seeds workspace package
// (whose package.json points at TypeScript) into dist/cli.js, keeping class names (MikroORM entities and
// GraphQL types are named after them); every npm package stays an import, resolved from node_modules.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcesHash } from '../../scripts/sources-hash.js';

const API = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(API, 'dist');
const STAMP = join(DIST, '.sources-sha256');
const INPUTS = [
  'src',
  'package.json',
  'tsconfig.json',
  'scripts/build.js',
  '../seeds/src',
  '../seeds/package.json',
  '../tsconfig.json',
  '../pnpm-lock.yaml',
  '../scripts/sources-hash.js',
];

/** SHA-256 over the path and content of every file the build reads. */
const apiSourcesHash = () => sourcesHash(API, INPUTS);

/**
 * Compiles src/ to dist/ (the CLI and the worker threads it starts: import validation, the ingest writer,
 * seed generation).
 */
export async function buildApi() {
  const hash = apiSourcesHash();
  const { build } = await import('esbuild');
  const { dependencies } = JSON.parse(readFileSync(join(API, 'package.json'), 'utf8'));
  await build({
    absWorkingDir: API,
    // Flat: the CLI finds its workers beside itself (core/worker-thread.ts), and config.ts finds the repository
    // two folders up from dist/cli.js as from src/config.ts.
    entryPoints: {
      cli: 'src/cli.ts',
      'file-validation.worker': 'src/modules/ingest/readers/file-validation.worker.ts',
      'ingest-writer.worker': 'src/app/ingest-writer.worker.ts',
      'seed-generation.worker': 'src/seed/seed-generation.worker.ts',
    },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    keepNames: true,
    sourcemap: true,
    // npm packages load from node_modules as they do under tsx; only the workspace's TypeScript is bundled.
    external: Object.keys(dependencies)
      .filter((name) => !name.startsWith('@cx-pulse/'))
      .flatMap((name) => [name, `${name}/*`]),
    logLevel: 'warning',
  });
  writeFileSync(STAMP, hash);
}

export function buildIsCurrent() {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === apiSourcesHash();
}

/** Builds dist/ unless it matches the sources. */
export async function ensureApiBuild({ log = (message) => console.error(message) } = {}) {
  if (buildIsCurrent()) return;
  log('Compiling the API (its sources changed or it was never built)…');
  await buildApi();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildApi();
