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

/**
 * Root fields whose answer is a pure function of the stored data, the arguments, the role (personal
 * data is masked per role) and the UTC day (relative windows end with today): aggregates and the
 * churn-risk read model. Left out on purpose: alerts and alertCounts (overdue flags move with the
 * clock), credentials and users, the viewer, record lists and single records (cheap keyed reads,
 * often personal), routingAdvice, recentImports and dataVersion (cheap, and what clients poll to see
 * a change).
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
  'churnRisk',
  'alertMeasures',
  '__typename',
]);

/** Fields, anywhere in a query, whose value moves with the clock rather than with the data. */
const CLOCK_FIELDS: ReadonlySet<string> = new Set(['Alert.overdue']);

const verdicts = new WeakMap<DocumentNode, boolean>();

/**
 * Whether the answer to this operation may be cached: a query, in a document whose every root field is
 * one of CACHEABLE_ROOT_FIELDS and which selects no clock-dependent field below them (a customer's
 * alerts under churnRisk). The whole document is judged (its other operations too, to keep it simple
 * and safe), once per parsed document: Apollo keeps those of repeated queries.
 */
export function isCacheableQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  let verdict = verdicts.get(document);
  if (verdict === undefined) {
    verdict = judge(schema, document);
    verdicts.set(document, verdict);
  }
  return verdict;
}

function judge(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let cacheable = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD](field) {
        const parent = typeInfo.getParentType();
        const atRoot = parent === schema.getQueryType();
        if (
          (atRoot && !CACHEABLE_ROOT_FIELDS.has(field.name.value)) ||
          CLOCK_FIELDS.has(`${parent?.name}.${field.name.value}`)
        ) {
          cacheable = false;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return cacheable;
}
