import { CALIBRATION } from './calibration.js';
import type { ActivityEvent } from './activity.js';
import type { CustomerProfile } from './customers.js';
import { DissatisfactionTrack, additionsOf, signalsOf } from './dissatisfaction.js';
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
  const signals = signalsOf(events);
  const track = new DissatisfactionTrack(signals, from);
  const baseline =
    (CALIBRATION.baseChurnPerYear.value / YEAR_MS) *
    Math.exp(profile.tier === 'vip' ? CALIBRATION.vipChurnRisk.value : 0);
  // Inverse-transform sampling: the customer decides when the cumulative hazard reaches an Exp(1) draw.
  const threshold = rng.exponential(1);
  const lag = rng.uniform(STATE.decisionLagDays.min, STATE.decisionLagDays.max) * DAY_MS;
  // Most customers stay, and showing it needs no day-by-day walk: the level never exceeds the sum of the
  // signals' additions (decay and reliefs only lower it), so the hazard never exceeds the one at that level.
  // When even that hazard over the whole stretch stays below the threshold (with a margin far above the
  // rounding of the daily sums), the walk could not reach it either.
  const highest = Math.min(additionsOf(signals), STATE.cap);
  const bound = baseline * Math.exp(STATE.churnLogRiskPerUnit * highest) * (window.end - from);
  if (bound * (1 + 1e-9) < threshold) return null;
  let cumulative = 0;
  for (let at = from; at < window.end; at += DAY_MS) {
    const until = Math.min(at + DAY_MS, window.end);
    const level = Math.min(track.at(at), STATE.cap);
    // exp(0) is 1: most days of most customers need no exponential.
    const rate = level === 0 ? baseline : baseline * Math.exp(STATE.churnLogRiskPerUnit * level);
    if (cumulative + rate * (until - at) >= threshold) {
      const leaves = at + (threshold - cumulative) / rate + lag;
      return leaves < window.end ? leaves : null;
    }
    cumulative += rate * (until - at);
  }
  return null;
}
