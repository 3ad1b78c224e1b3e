import { registerEnumType } from 'type-graphql';

export enum Dimension {
  CHANNEL = 'channel',
  GENERATION = 'generation',
  REGION = 'region',
  TIER = 'tier',
  REASON = 'reason',
  ENTRY = 'entry',
  AGENT = 'agent',
  TEAM = 'team',
  QUEUE = 'queue',
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
    AGENT: {
      description:
        'The agent_id of the agent who handled the contact; for a survey response, of the contact it is about ' +
        '(null without contact_id). Agents need not be imported to appear here.',
    },
    TEAM: {
      description:
        'The team of that agent, from the agents import (null when the agent is unknown or has no team). A ' +
        "re-imported team applies to the agent's past contacts too.",
    },
    QUEUE: {
      description:
        'The queue or skill group that handled the contact; for a survey response, that of the contact it is about.',
    },
  },
});

/** Dimension values of a row, in the order the client asked for the dimensions. */
export type DimensionValues = Partial<Record<Dimension, string | null>>;

/** The GraphQL name of a stored enum value (they are its upper-case form: `in_person` → `IN_PERSON`). */
export function graphqlEnumName(value: string): string {
  return value.toUpperCase();
}
