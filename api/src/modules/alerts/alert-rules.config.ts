import { z } from 'zod';
import type { Channel } from '../contacts/channel.js';

/** Parses an absent object as {} so that its keys' defaults apply (every key of these objects has one). */
const EMPTY = {} as never;

const hours = z.number().positive({ message: 'expected a positive number of hours' });

/** SLA: hours from raising an alert to resolving it, per customer tier (customers without a tier count as standard). */
const slaHours = (vip: number, standard: number) =>
  z.strictObject({ vip: hours.default(vip), standard: hours.default(standard) }).prefault({});

const rule = <T extends z.ZodRawShape>(vip: number, standard: number, thresholds: T) =>
  z
    .strictObject({ enabled: z.boolean().default(true), slaHours: slaHours(vip, standard), ...thresholds })
    .prefault(EMPTY);

const count = (fallback: number) => z.number().int().min(1).default(fallback);

/**
 * The alert rules, their thresholds and SLAs. Every key is optional in CX_ALERT_RULES (a JSON file);
 * what it leaves out keeps these defaults, and unknown keys are refused so that a typo does not
 * silently keep a default. Defaults follow the recovery literature's "act at once": a day for a VIP,
 * two for others.
 */
export const alertRulesSchema = z
  .strictObject({
    vipDetractor: rule(24, 48, { maxScore: z.number().int().min(0).max(10).default(6) }),
    backfiredSelfService: rule(24, 48, {}),
    repeatContacts: rule(24, 48, { contacts: count(3), windowDays: count(7) }),
    riskJump: rule(24, 72, { threshold: z.number().int().min(1).max(100).default(70) }),
    longWait: rule(24, 72, {
      // Per channel, since what counts as long differs by two orders of magnitude between a call and an e-mail.
      waitSeconds: z
        .strictObject({
          phone: count(600),
          chat: count(300),
          email: count(86_400),
          social: count(14_400),
          video: count(600),
          in_person: count(1_200),
        } satisfies Record<Channel, z.ZodType>)
        .prefault(EMPTY),
    }),
    /** Mark customers whose self-service backfired as preferring a live agent (source AUTOMATIC). */
    automaticLiveAgentPreference: z.boolean().default(true),
  })
  .prefault({});

export type AlertRulesConfig = z.output<typeof alertRulesSchema>;

export type SlaHours = AlertRulesConfig['longWait']['slaHours'];

export const DEFAULT_ALERT_RULES: AlertRulesConfig = alertRulesSchema.parse(undefined);
