import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

export interface RootOperation {
  /** `Query.x` or `Mutation.y`, as in the access policy. */
  coordinate: string;
  /** A valid operation that calls only this field, with placeholder values for its required arguments. */
  source: string;
}

/**
 * One operation per root field of the schema, generated so that fields added by any module are covered
 * without writing a query for them: required arguments get placeholder values of their type, and the
 * selection is `__typename` (or nothing for a scalar). Enough to reach the field's access check.
 */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  return (['query', 'mutation'] as const).flatMap((kind) => {
    const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(root?.getFields() ?? {}).map((field) => ({
      coordinate: `${root!.name}.${field.name}`,
      source: `${kind} { ${fieldCall(field)} }`,
    }));
  });
}

function fieldCall(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const argList = args.length
    ? `(${args.map((arg) => `${arg.name}: ${placeholder(arg.type)}`).join(', ')})`
    : '';
  return `${field.name}${argList}${isLeafType(getNamedType(field.type)) ? '' : ' { __typename }'}`;
}

function placeholder(type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return '[]';
  if (isEnumType(inner)) return inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    const required = Object.values(inner.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return `{ ${required.map((field) => `${field.name}: ${placeholder(field.type)}`).join(', ')} }`;
  }
  const scalars: Record<string, string> = {
    Int: '0',
    Float: '0',
    Boolean: 'false',
    DateTime: '"2026-01-01T00:00:00Z"',
  };
  return scalars[inner.name] ?? '"placeholder"';
}
