import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A file GraphiQL's page loads, served from the npm package that ships it (no CDN: the API may be offline). */
export interface GraphiqlAsset {
  /** URL path, versioned by the package version so that browsers may cache it for good. */
  url: string;
  contentType: string;
  body: Buffer;
  kind: 'script' | 'stylesheet';
}

const ASSET_FILES: { pkg: string; file: string; kind: GraphiqlAsset['kind'] }[] = [
  { pkg: 'react', file: 'umd/react.production.min.js', kind: 'script' },
  { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', kind: 'script' },
  { pkg: 'graphiql', file: 'graphiql.min.js', kind: 'script' },
  { pkg: 'graphiql', file: 'graphiql.min.css', kind: 'stylesheet' },
  { pkg: '@graphiql/plugin-explorer', file: 'dist/index.umd.js', kind: 'script' },
  { pkg: '@graphiql/plugin-explorer', file: 'dist/style.css', kind: 'stylesheet' },
];

const CONTENT_TYPES: Record<GraphiqlAsset['kind'], string> = {
  script: 'text/javascript; charset=utf-8',
  stylesheet: 'text/css; charset=utf-8',
};

export const GRAPHIQL_ASSET_PREFIX = '/graphiql';

/**
 * The prebuilt browser bundles of React 18 (the last React with UMD builds), GraphiQL 3 and its explorer
 * plugin, read once at start-up (about 4 MB), in the order the page must load them.
 */
export function loadGraphiqlAssets(): GraphiqlAsset[] {
  const require = createRequire(import.meta.url);
  return ASSET_FILES.map(({ pkg, file, kind }) => {
    const manifest = require.resolve(`${pkg}/package.json`);
    const { version } = require(manifest) as { version: string };
    return {
      url: `${GRAPHIQL_ASSET_PREFIX}/${pkg}@${version}/${file}`,
      contentType: CONTENT_TYPES[kind],
      body: readFileSync(join(dirname(manifest), file)),
      kind,
    };
  });
}
