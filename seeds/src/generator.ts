import { simulateActivity, type ActivityEvent } from './activity.js';
import { churnTime } from './churn.js';
import { createProfile, type CustomerProfile } from './customers.js';
import { staffCustomer, type Timed } from './agents.js';
import { Random } from './random.js';
import {
  isoTimestamp,
  type ContactRow,
  type CustomerRow,
  type SelfServiceRow,
  type SurveyRow,
} from './rows.js';
import { assertGeneratorOptions, windowOf, type GeneratorOptions, type Window } from './window.js';

/** Rows of every kind for a range of customers, each list ordered by customer, then time. */
export interface GeneratedBatch {
  customers: CustomerRow[];
  surveys: SurveyRow[];
  contacts: ContactRow[];
  sessions: SelfServiceRow[];
}

/** Independent PRNG streams per customer, so e.g. a change to the activity model keeps names stable. */
const STREAM = { profile: 1, activity: 2, churn: 3 } as const;

/**
 * Customer ids are `C` + the 1-based customer number padded to 7 digits (C0000001); the records of
 * customer C0000042 are S0000042-01… (survey responses), X0000042-01… (contacts) and K0000042-01…
 * (self-service sessions), numbered in time order.
 */
export function customerId(index: number): string {
  return `C${customerNumber(index)}`;
}

function customerNumber(index: number): string {
  return String(index + 1).padStart(7, '0');
}

const RECORD_PREFIX = { survey: 'S', contact: 'X', session: 'K' } as const;

/**
 * The histories of customers `fromIndex` … `fromIndex + count − 1`. Customer i's rows depend only on
 * (seed, i, months, until), so any chunking of the index range yields the same rows.
 */
export function generateCustomers(
  options: GeneratorOptions,
  fromIndex: number,
  count: number,
): GeneratedBatch {
  assertGeneratorOptions(options);
  if (!Number.isInteger(fromIndex) || fromIndex < 0 || !Number.isInteger(count) || count < 0) {
    throw new RangeError(`expected whole, non-negative fromIndex and count, got ${fromIndex} and ${count}`);
  }
  const window = windowOf(options);
  const batch: GeneratedBatch = { customers: [], surveys: [], contacts: [], sessions: [] };
  for (let index = fromIndex; index < fromIndex + count; index++) {
    appendHistory(batch, options.seed, index, window);
  }
  return batch;
}

/**
 * The hidden traits behind customer `index` (e.g. whether they prefer a live agent): the ground truth a
 * routing rule or risk model built on the imported data can be checked against. Not part of any row.
 */
export function customerProfile(options: GeneratorOptions, index: number): CustomerProfile {
  assertGeneratorOptions(options);
  return profileOf(options.seed, index, windowOf(options));
}

function profileOf(seed: number, index: number, window: Window): CustomerProfile {
  return createProfile(new Random(seed, index, STREAM.profile), window, customerId(index), index + 1);
}

function appendHistory(batch: GeneratedBatch, seed: number, index: number, window: Window): void {
  const id = customerId(index);
  const profile = profileOf(seed, index, window);
  const simulated = simulateActivity(new Random(seed, index, STREAM.activity), profile, window);
  const churnedAt = churnTime(new Random(seed, index, STREAM.churn), profile, simulated, window);
  const events = eventsBefore(simulated, churnedAt ?? window.end);

  batch.customers.push(customerRow(profile, churnedAt));
  const ids = recordIds(events, customerNumber(index));
  // The agent layer (agents.ts) works customer by customer, on the rows' times to the second.
  const contacts: Timed<ContactRow>[] = [];
  const surveys: Timed<SurveyRow>[] = [];
  const hardSessionStarts: number[] = [];
  for (const event of events) {
    const recordId = ids.get(event)!;
    const at = toSecond(event.at);
    if (event.kind === 'survey') {
      const row: SurveyRow = {
        response_id: recordId,
        customer_id: id,
        type: event.type,
        score: event.score,
        comment: event.comment,
        channel: event.channel,
        touchpoint: event.touchpoint,
        responded_at: isoTimestamp(at),
        contact_id: null,
      };
      batch.surveys.push(row);
      surveys.push({ row, at });
    } else if (event.kind === 'session') {
      batch.sessions.push({
        session_id: recordId,
        customer_id: id,
        entry: event.entry,
        started_at: isoTimestamp(at),
        steps: event.steps,
        outcome: event.outcome,
        escalated_contact_id: event.contact ? ids.get(event.contact)! : null,
      });
      if (event.outcome !== 'resolved') hardSessionStarts.push(at);
    } else {
      const recovery = event.recovery;
      const row: ContactRow = {
        contact_id: recordId,
        customer_id: id,
        channel: event.channel,
        reason: event.reason,
        queue: event.queue,
        agent_id: event.agentId,
        started_at: isoTimestamp(at),
        wait_seconds: event.waitSeconds,
        handle_seconds: event.handleSeconds,
        transfers: event.transfers,
        resolved: event.resolved,
        first_contact_resolution: event.firstContactResolution,
        escalated: event.escalated,
        self_service_session_id: event.session ? ids.get(event.session)! : null,
        out_of_policy: recovery?.outOfPolicy ?? null,
        peer_approved: recovery?.peerApproved ?? null,
        approved_by: null,
        apology: recovery?.apology ?? null,
        recompense_type: recovery?.recompenseType ?? null,
        recompense_value: recovery?.recompenseValue ?? null,
      };
      batch.contacts.push(row);
      contacts.push({ row, at });
    }
  }
  staffCustomer(seed, contacts, hardSessionStarts, surveys);
}

/** An instant truncated to its second, as the row's timestamp (isoTimestamp) shows it. */
function toSecond(epochMs: number): number {
  return Math.floor(epochMs / 1000) * 1000;
}

/**
 * The events that happen before the customer leaves (or the window ends). An escalated session and the
 * contact it handed over to stay or go together, so links never point at a record that was not generated.
 */
function eventsBefore(events: readonly ActivityEvent[], end: number): ActivityEvent[] {
  return events.filter((event) => {
    if (event.kind === 'session' && event.contact) return event.contact.at < end;
    return event.at < end;
  });
}

function recordIds(events: readonly ActivityEvent[], number: string): Map<ActivityEvent, string> {
  const counters = { survey: 0, contact: 0, session: 0 };
  const ids = new Map<ActivityEvent, string>();
  for (const event of events) {
    const sequence = String(++counters[event.kind]).padStart(2, '0');
    ids.set(event, `${RECORD_PREFIX[event.kind]}${number}-${sequence}`);
  }
  return ids;
}

function customerRow(profile: CustomerProfile, churnedAt: number | null): CustomerRow {
  return {
    customer_id: profile.customerId,
    name: profile.name,
    email: profile.email,
    birth_year: profile.birthYear,
    region: profile.region,
    tier: profile.tier,
    lifetime_value: profile.lifetimeValue,
    signup_date: isoTimestamp(profile.signupAt),
    churned_at: churnedAt === null ? null : isoTimestamp(churnedAt),
  };
}
