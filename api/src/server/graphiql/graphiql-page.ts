import { loadNamedOperations } from '../../graphql/named-operations.js';
import { cspHash } from '../security-headers.js';
import type { GraphiqlAsset } from './graphiql-assets.js';

/** One editor tab GraphiQL opens with. */
interface Tab {
  query: string;
  variables?: string;
}

/** Variables for the operations that cannot run without some: a customer of the demo data. */
const EXAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  CustomerHistory: { id: 'C0000042', last: 20 },
};

const WELCOME = `# Welcome to CX Pulse. Run a query with the ▶ button (or Ctrl-Enter).
#
# Credentials: open the Headers pane below and paste
#   { "Authorization": "Bearer cxk_…" }
# with your API key (a browser signed in to the dashboard may send its session cookie instead).
#
# The Docs button (top left) documents every type and field; the Explorer builds a query by ticking
# fields. The other tabs hold the named operations of schema/operations, the queries the dashboard sends.
{
  dataVersion
  customers(first: 5) {
    totalCount
    nodes {
      id
      generation
      tier
    }
  }
}
`;

/** The welcome tab, then one tab per named operation of schema/operations, with working variables. */
export function exampleTabs(): Tab[] {
  const operations = loadNamedOperations().map(({ name, document: query }): Tab => {
    const variables = EXAMPLE_VARIABLES[name];
    return variables ? { query, variables: JSON.stringify(variables, null, 2) } : { query };
  });
  return [{ query: WELCOME }, ...operations];
}

/** JSON that can sit inside a <script> element: no "</script>" or "<!--" can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The page's one inline style. */
const PAGE_STYLE = 'body { margin: 0; } #graphiql { height: 100vh; }';

/** The page's one inline script: starts GraphiQL with the configuration in #cx-graphiql-config. */
const START_SCRIPT = `
const config = JSON.parse(document.getElementById('cx-graphiql-config').textContent);
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: config.endpoint }),
    plugins: [GraphiQLPluginExplorer.explorerPlugin()],
    defaultTabs: config.tabs,
    isHeadersEditorEnabled: true,
    // The API key is a secret: keep it out of the browser's storage.
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
  }),
);
`;

/**
 * The Content-Security-Policy of the GraphiQL page: scripts, styles and requests from this server only,
 * the inline start script and style by their hashes, no framing. GraphiQL's editors set styles from
 * script (allowed); the JSON configuration is data, not script, so it needs no hash.
 */
export function graphiqlContentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${cspHash(START_SCRIPT)}`,
    `style-src 'self' ${cspHash(PAGE_STYLE)}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The GraphiQL page: every script and stylesheet comes from this server. */
export function graphiqlPage(assets: GraphiqlAsset[], endpoint: string): string {
  const links = assets
    .filter((asset) => asset.kind === 'stylesheet')
    .map((asset) => `<link rel="stylesheet" href="${asset.url}">`);
  const scripts = assets
    .filter((asset) => asset.kind === 'script')
    .map((asset) => `<script src="${asset.url}"></script>`);
  const config = { endpoint, tabs: exampleTabs() };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CX Pulse GraphiQL</title>
${links.join('\n')}
<style>${PAGE_STYLE}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
${scripts.join('\n')}
<script id="cx-graphiql-config" type="application/json">${scriptJson(config)}</script>
<script>${START_SCRIPT}</script>
</body>
</html>
`;
}
