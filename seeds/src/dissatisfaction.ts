import { CALIBRATION } from './calibration.js';
import type { ActivityEvent } from './activity.js';
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

/** Signals are collected for times in [from, to): the whole history, or the stretch a walk has reached. */
interface Span {
  from: number;
  to: number;
}

const ALL_TIME: Span = { from: -Infinity, to: Infinity };

/**
 * Every signal the rows of these events carry, in time order. Each is visible in the imported data (scores,
 * repeat contacts, waits, contacts left unresolved, escalated or abandoned self-service, complaints and their
 * recovery), so a model fitted on the rows can find what drives the state. With a span, only the signals
 * whose time lies in it, in the order they have in the whole list.
 */
export function signalsOf(events: readonly ActivityEvent[], span: Span = ALL_TIME): Signal[] {
  const signals: Signal[] = [];
  // Each condition is tested only for a signal inside the span: the window searches are what cost.
  for (const contact of events) {
    if (contact.kind !== 'contact') continue;
    const { at, recovery } = contact;
    const longWait = isLongWait(contact.channel, contact.waitSeconds);
    if (inSpan(span, at) && contactBetween(events, at - REPEAT_WINDOW_MS, at))
      add(signals, 'repeatContact', at);
    if (longWait && inSpan(span, at)) add(signals, 'longWait', at);
    const unresolvedAt = at + REPEAT_WINDOW_MS;
    if (!contact.resolved && inSpan(span, unresolvedAt) && !contactWithin(events, at, REPEAT_WINDOW_MS))
      add(signals, 'leftUnresolved', unresolvedAt);
    if (recovery && inSpan(span, at)) {
      add(signals, 'complaint', at);
      if (recovery.apology) add(signals, 'apology', at);
      if (contact.resolved && !longWait) add(signals, 'fastRecovery', at);
      if (!recovery.apology && recovery.recompenseType !== null) add(signals, 'perksWithoutApology', at);
    }
  }
  for (const session of events) {
    if (session.kind !== 'session') continue;
    if (session.outcome === 'escalated' && inSpan(span, session.at))
      add(signals, 'escalatedSession', session.at);
    const gaveUpAt = session.at + DEFLECTION_WINDOW_MS;
    if (
      session.outcome === 'abandoned' &&
      inSpan(span, gaveUpAt) &&
      !contactWithin(events, session.at, DEFLECTION_WINDOW_MS)
    ) {
      add(signals, 'gaveUpSelfService', gaveUpAt);
    }
  }
  for (const survey of events) {
    if (survey.kind !== 'survey' || !inSpan(span, survey.at)) continue;
    const { type, score, at } = survey;
    const detractor = type === 'nps' && score <= 6;
    const lowCsat = type === 'csat' && score <= 2;
    if (detractor) add(signals, 'detractorNps', at);
    if (type === 'nps' && score >= 9) add(signals, 'promoterNps', at);
    if (lowCsat) add(signals, 'lowCsat', at);
    if (type === 'ces' && score <= 2) add(signals, 'highEffort', at);
    if ((detractor || lowCsat) && escalatedSessionBetween(events, at - BACKFIRE_WINDOW_MS, at)) {
      add(signals, 'backfire', at);
    }
  }
  // Same instant: additions before reliefs, so an apology on a complaint relieves the complaint too.
  return signals.sort(bySignalTime);
}

function inSpan(span: Span, at: number): boolean {
  return at >= span.from && at < span.to;
}

function add(signals: Signal[], name: SignalName, at: number): void {
  signals.push({ name, at });
}

/** Whether a contact started in [from, before). */
function contactBetween(events: readonly ActivityEvent[], from: number, before: number): boolean {
  for (const e of events) if (e.kind === 'contact' && e.at < before && e.at >= from) return true;
  return false;
}

/** Whether a contact started in (after, after + span]. */
function contactWithin(events: readonly ActivityEvent[], after: number, span: number): boolean {
  for (const e of events) if (e.kind === 'contact' && e.at > after && e.at <= after + span) return true;
  return false;
}

/** Whether a session escalated to an agent started in [from, before). */
function escalatedSessionBetween(events: readonly ActivityEvent[], from: number, before: number): boolean {
  for (const e of events)
    if (e.kind === 'session' && e.outcome === 'escalated' && e.at < before && e.at >= from) return true;
  return false;
}

const bySignalTime = (a: Signal, b: Signal) => a.at - b.at || kindOrder(a.name) - kindOrder(b.name);
const kindOrder = (name: SignalName) => ('factor' in STATE.signals[name] ? 1 : 0);
const decayPerMs = Math.LN2 / (STATE.halfLifeDays * DAY_MS);
const DAY_DECAY = Math.exp(-decayPerMs * DAY_MS);

/** The factor a level keeps over `ms` milliseconds. */
function decayOver(ms: number): number {
  return ms === DAY_MS ? DAY_DECAY : Math.exp(-decayPerMs * ms);
}

/** The sum of what the signals add: a ceiling on the level they can raise (reliefs and decay only lower it). */
export function additionsOf(signals: readonly Signal[]): number {
  let sum = 0;
  for (const { name } of signals) {
    const effect = STATE.signals[name];
    if ('add' in effect) sum += effect.add;
  }
  return sum;
}

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
    // The churn model asks for every day: a level of 0 stays 0, and a day's decay is the same factor.
    if (t > this.last && this.level !== 0) this.level *= decayOver(t - this.last);
    this.last = Math.max(this.last, t);
  }
}

/**
 * The level while the events are still being simulated: `at(events, t)` equals
 * `new DissatisfactionTrack(signalsOf(events), from).at(t)` without recomputing the whole history each
 * time, for non-decreasing t, provided every event added since the last call happens at or after that
 * call's t (a simulation that moves forward in time). Such events cannot change a signal known before that
 * t: each window a signal depends on (repeat, deflection, backfire) ends before the signal's own time. So
 * the signals before the last t are applied once, and each call adds only those since, in the same order
 * and with the same arithmetic, so the levels are identical to the last bit.
 */
export class GrowingDissatisfaction {
  private level = 0;
  /** Time of the last signal applied (or the start): the level is exact there. */
  private last: number;
  /** Every signal before this time has been applied. */
  private appliedBefore = -Infinity;

  constructor(from: number) {
    this.last = from;
  }

  at(events: readonly ActivityEvent[], t: number): number {
    if (t > this.appliedBefore) {
      for (const signal of signalsOf(events, { from: this.appliedBefore, to: t })) {
        if (signal.at > this.last) {
          if (this.level !== 0) this.level *= decayOver(signal.at - this.last);
          this.last = signal.at;
        }
        this.level = apply(this.level, signal.name);
      }
      this.appliedBefore = t;
    }
    return t > this.last && this.level !== 0 ? this.level * decayOver(t - this.last) : this.level;
  }
}
