import type { Channel, Comparison, Generation, SelfServiceEntry, Tier } from '$lib/graphql/generated/graphql';

/*
 * Display names of the schema's enums. Records over the generated union types, so a value added to the
 * schema fails the type check here until it has a label.
 */
export const CHANNEL_LABELS: Record<Channel, string> = {
  PHONE: 'Phone',
  CHAT: 'Chat',
  EMAIL: 'E-mail',
  SOCIAL: 'Social',
  VIDEO: 'Video',
  IN_PERSON: 'In person',
};

export const GENERATION_LABELS: Record<Generation, string> = {
  SILENT: 'Silent',
  BOOMER: 'Baby Boomers',
  GEN_X: 'Gen X',
  MILLENNIAL: 'Millennials',
  GEN_Z: 'Gen Z',
};

export const TIER_LABELS: Record<Tier, string> = { STANDARD: 'Standard', VIP: 'VIP' };

export const ENTRY_LABELS: Record<SelfServiceEntry, string> = {
  FAQ: 'FAQ',
  KNOWLEDGE_BASE: 'Knowledge base',
  CHATBOT: 'Chatbot',
  IVR: 'IVR',
  COMMUNITY: 'Community',
};

export const COMPARISON_LABELS: Record<Comparison, string> = {
  PREVIOUS_PERIOD: 'Previous period',
  PREVIOUS_YEAR: 'Same period last year',
};

/** The keys of a label record, typed: the values a select offers. */
export function optionsOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[];
}

/** Label of an enum value that may be absent (rows without a value for the dimension, e.g. surveys that name no channel). */
export function labelOf<K extends string>(labels: Record<K, string>, value: K | null | undefined): string {
  return value == null ? 'Not recorded' : labels[value];
}
