import { Field, Float, Int } from 'type-graphql';
import { graphqlEnumName } from '../dimension.js';
import { FAMILY_DIMENSIONS, MEASURES, type Measure } from '../measures.js';

/**
 * Declares a nullable GraphQL field per measure on an object type, typed and described from the
 * measure catalogue, so that no type restates (and drifts from) a definition.
 */
export function addMeasureFields(type: { prototype: object }, measures: readonly Measure[]): void {
  for (const measure of measures) {
    const definition = MEASURES[measure];
    const splits = FAMILY_DIMENSIONS[definition.family].map(graphqlEnumName).join(', ');
    Field(() => (definition.integer ? Int : Float), {
      nullable: true,
      description: `${definition.description} Splits and filters by: ${splits}.`,
    })(type.prototype, measure);
  }
}
