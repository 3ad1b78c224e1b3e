import { defaultFieldResolver, GraphQLError, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { mayRun, PERSONAL_DATA_FIELDS, PERSONAL_DATA_READERS } from './access-policy.js';

type Field = GraphQLField<unknown, GraphQLContext>;

/**
 * Applies the access policy to the schema's resolvers, once at start-up: each root field refuses roles
 * the policy does not list (FORBIDDEN), and each personal-data field reads as null for roles without
 * access. Only those fields are wrapped, so the thousands of other field resolutions of a page pay nothing.
 */
export function enforceAccessPolicy(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      guardRootField(`${root!.name}.${field.name}`, field as Field);
    }
  }
  for (const coordinate of PERSONAL_DATA_FIELDS) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field =
      type && 'getFields' in type ? (type.getFields()[fieldName] as Field | undefined) : undefined;
    if (!field || !('resolve' in field))
      throw new Error(`access policy: no field ${coordinate} in the schema`);
    maskPersonalData(field);
  }
  return schema;
}

function guardRootField(coordinate: string, field: Field): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    if (!mayRun(context.viewer.role, coordinate)) {
      throw new GraphQLError(`Your role (${context.viewer.role.toUpperCase()}) may not use ${coordinate}.`, {
        extensions: { code: 'FORBIDDEN' },
      });
    }
    return resolve(source, args, context, info);
  };
}

function maskPersonalData(field: Field): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) =>
    PERSONAL_DATA_READERS.includes(context.viewer.role) ? resolve(source, args, context, info) : null;
}
