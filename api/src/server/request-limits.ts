import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import {
  GraphQLError,
  GraphQLID,
  GraphQLString,
  Kind,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  TypeInfo,
  typeFromAST,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { MAX_INGEST_ROWS } from '../modules/ingest/ingest.resolver.js';

/**
 * Limits on the values of a request, checked for every argument and variable of the schema before
 * anything runs: the size of each value is bounded by its type, not by the resolver that reads it.
 */
export const INPUT_LIMITS = {
  /** Characters of an ID (customer_id, contact_id, …), as the importer allows for the ids of a file. */
  maxIdLength: 255,
  /** Characters of any other text (a note, a comment of an ingest row, a cursor). */
  maxTextLength: 10_000,
  /** Characters of a value of another scalar written as text (a DateTime). */
  maxScalarTextLength: 255,
  /** Items of a list of ids, texts or enum values (the filters). */
  maxListItems: 1_000,
  /** Items of a list of input objects: the rows of one ingest mutation. */
  maxRowItems: MAX_INGEST_ROWS,
  /** Characters of the query document itself, refused before it is parsed (values belong in variables). */
  maxDocumentLength: 100_000,
} as const;

/**
 * The cost of an operation, as graphql-armor counts it (2 per object field, 1 per scalar, × 1.5 per level
 * of nesting) with one difference that matters: a field's page size (its `first` or `last` argument)
 * multiplies the cost of its selection at the value the request will run with, whether written in the
 * query, passed as a variable, or the argument's default. A page size without a bound cannot pass.
 */
export const COST_LIMITS = {
  maxCost: 50_000,
  objectCost: 2,
  scalarCost: 1,
  depthCostFactor: 1.5,
} as const;

const PAGE_SIZE_ARGUMENTS = ['first', 'last'] as const;

/** An error of the request as a whole: answered with HTTP 400, before any resolver runs. */
function refused(message: string, code: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...(argument !== undefined && { argument }), http: { status: 400 } },
  });
}

/**
 * Refuses, before execution, a request whose document (before parsing), argument or variable values
 * exceed INPUT_LIMITS (BAD_USER_INPUT naming the argument) or whose cost exceeds COST_LIMITS.maxCost.
 */
export function requestLimits<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return Promise.resolve();
          const variables = request.variables ?? {};
          checkInputSizes(schema, document, operation, variables);
          const cost = operationCost(schema, document, operation, variables);
          if (cost > COST_LIMITS.maxCost) {
            throw refused(
              `Query cost limit of ${COST_LIMITS.maxCost.toLocaleString('en')} exceeded, found ` +
                `${Math.ceil(cost).toLocaleString('en')} (page sizes count at the value they run with, ` +
                'variables included): ask for fewer rows or fields per request and page on with after.',
              'GRAPHQL_VALIDATION_FAILED',
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/** Checks every variable by its declared type and every literal argument by the argument's type. */
export function checkInputSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type && name in variables) checkValue(variables[name], type, [`$${name}`], name);
  }
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.ARGUMENT](argument) {
        const type = typeInfo.getInputType();
        if (type && argument.value.kind !== Kind.VARIABLE) {
          const name = argument.name.value;
          checkValue(literal(argument.value), type, [name], name);
        }
      },
    }),
  );
}

/** A literal's value, its variables left out (they are checked by their declared types). */
function literal(node: ValueNode): unknown {
  return valueFromASTUntyped(node, {});
}

/**
 * Where a checked value sits, from the variable or argument down: joined into `$rows[3].note` only for
 * the error message, so that checking thousands of values builds no strings.
 */
type ValuePath = readonly (string | number)[];

function pathText([root, ...steps]: ValuePath): string {
  return steps.reduce<string>(
    (text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`),
    String(root),
  );
}

function checkValue(
  value: unknown,
  given: GraphQLInputType,
  path: (string | number)[],
  argument: string,
): void {
  if (value === null || value === undefined) return;
  const type: GraphQLInputType = getNullableType(given);
  if (isListType(type)) {
    if (!Array.isArray(value)) {
      checkValue(value, type.ofType, path, argument);
      return;
    }
    const item = getNamedType(type.ofType);
    const limit = isInputObjectType(item) ? INPUT_LIMITS.maxRowItems : INPUT_LIMITS.maxListItems;
    if (value.length > limit) {
      throw refused(
        `${pathText(path)}: got a list of ${value.length.toLocaleString('en')} items, expected at most ` +
          `${limit.toLocaleString('en')}${isInputObjectType(item) ? ' rows per call (split larger loads)' : ''}.`,
        'BAD_USER_INPUT',
        argument,
      );
    }
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      checkValue(value[index], type.ofType, path, argument);
      path.pop();
    }
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const fields = type.getFields();
    for (const key in value) {
      const field = fields[key];
      if (!field) continue;
      path.push(key);
      checkValue((value as Record<string, unknown>)[key], field.type, path, argument);
      path.pop();
    }
    return;
  }
  if (typeof value === 'string' && isScalarType(type)) {
    const [limit, what] =
      type === GraphQLID
        ? [INPUT_LIMITS.maxIdLength, 'an id']
        : type === GraphQLString
          ? [INPUT_LIMITS.maxTextLength, 'a text']
          : [INPUT_LIMITS.maxScalarTextLength, `a ${type.name}`];
    if (value.length > limit) {
      throw refused(
        `${pathText(path)}: got a text of ${value.length.toLocaleString('en')} characters, expected ${what} of at most ` +
          `${limit.toLocaleString('en')} characters.`,
        'BAD_USER_INPUT',
        argument,
      );
    }
  }
}

/** The cost of `operation` with these variables (see COST_LIMITS). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) {
      variableDefaults.set(definition.variable.name.value, literal(definition.defaultValue));
    }
  }
  const valueOf = (node: ValueNode): unknown =>
    node.kind === Kind.VARIABLE
      ? (variables[node.name.value] ?? variableDefaults.get(node.name.value))
      : literal(node);
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const selectionCost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType,
    visiting: Set<string>,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') continue;
        const field =
          isObjectType(parent) || isInterfaceType(parent)
            ? (parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined)
            : undefined;
        if (!selection.selectionSet || !field) {
          cost += COST_LIMITS.scalarCost;
          continue;
        }
        const below = selectionCost(selection.selectionSet, getNamedType(field.type), visiting);
        cost += (COST_LIMITS.objectCost + COST_LIMITS.depthCostFactor * below) * pageSize(field, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += selectionCost(selection.selectionSet, on ?? parent, visiting);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const on = schema.getType(fragment.typeCondition.name.value) ?? parent;
        cost += selectionCost(fragment.selectionSet, on, new Set([...visiting, fragment.name.value]));
      }
    }
    return cost;
  };

  /** How many times a field's selection may be repeated: its page size, else once. */
  const pageSize = (
    field: GraphQLField<unknown, unknown>,
    node: { arguments?: readonly { name: { value: string }; value: ValueNode }[] },
  ): number => {
    for (const name of PAGE_SIZE_ARGUMENTS) {
      const definition = field.args.find((argument) => argument.name === name);
      if (!definition) continue;
      const given = node.arguments?.find((argument) => argument.name.value === name);
      const value = (given && valueOf(given.value)) ?? definition.defaultValue;
      if (typeof value === 'number') return Math.max(1, value);
      // A page size without a value and without a default is unbounded: it cannot pass the limit.
      if (value === undefined || value === null) return Number.POSITIVE_INFINITY;
    }
    return 1;
  };

  return selectionCost(operation.selectionSet, root, new Set());
}

/**
 * Refuses a GraphQL document over INPUT_LIMITS.maxDocumentLength before Apollo parses (and hashes) it,
 * with the same 400 BAD_USER_INPUT as the other limits. (Apollo's plugins come too late or turn an error
 * there into an internal one.)
 */
export function refuseLongDocuments(app: FastifyInstance): void {
  app.addHook('preHandler', (request, reply, done) => {
    const query = documentOf(request.body) ?? documentOf(request.query);
    if (
      !request.url.startsWith('/graphql') ||
      query === undefined ||
      query.length <= INPUT_LIMITS.maxDocumentLength
    ) {
      done();
      return;
    }
    void reply.code(400).send({
      errors: [
        {
          message:
            `query: got a document of ${query.length.toLocaleString('en')} characters, expected at most ` +
            `${INPUT_LIMITS.maxDocumentLength.toLocaleString('en')} (pass values as variables).`,
          extensions: { code: 'BAD_USER_INPUT', argument: 'query' },
        },
      ],
    });
  });
}

function documentOf(container: unknown): string | undefined {
  const query = (container as { query?: unknown } | null | undefined)?.query;
  return typeof query === 'string' ? query : undefined;
}

/**
 * Refuses a GraphQL answer over `maxBytes` of JSON with HTTP 400 RESPONSE_TOO_LARGE instead of sending it:
 * the cost limit keeps most large answers from being computed at all; this bounds what still gets
 * through (wide aggregates by day, long texts) so that no single answer ties up the connection and memory.
 */
export function capResponseSize(app: FastifyInstance, maxBytes: number): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    const size =
      typeof payload === 'string'
        ? Buffer.byteLength(payload)
        : Buffer.isBuffer(payload)
          ? payload.length
          : 0;
    if (size <= maxBytes || !request.url.startsWith('/graphql')) {
      done(null, payload);
      return;
    }
    const megabytes = (bytes: number) =>
      bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes.toLocaleString('en')} bytes`;
    void reply.code(400).removeHeader('etag').header('cache-control', 'no-store');
    done(
      null,
      JSON.stringify({
        errors: [
          {
            message:
              `The answer would be ${megabytes(size)} of JSON, over the limit of ${megabytes(maxBytes)}: ask ` +
              'for fewer rows (first, last, a shorter window or a coarser grain) or fewer fields, and page on with after.',
            extensions: { code: 'RESPONSE_TOO_LARGE' },
          },
        ],
      }),
    );
  });
}
