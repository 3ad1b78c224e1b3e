import { registerEnumType } from 'type-graphql';

export enum Dimension {
  CHANNEL = 'channel',
  GENERATION = 'generation',
  REGION = 'region',
  TIER = 'tier',
  REASON = 'reason',
  ENTRY = 'entry',
}

registerEnumType(Dimension, {
  name: 'Dimension',
  description:
    'An attribute measures can be split by. Each measure accepts some of them (its description says which); ' +
    'asking for another is an error rather than a silently wrong number.',
  valuesConfig: {
    CHANNEL: {
      description: "Contact channel: a contact's own channel, or the channel a survey response is about.",
    },
    GENERATION: { description: "The customer's generation, from birth_year." },
    REGION: { description: "The customer's region, as imported (null when unknown)." },
    TIER: { description: "The customer's service tier (null when unknown)." },
    REASON: { description: 'Contact reason, as coded on the contact (null when not coded).' },
    ENTRY: { description: 'Self-service entry point where the session started.' },
  },
});

/** Dimension values of a row, in the order the client asked for the dimensions. */
export type DimensionValues = Partial<Record<Dimension, string | null>>;

/** The GraphQL name of a stored enum value (they are its upper-case form: `in_person` → `IN_PERSON`). */
export function graphqlEnumName(value: string): string {
  return value.toUpperCase();
}
