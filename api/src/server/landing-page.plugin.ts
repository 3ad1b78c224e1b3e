import type { ApolloServerPlugin } from '@apollo/server';

const EXAMPLE_QUERY = '{ customers(first: 3) { totalCount nodes { id generation tier } } }';

/**
 * What a browser sees at /graphql: a self-contained page (no CDN, the product works offline) that says
 * how to query the API. Apollo's own landing page would load its sandbox from the internet.
 */
export function offlineLandingPage(): ApolloServerPlugin {
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html: LANDING_PAGE }) });
    },
  };
}

const LANDING_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CX Pulse GraphQL API</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933; }
code, pre { font: 14px ui-monospace, monospace; background: #f3f4f6; border-radius: 4px; }
pre { padding: 1rem; overflow-x: auto; }
</style>
</head>
<body>
<h1>CX Pulse GraphQL API</h1>
<p>This endpoint answers GraphQL over HTTP: <code>POST</code> a JSON body
<code>{"query": "…", "variables": {…}}</code> with <code>content-type: application/json</code> and a credential,
<code>Authorization: Bearer &lt;token&gt;</code>: an API key from <code>pnpm cx keys create</code>, or the session
token of <code>POST /auth/login</code>.</p>
<pre>curl -s http://localhost:4000/graphql \\
  -H "authorization: Bearer $TOKEN" \\
  -H 'content-type: application/json' \\
  -d '{"query": "${EXAMPLE_QUERY}"}'</pre>
<p><code>GET</code> works for queries too when the request carries the header
<code>apollo-require-preflight: true</code> (protection against cross-site request forgery).</p>
<p>The schema, with a description on every type and field, is <code>schema/schema.graphql</code> in the
repository; introspection is on for the roles that may read the schema. <a href="/health">/health</a> reports whether the
database is reachable.</p>
</body>
</html>
`;
