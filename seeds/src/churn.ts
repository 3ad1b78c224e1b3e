import { CALIBRATION } from './calibration.js';
import type { ActivityEvent } from './activity.js';
import type { CustomerProfile } from './customers.js';
import { DissatisfactionTrack, signalsOf } from './dissatisfaction.js';
import type { Random } from './random.js';
import { DAY_MS, YEAR_MS, type Window } from './window.js';

const STATE = CALIBRATION.dissatisfaction.value;

/**
 * Churn as customers drift away: the decision to leave is a proportional-hazards process whose log-risk
 * grows with the customer's dissatisfaction (dissatisfaction.ts), a state built from signals visible in the
 * imported rows; the customer then leaves after a decision lag of weeks. So the weeks and months before a
 * departure carry its warnings, as source 001 describes. The hazard is integrated day by day (the state
 * decays continuously). Returns when the customer leaves, or null if they stay past the end of the window.
 */
export function churnTime(
  rng: Random,
  profile: CustomerProfile,
  events: readonly ActivityEvent[],
  window: Window,
): number | null {
  const from = Math.max(window.start, profile.signupAt);
  const track = new DissatisfactionTrack(signalsOf(events), from);
  const baseline =
    (CALIBRATION.baseChurnPerYear.value / YEAR_MS) *
    Math.exp(profile.tier === 'vip' ? CALIBRATION.vipChurnRisk.value : 0);
  // Inverse-transform sampling: the customer decides when the cumulative hazard reaches an Exp(1) draw.
  const threshold = rng.exponential(1);
  const lag = rng.uniform(STATE.decisionLagDays.min, STATE.decisionLagDays.max) * DAY_MS;
  let cumulative = 0;
  for (let at = from; at < window.end; at += DAY_MS) {
    const until = Math.min(at + DAY_MS, window.end);
    const level = Math.min(track.at(at), STATE.cap);
    const rate = baseline * Math.exp(STATE.churnLogRiskPerUnit * level);
    if (cumulative + rate * (until - at) >= threshold) {
      const leaves = at + (threshold - cumulative) / rate + lag;
      return leaves < window.end ? leaves : null;
    }
    cumulative += rate * (until - at);
  }
  return null;
}
