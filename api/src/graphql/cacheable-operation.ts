import {
  BREAK,
  Kind,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { perDocument } from './per-document.js';

/**
 * Root fields whose answer is a pure function of the stored data, the arguments, the role (personal
 * data is masked per role), the UTC day (relative windows end with today) and, for alerts, of which
 * due times have passed: aggregates, the churn-risk read model, a customer's page, routing advice and
 * the alerts. Every change of what they read moves the data version (imports, risk refreshes,
 * mutations). Left out on purpose: credentials and users, the viewer, record lists (cheap keyed pages,
 * often read once), single alerts, webhook deliveries (the dispatcher writes them without a new data
 * version), recentImports and dataVersion (cheap, and what clients poll to see a change).
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'metrics',
  'overview',
  'channelSatisfaction',
  'segmentPreferences',
  'deflectionFunnel',
  'recoveryEffectiveness',
  'recurringCauses',
  'riskModel',
  'riskHistory',
  'churnRisk',
  'alertMeasures',
  'customer',
  'routingAdvice',
  'alerts',
  'alertCounts',
  '__typename',
]);

/**
 * Fields, anywhere in a query, whose value also moves with the clock: whether an alert is overdue, and
 * the counts and filters of overdue alerts. They change only when an unresolved alert's due time passes.
 */
const ALERT_CLOCK_FIELDS: ReadonlySet<string> = new Set([
  'Alert.overdue',
  'Query.alerts',
  'Query.alertCounts',
]);

/**
 * How long an answer may be reused: not at all; until the data changes; or until the data changes or
 * the next unresolved alert falls due (alert-due-times.ts).
 */
export type CacheVerdict = 'never' | 'data' | 'data-and-alert-clock';

/**
 * Whether and how long the answer to this operation may be cached: a query, in a document whose every
 * root field is one of CACHEABLE_ROOT_FIELDS. The whole document is judged (its other operations too,
 * to keep it simple and safe), once per parsed document (per-document.ts).
 */
export function cacheVerdict(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CacheVerdict {
  return operation.operation === OperationTypeNode.QUERY ? judged(document, schema) : 'never';
}

const judged = perDocument(judge);

function judge(document: DocumentNode, schema: GraphQLSchema): CacheVerdict {
  const typeInfo = new TypeInfo(schema);
  let verdict: CacheVerdict = 'data';
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD](field) {
        const parent = typeInfo.getParentType();
        if (parent === schema.getQueryType() && !CACHEABLE_ROOT_FIELDS.has(field.name.value)) {
          verdict = 'never';
          return BREAK;
        }
        if (ALERT_CLOCK_FIELDS.has(`${parent?.name}.${field.name.value}`)) verdict = 'data-and-alert-clock';
        return undefined;
      },
    }),
  );
  return verdict;
}
