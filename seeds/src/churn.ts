import { CALIBRATION } from './calibration.js';
import type { ActivityEvent, ContactEvent, SessionEvent, SurveyEvent } from './activity.js';
import type { CustomerProfile } from './customers.js';
import { isLongWait } from './experience.js';
import type { Random } from './random.js';
import { DAY_MS, HOUR_MS, YEAR_MS, type Window } from './window.js';

/** Windows of the metrics of docs/concepts.md (REPEAT_CONTACT_RATE, TRUE_DEFLECTION_RATE, BACKFIRE_RATE). */
const REPEAT_WINDOW_MS = 7 * DAY_MS;
const DEFLECTION_WINDOW_MS = 72 * HOUR_MS;
const BACKFIRE_WINDOW_MS = 7 * DAY_MS;

type SignalName = keyof typeof CALIBRATION.churnSignals.value;

/** One warning (or reassuring) signal: from `at`, it adds `logRisk` to the hazard for `days`. */
interface ChurnSignal {
  name: SignalName;
  at: number;
}

/**
 * Churn is a proportional-hazards process: a baseline hazard per year times exp(Σ log-risk of the
 * signals active at that moment). Every signal is something visible in the imported rows (scores,
 * repeat contacts, waits, unresolved contacts, escalated or abandoned sessions, recovery fields), so a
 * risk model fitted on the data can find it. Returns when the customer leaves, or null if they stay
 * past the end of the window.
 */
export function churnTime(
  rng: Random,
  profile: CustomerProfile,
  events: readonly ActivityEvent[],
  window: Window,
): number | null {
  const steps = riskSteps(churnSignals(events));
  const baseline =
    (CALIBRATION.baseChurnPerYear.value / YEAR_MS) *
    Math.exp(profile.tier === 'vip' ? CALIBRATION.vipChurnRisk.value : 0);
  // Inverse-transform sampling: the customer leaves when the cumulative hazard reaches an Exp(1) draw.
  const threshold = rng.exponential(1);
  let cumulative = 0;
  let logRisk = 0;
  let at = Math.max(window.start, profile.signupAt);
  for (const step of [...steps, { at: window.end, delta: 0 }]) {
    const until = Math.min(step.at, window.end);
    if (until > at) {
      const rate = baseline * Math.exp(logRisk);
      if (cumulative + rate * (until - at) >= threshold) return at + (threshold - cumulative) / rate;
      cumulative += rate * (until - at);
      at = until;
    }
    logRisk += step.delta;
  }
  return null;
}

/** The changes of log-risk over time: +effect when a signal starts, −effect when it expires. */
function riskSteps(signals: ChurnSignal[]): { at: number; delta: number }[] {
  const steps: { at: number; delta: number }[] = [];
  for (const { name, at } of signals) {
    const { logRisk, days } = CALIBRATION.churnSignals.value[name];
    steps.push({ at, delta: logRisk }, { at: at + days * DAY_MS, delta: -logRisk });
  }
  return steps.sort((a, b) => a.at - b.at);
}

function churnSignals(events: readonly ActivityEvent[]): ChurnSignal[] {
  const contacts = events.filter((event): event is ContactEvent => event.kind === 'contact');
  const sessions = events.filter((event): event is SessionEvent => event.kind === 'session');
  const surveys = events.filter((event): event is SurveyEvent => event.kind === 'survey');
  const signals: ChurnSignal[] = [];
  const add = (name: SignalName, at: number) => signals.push({ name, at });
  const contactWithin = (from: number, span: number) =>
    contacts.some((contact) => contact.at > from && contact.at <= from + span);

  for (const contact of contacts) {
    const { at, recovery } = contact;
    const longWait = isLongWait(contact.channel, contact.waitSeconds);
    if (contacts.some((other) => other.at < at && other.at >= at - REPEAT_WINDOW_MS))
      add('repeatContact', at);
    if (longWait) add('longWait', at);
    if (!contact.resolved && !contactWithin(at, REPEAT_WINDOW_MS)) add('leftUnresolved', at);
    if (recovery) {
      add('complaint', at);
      add(recovery.apology ? 'apology' : 'noApology', at);
      if (contact.resolved && !longWait) add('fastRecovery', at);
      if (!recovery.apology && recovery.recompenseType !== null) add('perksWithoutApology', at);
    }
  }
  for (const session of sessions) {
    if (session.outcome === 'escalated') add('escalatedSession', session.at);
    if (session.outcome === 'abandoned' && !contactWithin(session.at, DEFLECTION_WINDOW_MS)) {
      add('gaveUpSelfService', session.at);
    }
  }
  for (const survey of surveys) {
    const { type, score, at } = survey;
    const detractor = type === 'nps' && score <= 6;
    const lowCsat = type === 'csat' && score <= 2;
    if (detractor) add('detractorNps', at);
    if (lowCsat) add('lowCsat', at);
    if (type === 'ces' && score <= 2) add('highEffort', at);
    if (
      (detractor || lowCsat) &&
      sessions.some((s) => s.outcome === 'escalated' && s.at < at && s.at >= at - BACKFIRE_WINDOW_MS)
    ) {
      add('backfire', at);
    }
  }
  return signals;
}
