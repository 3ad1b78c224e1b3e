import { Field, Float, Int } from 'type-graphql';
import { graphqlEnumName } from '../dimension.js';
import { FAMILY_DIMENSIONS, MEASURES, type Measure } from '../measures.js';

/**
 * Declares a nullable GraphQL field per measure on an object type, typed and described from the
 * measure catalogue, so that no type restates (and drifts from) a definition. A renamed measure keeps its
 * former name as a deprecated alias: the objects carry its value under both (withFormerNames).
 */
export function addMeasureFields(type: { prototype: object }, measures: readonly Measure[]): void {
  for (const measure of measures) {
    const definition = MEASURES[measure];
    const splits = FAMILY_DIMENSIONS[definition.family].map(graphqlEnumName).join(', ');
    const description = `${definition.description} Splits and filters by: ${splits}.`;
    const fieldType = () => (definition.integer ? Int : Float);
    Field(fieldType, { nullable: true, description })(type.prototype, measure);
    if (definition.formerly) {
      Field(fieldType, {
        nullable: true,
        description: `${description} The former name of ${measure}.`,
        deprecationReason: `Use ${measure}.`,
      })(type.prototype, definition.formerly);
    }
  }
}
