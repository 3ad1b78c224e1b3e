// `pnpm cx` and `pnpm start`: runs the compiled CLI (dist/cli.js), compiling it first when the sources
// changed (scripts/build.js). `pnpm cx:dev` runs the TypeScript sources through tsx instead.
import { ensureApiBuild } from './build.js';

await ensureApiBuild();
await import('../dist/cli.js');
