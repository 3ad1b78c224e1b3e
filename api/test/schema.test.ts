import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCxSchema, printCxSchema, SCHEMA_FILE } from '../src/graphql/schema.js';
import { runCli } from './support/cli.js';

/** Every type, field, argument and enum value without a description, e.g. `Contact.channel`. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, name: string) => {
    if (!description?.trim()) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          check(arg.description, `${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('the GraphQL schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildCxSchema();
  });

  it('matches the checked-in schema/schema.graphql', () => {
    const stored = readFileSync(SCHEMA_FILE, 'utf8');
    expect(
      stored === printCxSchema(schema),
      'schema/schema.graphql is out of date with the code: run `pnpm schema:emit` and commit the result',
    ).toBe(true);
  });

  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('prints the same SDL on every build', async () => {
    expect(printCxSchema(await buildCxSchema())).toBe(printCxSchema(schema));
  });

  it('is verified by `cx schema --check`', async () => {
    const result = await runCli(['schema', '--check'], {});
    expect(result).toMatchObject({ code: 0, stdout: 'schema/schema.graphql is up to date\n' });
  });
});
