import { registerEnumType } from 'type-graphql';

export enum Generation {
  SILENT = 'silent',
  BOOMER = 'boomer',
  GEN_X = 'gen_x',
  MILLENNIAL = 'millennial',
  GEN_Z = 'gen_z',
}

registerEnumType(Generation, {
  name: 'Generation',
  description: "Generational segment derived from the customer's birth_year.",
  valuesConfig: {
    SILENT: { description: 'Born 1945 or earlier.' },
    BOOMER: { description: 'Baby Boomers, born 1946-1964.' },
    GEN_X: { description: 'Generation X, born 1965-1979.' },
    MILLENNIAL: { description: 'Millennials, born 1980-2000.' },
    GEN_Z: { description: 'Generation Z, born 2001 or later.' },
  },
});

/** The generation ranges of docs/concepts.md (taken from the seed documents). */
export function generationOf(birthYear: number): Generation {
  if (birthYear <= 1945) return Generation.SILENT;
  if (birthYear <= 1964) return Generation.BOOMER;
  if (birthYear <= 1979) return Generation.GEN_X;
  if (birthYear <= 2000) return Generation.MILLENNIAL;
  return Generation.GEN_Z;
}
