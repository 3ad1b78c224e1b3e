import { resolve } from 'node:path';

/**
 * Resolves a path the user typed. `pnpm cx …` runs the CLI from the api package folder, so relative
 * paths are taken from where the user invoked pnpm (INIT_CWD), as they would expect.
 */
export function resolveUserPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
