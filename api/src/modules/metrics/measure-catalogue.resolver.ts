import { Ctx, Query, Resolver } from 'type-graphql';
import type { DisplayConfig } from '../../config.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { MeasureCatalogue, type GoodDirection, type MeasureUnitKind } from './dto/measure-catalogue.type.js';
import { MEASURE_NAMES, MEASURES } from './measures.js';

/** The measure catalogue and the display settings, as one object a client reads once. */
export function measureCatalogue({ minimumSample, currency }: DisplayConfig): MeasureCatalogue {
  return {
    minimumSample,
    currency,
    measures: MEASURE_NAMES.map((name) => {
      const definition = MEASURES[name];
      const { sample } = definition;
      return {
        name,
        label: definition.label,
        description: definition.description,
        unit: definition.unit as MeasureUnitKind,
        decimals: definition.decimals,
        goodDirection: definition.better as GoodDirection,
        sampleNoun: sample?.noun ?? null,
        sampleField: sample?.field ?? null,
        minimumSample: sample ? minimumSample : null,
        tooFewLabel: sample ? `too few ${sample.noun} (under ${minimumSample})` : null,
      };
    }),
  };
}

@Resolver()
export class MeasureCatalogueResolver {
  @Query(() => MeasureCatalogue, {
    description:
      'How to present every measure (name, unit, rounding, good direction, what its n counts and the minimum ' +
      'sample below which it is flagged as too few), with the currency of money amounts.',
  })
  measureCatalogue(@Ctx() { display }: GraphQLContext): MeasureCatalogue {
    return measureCatalogue(display);
  }
}
