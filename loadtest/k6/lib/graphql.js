import { check } from 'k6';
import http from 'k6/http';
import { Rate } from 'k6/metrics';

/*
 * Sending named operations from schema/operations the way the dashboard and BI tools do: POST /graphql
 * with an API key, each request tagged with its operation name (so thresholds and results can be read
 * per operation), and counted as an error when the status is not 200 or the JSON carries `errors`.
 */

/** Where the documents are, relative to the scenario scripts in loadtest/k6 (k6 resolves open() from there). */
export const OPERATIONS_DIR = '../../schema/operations';

/** Share of requests that failed: a non-2xx status, a body that is not JSON, or a GraphQL `errors` field. */
export const errors = new Rate('cx_errors');

/**
 * Thresholds every scenario shares: p95 latency (override with CX_P95_MS) and the error rate.
 * @param {number} defaultP95Ms
 */
export function thresholds(defaultP95Ms) {
  return {
    http_req_duration: [`p(95)<${__ENV.CX_P95_MS || defaultP95Ms}`],
    cx_errors: ['rate<0.01'],
    checks: ['rate>0.99'],
  };
}

/**
 * The API's base URL and key from the environment (CX_API_URL, default http://localhost:4000; CX_API_KEY,
 * required: `pnpm cx keys create --role … --name k6`).
 * @returns {{ baseUrl: string, headers: Record<string, string> }}
 */
export function apiTarget() {
  const key = __ENV.CX_API_KEY;
  if (!key) throw new Error('set CX_API_KEY to an API key: pnpm cx keys create --role analyst --name k6');
  return {
    baseUrl: (__ENV.CX_API_URL || 'http://localhost:4000').replace(/\/+$/, ''),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  };
}

/**
 * Reads the named operations. `read` is the scenario's own `(path) => open(path)`: k6 resolves the
 * relative path against the script that calls open(), which must be the scenario itself.
 * @param {string[]} names
 * @param {(path: string) => string} read
 * @returns {Record<string, string>}
 */
export function readOperations(names, read) {
  /** @type {Record<string, string>} */
  const documents = {};
  for (const name of names) documents[name] = read(`${OPERATIONS_DIR}/${name}.graphql`);
  return documents;
}

/**
 * One POST /graphql as an http.batch entry.
 * @param {{ baseUrl: string, headers: Record<string, string> }} target
 * @param {Record<string, string>} documents
 * @param {{ operation: string, variables: Record<string, unknown> }} call
 * @returns {{ method: string, url: string, body: string, params: import('k6/http').Params }}
 */
export function graphqlRequest(target, documents, call) {
  return {
    method: 'POST',
    url: `${target.baseUrl}/graphql`,
    body: JSON.stringify({ query: documents[call.operation], variables: call.variables }),
    params: { headers: target.headers, tags: { name: call.operation } },
  };
}

/**
 * Sends one operation and checks its answer; returns the answer's `data`, or null when it failed.
 * @param {{ baseUrl: string, headers: Record<string, string> }} target
 * @param {Record<string, string>} documents
 * @param {{ operation: string, variables: Record<string, unknown> }} call
 * @returns {any}
 */
export function sendOperation(target, documents, call) {
  const { url, body, params } = graphqlRequest(target, documents, call);
  const response = http.post(url, body, params);
  if (!checkAnswer(response, call.operation)) return null;
  const answer = parseBody(response);
  return answer ? answer.data : null;
}

/**
 * Checks a GraphQL answer (status 200, JSON, no `errors`, some `data`) and records it in cx_errors.
 * @param {import('k6/http').Response | undefined} response (undefined: no answer at all)
 * @param {string} operation
 * @returns {boolean}
 */
export function checkAnswer(response, operation) {
  const body = response ? parseBody(response) : null;
  const ok = check(
    response,
    {
      'status is 200': (r) => r !== undefined && r.status === 200,
      'no GraphQL errors': () => body !== null && !body.errors && body.data != null,
    },
    { name: operation },
  );
  errors.add(!ok, { name: operation });
  return ok;
}

/**
 * @param {import('k6/http').Response} response
 * @returns {{ data?: any, errors?: unknown[] } | null}
 */
function parseBody(response) {
  // A bound catch parameter: k6 v0.48 compiles ES2017, and optional catch binding is ES2019.
  try {
    return JSON.parse(String(response.body));
  } catch (_notJson) {
    return null;
  }
}
