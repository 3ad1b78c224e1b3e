import { createHash } from 'node:crypto';
import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContext,
  type GraphQLResponse,
} from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import {
  execute,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { dialectOf } from '../../database/dialect.js';
import { readerKnex, readFromReplica } from '../../database/read-routing.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { nextAlertDue } from '../alerts/alert-due-times.js';
import type { ServerMetrics } from '../ops/server-metrics.js';
import { cacheVerdict } from '../../graphql/cacheable-operation.js';
import {
  bumpDataVersion,
  currentDataVersion,
  OWN_DATA_VERSION_EXTENSION,
  type DataVersions,
} from './data-version.js';
import { SingleFlight, type Leader } from './single-flight.js';
import { VersionSightings } from './version-sightings.js';

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
 * How old an answer of an earlier data version may be when it is served while the current one is
 * computed (stale-while-revalidate), counted from the last moment its version was seen current (or the
 * start of its computation, if later): rows the ingest worker applies in the background show in every
 * answer within this bound. Part of the freshness bound of live ingest (docs/operations.md).
 */
export const STALE_ANSWER_MS = 2_000;

/**
 * How the result cache answered a cacheable query: X-CX-Cache and cx_result_cache_requests_total.
 * stale: the answer of an earlier data version, at most STALE_ANSWER_MS old, while the current one is
 * computed.
 */
type CacheOutcome = 'hit' | 'coalesced' | 'stale' | 'miss';

/** Where a cacheable query's answer is kept and the data version the request reads. */
interface CachePlace extends DataVersions {
  key: string;
  ttl: number;
}

/** A context of the viewer and logger of `context` with an EntityManager and DataLoaders of its own. */
export type FreshContext = (context: GraphQLContext) => GraphQLContext;

/**
 * The result cache (store undefined: off) and what keeps it right. An answer is keyed on the
 * document, operation name and variables, the viewer's role (personal data is masked per role), the
 * UTC day (relative windows end with today) and, for answers that show overdue alerts, the next moment
 * an alert falls due; it is stored with the data version read on the request's reader connection (the
 * replica its resolvers read, so a lagging replica never takes a newer answer for its own) and served
 * as a hit only at that version. Only cacheable queries (graphql/cacheable-operation.ts) without errors
 * are stored; one query per key and version runs at a time in this process (single flight).
 *
 * When the data version moved, the stored answer is served stale if two things hold: it was computed at
 * or after the latest awaited change (data-version.ts: so a synchronous import, a mutation or a risk
 * refresh shows in the very next answer), and its version was still current at most STALE_ANSWER_MS ago
 * (version-sightings.ts: as this process last read it, or when the answer's computation started). Then
 * the first request of the key and version gets it too, and the current answer is computed in the
 * background with a context of its own (`freshContext`): under a stream of background applies no request
 * waits for a recomputation. Otherwise the first request computes the answer and the others wait for it.
 * Answers say `X-CX-Cache: hit|coalesced|stale|miss`, counted on /metrics. Mutations that change
 * something bump the data version whether the cache is on or not: another process may cache.
 */
export function resultCachePlugins(
  store: KeyValueCache | undefined,
  metrics: ServerMetrics,
  freshContext: FreshContext,
): ApolloServerPlugin<GraphQLContext>[] {
  if (!store) return [dataVersionAfterMutations()];
  const flights = new SingleFlight<AnswerData>();
  const sightings = new VersionSightings();
  const revalidations = new Set<Promise<void>>();
  const read = async (key: string): Promise<StoredAnswer | undefined> => {
    const stored = await store.get(key);
    return stored === undefined ? undefined : (JSON.parse(stored) as StoredAnswer);
  };
  /** Stores an answer, unless another request stored a newer version meanwhile; then shares it. */
  const keep = async (
    place: CachePlace,
    at: number,
    data: AnswerData | undefined,
    leader: Leader<AnswerData>,
  ) => {
    // The flight ends once the store holds the answer, so no request in between computes it again.
    try {
      if (data && ((await read(place.key))?.version ?? -1) <= place.version) {
        const entry: StoredAnswer = { version: place.version, at, data };
        await store.set(place.key, JSON.stringify(entry), { ttl: place.ttl });
      }
    } finally {
      leader.share(data);
    }
  };
  /** Computes and keeps the current answer of `request` outside it (its own answer was the stale one). */
  const revalidate = (
    request: GraphQLRequestContext<GraphQLContext>,
    place: CachePlace,
    leader: Leader<AnswerData>,
  ) => {
    const at = Date.now();
    const contextValue = freshContext(request.contextValue);
    readFromReplica(contextValue.em);
    const revalidation = (async () => {
      // Begun after this turn of the event loop, once the stale answer is on its way: on SQLite the
      // recomputation's queries run on this thread and would otherwise hold that answer back (at 1M
      // contacts, stale answers' p95 was twice the hits').
      await new Promise((resolve) => setImmediate(resolve));
      let data: AnswerData | undefined;
      try {
        const result = await execute({
          schema: request.schema,
          document: request.document!,
          operationName: request.operationName,
          variableValues: request.request.variables,
          contextValue,
        });
        if (result.errors?.length)
          request.contextValue.log.error({ errors: result.errors }, 'recomputing a cached answer failed');
        else data = result.data ?? undefined;
      } catch (error) {
        request.contextValue.log.error({ err: error }, 'recomputing a cached answer failed');
      }
      await keep(place, at, data, leader);
    })().catch((error: unknown) =>
      request.contextValue.log.error({ err: error }, 'keeping an answer failed'),
    );
    revalidations.add(revalidation);
    void revalidation.finally(() => revalidations.delete(revalidation));
  };
  const cache: ApolloServerPlugin<GraphQLContext> = {
    serverWillStart: () =>
      Promise.resolve({
        // The ORM closes after the server: recomputations still running finish first.
        serverWillStop: async () => {
          await Promise.allSettled([...revalidations]);
        },
      }),
    requestDidStart: () => {
      let outcome: CacheOutcome | undefined;
      let computing: { place: CachePlace; at: number; leader: Leader<AnswerData> } | undefined;
      return Promise.resolve({
        async responseForOperation(request) {
          const asked = Date.now();
          const place = await cachePlace(request);
          if (!place) return null;
          const at = Date.now();
          sightings.note(place.version, asked);
          const stored = await read(place.key);
          if (stored?.version === place.version) {
            outcome = 'hit';
            return answer(stored.data);
          }
          const servable =
            stored !== undefined &&
            stored.version < place.version &&
            stored.version >= place.awaited &&
            at - sightings.currentUntil(stored.version, stored.at) <= STALE_ANSWER_MS;
          const flight = flights.join(`${place.key}@${place.version}`);
          if ('leader' in flight) {
            if (servable) {
              revalidate(request, place, flight.leader);
              outcome = 'stale';
              return answer(stored.data);
            }
            outcome = 'miss';
            computing = { place, at, leader: flight.leader };
            return null;
          }
          if (servable) {
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
          if (computing) await keep(computing.place, computing.at, errorFreeData(response), computing.leader);
        },
      });
    },
  };
  return [cache, dataVersionAfterMutations()];
}

/** Where a cacheable query's answer is kept and for how many seconds; null when it is not cacheable. */
async function cachePlace(request: GraphQLRequestContext<GraphQLContext>): Promise<CachePlace | null> {
  const { schema, document, operation, contextValue } = request;
  const verdict = document && operation ? cacheVerdict(schema, document, operation) : 'never';
  if (verdict === 'never') return null;
  const versions = await currentDataVersion(readerKnex(contextValue.em));
  const now = new Date();
  let ttl = RESULT_TTL_SECONDS;
  let alertsDue: number | null = null;
  if (verdict === 'data-and-alert-clock') {
    // Alerts are read on the primary: their due times too, as of the primary's data version.
    const primary = contextValue.em.getKnex();
    const due = await nextAlertDue(
      primary,
      dialectOf(contextValue.em),
      (await currentDataVersion(primary)).version,
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
  return { key, ttl, ...versions };
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
