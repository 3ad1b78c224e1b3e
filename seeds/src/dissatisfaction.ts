import { CALIBRATION } from './calibration.js';
import type { ActivityEvent, ContactEvent, SessionEvent, SurveyEvent } from './activity.js';
import { isLongWait } from './experience.js';
import { DAY_MS, HOUR_MS } from './window.js';

/** Windows of the metric definitions (REPEAT_CONTACT_RATE, TRUE_DEFLECTION_RATE, BACKFIRE_RATE). */
const REPEAT_WINDOW_MS = 7 * DAY_MS;
const DEFLECTION_WINDOW_MS = 72 * HOUR_MS;
const BACKFIRE_WINDOW_MS = 7 * DAY_MS;

const STATE = CALIBRATION.dissatisfaction.value;
export type SignalName = keyof typeof STATE.signals;

/**
 * One observable signal that moves a customer's dissatisfaction: `at` is when it becomes known from the
 * rows (a contact counts as left unresolved only once 7 days pass without another one).
 */
export interface Signal {
  name: SignalName;
  at: number;
}

/**
 * Every signal the rows of these events carry, in time order. Each is visible in the imported data (scores,
 * repeat contacts, waits, contacts left unresolved, escalated or abandoned self-service, complaints and their
 * recovery), so a model fitted on the rows can find what drives the state.
 */
export function signalsOf(events: readonly ActivityEvent[]): Signal[] {
  const contacts = events.filter((event): event is ContactEvent => event.kind === 'contact');
  const sessions = events.filter((event): event is SessionEvent => event.kind === 'session');
  const surveys = events.filter((event): event is SurveyEvent => event.kind === 'survey');
  const signals: Signal[] = [];
  const add = (name: SignalName, at: number) => signals.push({ name, at });
  const contactWithin = (from: number, span: number) =>
    contacts.some((contact) => contact.at > from && contact.at <= from + span);

  for (const contact of contacts) {
    const { at, recovery } = contact;
    const longWait = isLongWait(contact.channel, contact.waitSeconds);
    if (contacts.some((other) => other.at < at && other.at >= at - REPEAT_WINDOW_MS))
      add('repeatContact', at);
    if (longWait) add('longWait', at);
    if (!contact.resolved && !contactWithin(at, REPEAT_WINDOW_MS))
      add('leftUnresolved', at + REPEAT_WINDOW_MS);
    if (recovery) {
      add('complaint', at);
      if (recovery.apology) add('apology', at);
      if (contact.resolved && !longWait) add('fastRecovery', at);
      if (!recovery.apology && recovery.recompenseType !== null) add('perksWithoutApology', at);
    }
  }
  for (const session of sessions) {
    if (session.outcome === 'escalated') add('escalatedSession', session.at);
    if (session.outcome === 'abandoned' && !contactWithin(session.at, DEFLECTION_WINDOW_MS)) {
      add('gaveUpSelfService', session.at + DEFLECTION_WINDOW_MS);
    }
  }
  for (const survey of surveys) {
    const { type, score, at } = survey;
    const detractor = type === 'nps' && score <= 6;
    const lowCsat = type === 'csat' && score <= 2;
    if (detractor) add('detractorNps', at);
    if (type === 'nps' && score >= 9) add('promoterNps', at);
    if (lowCsat) add('lowCsat', at);
    if (type === 'ces' && score <= 2) add('highEffort', at);
    if (
      (detractor || lowCsat) &&
      sessions.some((s) => s.outcome === 'escalated' && s.at < at && s.at >= at - BACKFIRE_WINDOW_MS)
    ) {
      add('backfire', at);
    }
  }
  // Same instant: additions before reliefs, so an apology on a complaint relieves the complaint too.
  return signals.sort((a, b) => a.at - b.at || kindOrder(a.name) - kindOrder(b.name));
}

const kindOrder = (name: SignalName) => ('factor' in STATE.signals[name] ? 1 : 0);
const decayPerMs = Math.LN2 / (STATE.halfLifeDays * DAY_MS);

/** The level after one signal: an addition (a bad experience), or a factor (an apology keeps 76% of it). */
function apply(level: number, name: SignalName): number {
  const effect = STATE.signals[name];
  return Math.max(0, 'factor' in effect ? level * effect.factor : level + effect.add);
}

/**
 * A customer's dissatisfaction: bad experiences add to it, it decays with a half-life of months, and
 * recovery lowers it (an apology by a share, a fast fix and a promoter score by a little). Walked forward in
 * time: `at(t)` may only be asked for non-decreasing t.
 */
export class DissatisfactionTrack {
  private level = 0;
  private last: number;
  private next = 0;

  constructor(
    private readonly signals: readonly Signal[],
    from: number,
  ) {
    this.last = from;
  }

  at(t: number): number {
    while (this.next < this.signals.length && this.signals[this.next]!.at < t) {
      const signal = this.signals[this.next++]!;
      this.decayTo(signal.at);
      this.level = apply(this.level, signal.name);
    }
    this.decayTo(t);
    return this.level;
  }

  private decayTo(t: number): void {
    if (t > this.last) this.level *= Math.exp(-decayPerMs * (t - this.last));
    this.last = Math.max(this.last, t);
  }
}

/** The level at `t` from the signals of the events so far (those known before t). */
export function dissatisfactionAt(events: readonly ActivityEvent[], from: number, t: number): number {
  return new DissatisfactionTrack(signalsOf(events), from).at(t);
}
