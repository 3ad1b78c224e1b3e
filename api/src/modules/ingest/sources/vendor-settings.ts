import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Channel } from '../../contacts/channel.js';

/*
 * The settings of a vendor import (`cx import … --format qualtrics|zendesk --settings FILE`, JSON or
 * YAML): which question is which, how customers are matched, how channels and reasons are read. Every
 * key is optional; without a file the defaults below apply.
 */

const channel = z.enum(Channel);

export const qualtricsSettingsSchema = z.strictObject({
  /**
   * Which question is which, by column id (Q7) or ImportId (QID7). Without them: the NPS question is the
   * one Qualtrics gives a <id>_NPS_GROUP column; CSAT and CES are found by their question text
   * ("satisfied"; "easy" or "effort"); the comment is the only text-entry question (ImportId QIDn_TEXT).
   * `none` turns one off.
   */
  questions: z
    .strictObject({
      nps: z.string().min(1).optional(),
      csat: z.string().min(1).optional(),
      ces: z.string().min(1).optional(),
      comment: z.string().min(1).optional(),
    })
    .default({}),
  /** The column holding the CRM customer id: ExternalReference, or an embedded data field. */
  customerId: z.string().min(1).default('ExternalReference'),
  /** Match a response without a CRM id to the customer with the respondent's e-mail (RecipientEmail). */
  matchByEmail: z.boolean().default(true),
  email: z.string().min(1).default('RecipientEmail'),
  /** Embedded data fields read as the response's channel and touchpoint (default: fields so named, any case). */
  channel: z.string().min(1).optional(),
  touchpoint: z.string().min(1).optional(),
  /** Values of the channel field and what they mean (e.g. Telephone: phone); others are lower-cased. */
  channels: z.record(z.string(), channel).default({}),
  /** The time zone of the export's dates, when its third header row does not say (an IANA name). */
  timeZone: z.string().min(1).optional(),
});

/** Zendesk's via.channel values a setting may send to a contact channel, or `skip`. */
const channelOrSkip = z.union([channel, z.literal('skip')]);

export const zendeskSettingsSchema = z.strictObject({
  /** via.channel values and the channel each becomes (or skip); they override the built-in table. */
  channels: z.record(z.string(), channelOrSkip).default({}),
  /**
   * How a ticket's reason is chosen: the first of its tags listed under `tags` gives the reason named
   * there; otherwise the first of `then` that the ticket has (its type, its subject, its first tag).
   */
  reason: z
    .strictObject({
      tags: z.record(z.string(), z.string().min(1)).default({}),
      then: z.array(z.enum(['type', 'subject', 'tag'])).default(['type']),
    })
    .default({ tags: {}, then: ['type'] }),
  /** Match a requester without an external_id to the customer with the requester's e-mail. */
  matchByEmail: z.boolean().default(true),
  /** The CSAT score (1–5) each satisfaction rating becomes. */
  ratingScores: z
    .strictObject({ good: z.number().int().min(1).max(5), bad: z.number().int().min(1).max(5) })
    .default({ good: 5, bad: 1 }),
});

export const vendorSettingsSchema = z.strictObject({
  qualtrics: qualtricsSettingsSchema.default(qualtricsSettingsSchema.parse({})),
  zendesk: zendeskSettingsSchema.default(zendeskSettingsSchema.parse({})),
});

export type QualtricsSettings = z.output<typeof qualtricsSettingsSchema>;
export type ZendeskSettings = z.output<typeof zendeskSettingsSchema>;
export type VendorSettings = z.output<typeof vendorSettingsSchema>;

export const DEFAULT_VENDOR_SETTINGS: VendorSettings = vendorSettingsSchema.parse({});

/** Why a settings file cannot be used; the message names the file and the key. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

export async function loadVendorSettings(path: string, shown: string): Promise<VendorSettings> {
  let raw: unknown;
  try {
    const text = await readFile(path, 'utf8');
    raw = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new SettingsError(`${shown}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = vendorSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SettingsError(`${shown}: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  return parsed.data;
}

/** A setting's value for a key of the file, own keys only (a key named like a prototype property is absent). */
export function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
