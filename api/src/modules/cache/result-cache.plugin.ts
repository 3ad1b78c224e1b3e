import { createHash } from 'node:crypto';
import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContext,
  type GraphQLResponse,
} from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { dialectOf } from '../../database/dialect.js';
import { readerKnex } from '../../database/read-routing.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { nextAlertDue } from '../alerts/alert-due-times.js';
import type { ServerMetrics } from '../ops/server-metrics.js';
import { cacheVerdict } from '../../graphql/cacheable-operation.js';
import { bumpDataVersion, currentDataVersion, OWN_DATA_VERSION_EXTENSION } from './data-version.js';
import { SingleFlight } from './single-flight.js';

/**
 * Longest life of a cached answer. Changes of the data reach the cache at once (through the data
 * version), and alerts falling due through the key; the TTL bounds what the clock alone changes
 * within a UTC day (e.g. whether a window with an explicit `to` still contains now) and how long
 * unused answers hold memory.
 */
export const RESULT_TTL_SECONDS = 300;

/** The `data` of an answer without errors: what is cached and shared. */
type AnswerData = Record<string, unknown>;

/** A stored answer with the data version it was computed at and when that computation started. */
interface StoredAnswer {
  version: number;
  at: number;
  data: AnswerData;
}

/**
 * How old an answer of an earlier data version may be when it is served while one request computes
 * the new one (stale-while-revalidate): rows committed after an answer's computation started show in
 * every answer within this bound. Part of the freshness bound of live ingest (docs/operations.md).
 */
export const STALE_ANSWER_MS = 2_000;

/**
 * How the result cache answered a cacheable query: X-CX-Cache and cx_result_cache_requests_total.
 * stale: the answer of an earlier data version, at most STALE_ANSWER_MS old, while another request
 * computes the current one.
 */
type CacheOutcome = 'hit' | 'coalesced' | 'stale' | 'miss';

/**
 * The result cache (store undefined: off) and what keeps it right. An answer is keyed on the
 * document, operation name and variables, the viewer's role (personal data is masked per role), the
 * UTC day (relative windows end with today) and, for answers that show overdue alerts, the next moment
 * an alert falls due; it is stored with the data version read on the request's reader connection (the
 * replica its resolvers read, so a lagging replica never takes a newer answer for its own) and served
 * as a hit only at that version. Only cacheable queries (graphql/cacheable-operation.ts) without errors are
 * stored. When the data version moved, the first request of a key computes the new answer; requests
 * for the same key meanwhile get the previous answer if it is younger than STALE_ANSWER_MS, else wait
 * for the new one: a stream of imports does not empty the cache, and one query per key and version
 * runs in this process. Answers say `X-CX-Cache: hit|coalesced|stale|miss`, counted on /metrics.
 * Mutations that change something bump the data version whether the cache is on or not: another
 * process may cache.
 */
export function resultCachePlugins(
  store: KeyValueCache | undefined,
  metrics: ServerMetrics,
): ApolloServerPlugin<GraphQLContext>[] {
  if (!store) return [dataVersionAfterMutations()];
  const flights = new SingleFlight<AnswerData>();
  const read = async (key: string): Promise<StoredAnswer | undefined> => {
    const stored = await store.get(key);
    return stored === undefined ? undefined : (JSON.parse(stored) as StoredAnswer);
  };
  const cache: ApolloServerPlugin<GraphQLContext> = {
    requestDidStart: () => {
      let outcome: CacheOutcome | undefined;
      let computing:
        | {
            key: string;
            ttl: number;
            version: number;
            at: number;
            share(result: AnswerData | undefined): void;
          }
        | undefined;
      return Promise.resolve({
        async responseForOperation(request) {
          const place = await cachePlace(request);
          if (!place) return null;
          const at = Date.now();
          const stored = await read(place.key);
          if (stored?.version === place.version) {
            outcome = 'hit';
            return answer(stored.data);
          }
          const flight = flights.join(`${place.key}@${place.version}`);
          if ('leader' in flight) {
            outcome = 'miss';
            computing = { ...place, at, share: flight.leader.share };
            return null;
          }
          if (stored && stored.version < place.version && at - stored.at <= STALE_ANSWER_MS) {
            outcome = 'stale';
            return answer(stored.data);
          }
          const shared = await flight.follow;
          // The first request failed or had errors: this one runs on its own and reports its own errors.
          outcome = shared ? 'coalesced' : 'miss';
          return shared ? answer(shared) : null;
        },
        async willSendResponse({ response }) {
          if (outcome) {
            response.http.headers.set('x-cx-cache', outcome);
            metrics.resultCache.inc({ result: outcome });
          }
          if (!computing) return;
          const { key, ttl, version, at } = computing;
          const data = errorFreeData(response);
          // The flight ends once the store holds the answer, so no request in between computes it again.
          try {
            // Another request may have stored a newer version meanwhile: it stays.
            if (data && ((await read(key))?.version ?? -1) <= version) {
              const entry: StoredAnswer = { version, at, data };
              await store.set(key, JSON.stringify(entry), { ttl });
            }
          } finally {
            computing.share(data);
          }
        },
      });
    },
  };
  return [cache, dataVersionAfterMutations()];
}

/** Where a cacheable query's answer is kept and for how many seconds; null when it is not cacheable. */
async function cachePlace(
  request: GraphQLRequestContext<GraphQLContext>,
): Promise<{ key: string; ttl: number; version: number } | null> {
  const { schema, document, operation, contextValue } = request;
  const verdict = document && operation ? cacheVerdict(schema, document, operation) : 'never';
  if (verdict === 'never') return null;
  const dataVersion = await currentDataVersion(readerKnex(contextValue.em));
  const now = new Date();
  let ttl = RESULT_TTL_SECONDS;
  let alertsDue: number | null = null;
  if (verdict === 'data-and-alert-clock') {
    // Alerts are read on the primary: their due times too, as of the primary's data version.
    const primary = contextValue.em.getKnex();
    const due = await nextAlertDue(
      primary,
      dialectOf(contextValue.em),
      await currentDataVersion(primary),
      now,
    );
    alertsDue = due?.getTime() ?? null;
    if (alertsDue !== null) ttl = Math.min(ttl, (alertsDue - now.getTime()) / 1000);
  }
  const parts = [
    request.queryHash,
    request.operationName,
    request.request.variables ?? {},
    contextValue.viewer.role,
    now.toISOString().slice(0, 10),
    alertsDue,
  ];
  const key = createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
  return { key, ttl, version: dataVersion };
}

function answer(data: AnswerData): GraphQLResponse {
  return {
    body: { kind: 'single', singleResult: { data } },
    http: { status: undefined, headers: new HeaderMap() },
  };
}

function errorFreeData({ body }: GraphQLResponse): AnswerData | undefined {
  if (body.kind !== 'single' || body.singleResult.errors?.length) return undefined;
  return body.singleResult.data ?? undefined;
}

/**
 * After a mutation that changed something (alert workflow, live-agent preferences, keys and users…), a
 * new data version on the primary, before the answer leaves: the client's next query cannot meet an
 * answer from before it. A refused or failed mutation changed nothing and leaves the version alone, so
 * no key can empty every process's cache by asking for what it may not do; and root fields that count
 * their own changes (ingest: in the transaction that writes, and only when rows were written) are not
 * counted twice.
 */
function dataVersionAfterMutations(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        async willSendResponse({ schema, document, operation, response, contextValue: { em } }) {
          if (operation?.operation !== OperationTypeNode.MUTATION || !document) return;
          if (changedRootFields(schema, document, operation, response).length)
            await bumpDataVersion(em.getKnex(), dialectOf(em));
        },
      }),
  };
}

/**
 * The root mutation fields of an answer that completed: a value and no error at or below them. A field
 * refused by the access policy, or failing its input or state checks, answers null with an error.
 */
function changedRootFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  { body }: GraphQLResponse,
): string[] {
  if (body.kind !== 'single') return [];
  const { data, errors } = body.singleResult;
  if (!data) return [];
  const failed = new Set((errors ?? []).map((error) => error.path?.[0]));
  const fields = schema.getMutationType()?.getFields() ?? {};
  return rootFields(document, operation.selectionSet)
    .filter(
      ({ key, name }) =>
        data[key] != null && !failed.has(key) && !fields[name]?.extensions[OWN_DATA_VERSION_EXTENSION],
    )
    .map(({ key }) => key);
}

/** Response key and field name of every root field, through fragments. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode): { key: string; name: string }[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD)
      return [{ key: selection.alias?.value ?? selection.name.value, name: selection.name.value }];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet);
    const fragment = document.definitions.find(
      (definition): definition is FragmentDefinitionNode =>
        definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    return fragment ? rootFields(document, fragment.selectionSet) : [];
  });
}
