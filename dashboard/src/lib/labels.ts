import type {
  RecoveryGroup,
  AlertAction,
  AlertRule,
  AlertStatus,
  Channel,
  Comparison,
  Generation,
  SelfServiceEntry,
  Tier,
} from '$lib/graphql/generated/graphql';

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

export const ALERT_RULE_LABELS: Record<AlertRule, string> = {
  BACKFIRED_SELF_SERVICE: 'Self-service backfired',
  LONG_WAIT: 'Long wait',
  REPEAT_CONTACTS: 'Repeat contacts',
  RISK_JUMP: 'Risk jumped to 70+',
  VIP_DETRACTOR: 'VIP detractor',
};

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  CUSTOMER_CONTACTED: 'Called back',
  RESOLVED: 'Resolved',
};

export const ALERT_ACTION_LABELS: Record<AlertAction, string> = {
  OPENED: 'Opened',
  ACKNOWLEDGED: 'Acknowledged',
  ASSIGNED: 'Assigned',
  CUSTOMER_CONTACTED: 'Called back',
  NOTE_ADDED: 'Note',
  RESOLVED: 'Resolved',
};

/** Said where a filter window applies to something that is not a measure (alerts by their event). */
export const PRESET_RANGE_NOTE = 'Change the period above to see older or newer events.';

/** A contact reason as imported ("app_error") as a reader sees it ("App error"); null when none was recorded. */
export function reasonLabel(reason: string | null | undefined): string {
  if (reason == null || reason.trim() === '') return 'Not recorded';
  const words = reason.trim().replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const RECOVERY_GROUP_LABELS: Record<RecoveryGroup, string> = {
  APOLOGY: 'Apology',
  PERKS_ONLY: 'Perks only (no apology)',
  NEITHER: 'Neither',
  WITHIN_POLICY: 'Within policy',
  OUT_OF_POLICY_PEER_APPROVED: 'Exception, peer-approved',
  OUT_OF_POLICY_NOT_APPROVED: 'Exception, not approved',
};
