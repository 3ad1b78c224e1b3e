// The fingerprint of a build's inputs, shared by the API's and the dashboard's build-if-stale checks.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file under `path`, in a stable order.
 * @param {string} path
 * @returns {Generator<string>}
 */
function* files(path) {
  const entries = readdirSync(path, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* files(child);
    else yield child;
  }
}

/**
 * SHA-256 over the path (relative to `root`) and content of every file of `inputs` (files or folders,
 * relative to `root`; missing ones are skipped).
 * @param {string} root
 * @param {readonly string[]} inputs
 */
export function sourcesHash(root, inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    for (const file of statSync(path).isDirectory() ? files(path) : [path]) {
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}
