import { isInterfaceType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildCxSchema } from '../src/graphql/schema.js';

/** Every field of the schema's object and interface types, with its type's name and its sibling fields. */
function* fieldsOf(schema: GraphQLSchema) {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    const fields: Record<string, GraphQLField<unknown, unknown>> = type.getFields();
    for (const field of Object.values(fields)) yield { name: `${type.name}.${field.name}`, field, fields };
  }
}

/**
 * The naming guide of docs/graphql-api.md, as far as a machine can check it: a renamed field keeps its
 * old name as a deprecated alias whose reason names the replacement, which exists on the same type with
 * the same type; and no new field uses a retired form (mean… or …Avg for an average, share or …Share for
 * a percent or a fraction).
 */
describe('field names', () => {
  it('keep every old name as a deprecated alias naming an existing replacement of the same type', async () => {
    const problems: string[] = [];
    let aliases = 0;
    for (const { name, field, fields } of fieldsOf(await buildCxSchema())) {
      if (!field.deprecationReason) continue;
      aliases++;
      const replacement = /^Use (\w+)\.$/.exec(field.deprecationReason)?.[1];
      const target = replacement ? fields[replacement] : undefined;
      if (!target) problems.push(`${name}: "${field.deprecationReason}" names no field`);
      else if (String(target.type) !== String(field.type))
        problems.push(`${name}: ${String(field.type)}, but ${replacement} is ${String(target.type)}`);
    }
    expect(problems).toEqual([]);
    // meanHoursTo… (2), peerApprovedShare, share (2), topDecileShare, meanPredicted, observedRate, and more.
    expect(aliases).toBeGreaterThanOrEqual(8);
  });

  it('name averages avg… (mean… and …Avg only survive as deprecated aliases)', async () => {
    const retired: string[] = [];
    for (const { name, field } of fieldsOf(await buildCxSchema())) {
      if ((/^mean[A-Z]/.test(field.name) || /[a-z]Avg$/.test(field.name)) && !field.deprecationReason)
        retired.push(name);
    }
    expect(retired).toEqual([]);
  });

  it('name a percent …Pct or …Rate and a fraction 0-1 …Fraction (share and …Share only survive as aliases)', async () => {
    const misnamed: string[] = [];
    for (const { name, field } of fieldsOf(await buildCxSchema())) {
      if (field.deprecationReason) continue;
      const description = field.description ?? '';
      if (/^share$|Share$/.test(field.name))
        misnamed.push(`${name}: a share is …Pct (0-100) or …Fraction (0-1)`);
      if (/^percent 0-100/i.test(description) && !/(Pct|Rate)([A-Z][a-z]+)?$/.test(field.name))
        misnamed.push(`${name}: a percent 0-100 is …Pct or …Rate`);
      if (/(Pct|Rate)$/.test(field.name) && /\b0-1\b/.test(description))
        misnamed.push(`${name}: a percent is 0-100; a fraction 0-1 is …Fraction`);
    }
    expect(misnamed).toEqual([]);
  });
});
