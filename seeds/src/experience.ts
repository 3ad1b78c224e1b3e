import { CALIBRATION } from './calibration.js';
import type { CustomerProfile } from './customers.js';
import type { Random } from './random.js';
import { SCORE_RANGES, type Channel, type SurveyType } from './rows.js';

/**
 * Satisfaction is simulated on one latent scale (0 ≈ an ordinary, fine experience; ±1 a clearly
 * better or worse one) and only mapped to a survey's range when the customer answers, so NPS, CSAT and
 * CES of the same experience agree with each other.
 */
const EXPERIENCE = CALIBRATION.experience.value;

/** How the customer came to the agent: straight, or after a self-service session that did not help. */
export type Arrival =
  | 'direct'
  /** Escalated out of self-service they did not want (prefers a live agent): the backfire case. */
  | 'backfire'
  | 'escalated'
  | 'failed_self_service';

export interface ContactExperience {
  channel: Channel;
  waitSeconds: number;
  transfers: number;
  resolved: boolean;
  repeat: boolean;
  arrival: Arrival;
  apology: boolean;
  recompense: boolean;
}

export function isLongWait(channel: Channel, waitSeconds: number): boolean {
  return waitSeconds > CALIBRATION.waitSeconds.value[channel].patience;
}

/** Satisfaction lost to waiting: grows with the wait relative to what the channel's customers tolerate. */
function waitCost(profile: CustomerProfile, channel: Channel, waitSeconds: number): number {
  const perUnit = profile.timeSensitive ? EXPERIENCE.waitCost.timeSensitive : EXPERIENCE.waitCost.other;
  const relative = waitSeconds / CALIBRATION.waitSeconds.value[channel].patience;
  return perUnit * CALIBRATION.impatienceByGeneration.value[profile.generation] * Math.log1p(relative);
}

const ARRIVAL_SHIFT: Record<Arrival, number> = {
  direct: 0,
  backfire: EXPERIENCE.backfireAnger,
  escalated: EXPERIENCE.escalatedSession,
  failed_self_service: EXPERIENCE.failedSelfService,
};

/** The situational part of a contact's satisfaction (without the customer's general disposition). */
export function contactSatisfaction(
  rng: Random,
  profile: CustomerProfile,
  contact: ContactExperience,
): number {
  return (
    CALIBRATION.channelSatisfaction.value[contact.channel] +
    (contact.resolved ? EXPERIENCE.resolved : EXPERIENCE.unresolved) +
    EXPERIENCE.perTransfer * contact.transfers +
    (contact.repeat ? EXPERIENCE.repeat : 0) -
    waitCost(profile, contact.channel, contact.waitSeconds) +
    ARRIVAL_SHIFT[contact.arrival] +
    (contact.apology ? EXPERIENCE.apology : 0) +
    (contact.recompense ? EXPERIENCE.recompense : 0) +
    rng.normal(0, EXPERIENCE.noise)
  );
}

export function selfServiceSatisfaction(rng: Random, resolved: boolean): number {
  return (
    (resolved ? EXPERIENCE.selfServiceResolved : EXPERIENCE.failedSelfService) +
    rng.normal(0, EXPERIENCE.noise)
  );
}

/** How the customer feels overall about an experience: their disposition plus the situation. */
export function overallSatisfaction(profile: CustomerProfile, situational: number): number {
  return EXPERIENCE.base + profile.disposition + situational;
}

/** The score a customer who feels `satisfaction` gives on this survey's scale. */
export function scoreFor(type: SurveyType, satisfaction: number): number {
  const { center, perUnit } = CALIBRATION.scoreScale.value[type];
  const { min, max } = SCORE_RANGES[type];
  return Math.min(max, Math.max(min, Math.round(center + perUnit * satisfaction)));
}
