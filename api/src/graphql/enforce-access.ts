import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { GraphQLContext } from './context.js';
import {
  mayRun,
  PERSONAL_DATA_FIELDS,
  personalDataReaders,
  ROOT_FIELD_ACCESS,
} from '../modules/auth/access-policy.js';
import type { Role } from '../modules/auth/role.js';

type Field = GraphQLField<unknown, GraphQLContext>;

/**
 * Applies the access policy to the schema's resolvers, once at start-up: each root field refuses roles
 * the policy does not list (FORBIDDEN), and each personal-data field reads as null for roles without
 * access. Only those fields are wrapped, so the thousands of other field resolutions of a page pay nothing.
 */
export function enforceAccessPolicy(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const coordinate = `${root!.name}.${field.name}`;
      guardField(coordinate, field as Field, (role) => mayRun(role, coordinate));
    }
  }
  for (const [coordinate, roles] of Object.entries(nestedListAccess(schema))) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`access policy: no type ${typeName} in the schema`);
    guardField(coordinate, type.getFields()[fieldName] as Field, (role) => roles.includes(role));
  }
  for (const coordinate of PERSONAL_DATA_FIELDS) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field =
      type && 'getFields' in type ? (type.getFields()[fieldName] as Field | undefined) : undefined;
    if (!field || !('resolve' in field))
      throw new Error(`access policy: no field ${coordinate} in the schema`);
    maskPersonalData(field, personalDataReaders(coordinate));
  }
  return schema;
}

/**
 * Lists of records nested in another type (a customer's survey responses, contacts, sessions, timeline,
 * alerts), each with the roles that may read them: those of the root lists of the same records. A role
 * refused `Query.contacts` is refused `Customer.contacts` too, so a page of customers cannot be used to
 * read the records the role may not list. Derived from the schema and ROOT_FIELD_ACCESS, so a new nested
 * list follows the policy without an entry of its own.
 */
export function nestedListAccess(schema: GraphQLSchema): Record<string, readonly Role[]> {
  const readers = new Map<string, Set<Role>>();
  for (const root of [schema.getQueryType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const listed = listedRecords(field.type, true);
      for (const type of listed) {
        const roles = readers.get(type.name) ?? new Set<Role>();
        for (const role of ROOT_FIELD_ACCESS[`${root!.name}.${field.name}`] ?? []) roles.add(role);
        readers.set(type.name, roles);
      }
    }
  }
  const access: Record<string, readonly Role[]> = {};
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].map((root) => root?.name));
  for (const type of Object.values(schema.getTypeMap())) {
    // A connection's nodes are the root list itself, guarded at the root.
    if (!isObjectType(type) || roots.has(type.name) || /^__|Connection$/.test(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const listed = listedRecords(field.type, false);
      if (listed.length === 0 || !listed.every((record) => readers.has(record.name))) continue;
      const sets = listed.map((record) => readers.get(record.name)!);
      access[`${type.name}.${field.name}`] = [...sets[0]!].filter((role) =>
        sets.every((set) => set.has(role)),
      );
    }
  }
  return access;
}

/**
 * The record types a field lists: the items of a list (each member of a union), and at the root also
 * the nodes of a connection page.
 */
function listedRecords(type: GraphQLField<unknown, unknown>['type'], root: boolean): GraphQLNamedType[] {
  const nullable = getNullableType(type);
  let item: GraphQLNamedType | undefined;
  if (isListType(nullable)) item = getNamedType(nullable);
  else if (root && isObjectType(nullable) && nullable.name.endsWith('Connection')) {
    const nodes = nullable.getFields().nodes;
    item = nodes ? getNamedType(nodes.type) : undefined;
  }
  if (isUnionType(item)) return [...item.getTypes()];
  return isObjectType(item) ? [item] : [];
}

function guardField(coordinate: string, field: Field, mayUse: (role: Role) => boolean): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    if (!mayUse(context.viewer.role)) {
      throw new GraphQLError(`Your role (${context.viewer.role.toUpperCase()}) may not use ${coordinate}.`, {
        extensions: { code: 'FORBIDDEN' },
      });
    }
    return resolve(source, args, context, info);
  };
}

function maskPersonalData(field: Field, readers: readonly Role[]): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) =>
    readers.includes(context.viewer.role) ? resolve(source, args, context, info) : null;
}
