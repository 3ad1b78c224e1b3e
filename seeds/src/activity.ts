import { CALIBRATION } from './calibration.js';
import { commentFor, type CommentContext } from './comments.js';
import type { CustomerProfile } from './customers.js';
import { GrowingDissatisfaction } from './dissatisfaction.js';
import {
  contactSatisfaction,
  isLongWait,
  overallSatisfaction,
  scoreFor,
  selfServiceSatisfaction,
  type Arrival,
} from './experience.js';
import { WeightTable, WeightTables, type Random } from './random.js';
import {
  GENERATIONS,
  type Channel,
  type Generation,
  type SelfServiceEntry,
  type SelfServiceOutcome,
  type SurveyType,
} from './rows.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, YEAR_MS, type Window } from './window.js';

/** Complaint handling recorded on a contact (the recovery columns of docs/importing.md). */
export interface Recovery {
  apology: boolean;
  outOfPolicy: boolean;
  peerApproved: boolean | null;
  recompenseType: string | null;
  recompenseValue: number | null;
}

export interface SessionEvent {
  kind: 'session';
  at: number;
  entry: SelfServiceEntry;
  steps: number;
  outcome: SelfServiceOutcome;
  /** The contact an escalated session handed over to. */
  contact: ContactEvent | null;
}

export interface ContactEvent {
  kind: 'contact';
  at: number;
  channel: Channel;
  reason: string;
  queue: string;
  agentId: string;
  waitSeconds: number;
  handleSeconds: number;
  transfers: number;
  resolved: boolean;
  firstContactResolution: boolean;
  escalated: boolean;
  /** The self-service session this contact was escalated from. */
  session: SessionEvent | null;
  recovery: Recovery | null;
}

export interface SurveyEvent {
  kind: 'survey';
  at: number;
  type: SurveyType;
  score: number;
  comment: string | null;
  channel: Channel | null;
  touchpoint: string | null;
}

export type ActivityEvent = SessionEvent | ContactEvent | SurveyEvent;

/** A past experience; relationship NPS weighs it by how long ago it was. */
interface Experience {
  at: number;
  situational: number;
}

const SURVEYS = CALIBRATION.surveys.value;
const STATE = CALIBRATION.dissatisfaction.value;
const AFTER_SELF_SERVICE = CALIBRATION.afterSelfService.value;
const REASONS = CALIBRATION.reasons.value;
const RECOMPENSE_WEIGHTS = new WeightTable(
  Object.fromEntries(
    Object.entries(CALIBRATION.recompense.value).map(([kind, { weight }]) => [kind, weight]),
  ),
);
const TRANSFERS = new WeightTable(CALIBRATION.transfers.value);
const AFTER_CONTACT_TYPES = new WeightTable(SURVEYS.afterContactTypes);

/**
 * Simulates one customer's needs from `from` to the end of the window as journeys: an issue may start in
 * self-service, end there (resolved, or given up) or continue to one or more contacts, each of which may
 * be surveyed. Relationship NPS surveys reflect the customer's recent experiences. The customer's
 * dissatisfaction so far (dissatisfaction.ts) brings more needs, lowers every experience and makes giving up
 * on self-service likelier, so an unhappy customer keeps sending signals. Events are returned in time order;
 * the churn model decides later how many of them happen.
 */
export function simulateActivity(rng: Random, profile: CustomerProfile, window: Window): ActivityEvent[] {
  return new CustomerJourneys(rng, profile, window).run();
}

class CustomerJourneys {
  private readonly events: ActivityEvent[] = [];
  private readonly experiences: Experience[] = [];
  private readonly from: number;
  /** Dissatisfaction when the current need started (capped). */
  private level = 0;
  /** The customer's channel preferences, drawn from for every contact. */
  private readonly channels: WeightTable<Channel>;

  constructor(
    private readonly rng: Random,
    private readonly profile: CustomerProfile,
    private readonly window: Window,
  ) {
    this.from = Math.max(window.start, profile.signupAt);
    this.channels = new WeightTable(profile.channelWeights);
  }

  run(): ActivityEvent[] {
    // Needs arrive at up to the highest lifted rate and are kept in proportion to the lift of the moment
    // (thinning), so the rate follows the customer's dissatisfaction.
    const maxLift = 1 + STATE.issueLiftPerUnit * STATE.cap;
    const rate = (CALIBRATION.issuesPerYear.value / YEAR_MS) * maxLift;
    const issues = this.rng.poissonTimes(rate, this.from, this.window.end).map((at) => ({ at, issue: true }));
    const surveys = this.relationshipSurveyTimes().map((at) => ({ at, issue: false }));
    const dissatisfaction = new GrowingDissatisfaction(this.from);
    for (const { at, issue } of [...issues, ...surveys].sort((a, b) => a.at - b.at)) {
      // Every event a need or survey creates happens at or after it, as GrowingDissatisfaction requires.
      this.level = Math.min(dissatisfaction.at(this.events, at), STATE.cap);
      if (!issue) this.relationshipSurvey(at);
      else if (this.rng.chance((1 + STATE.issueLiftPerUnit * this.level) / maxLift)) this.issue(at);
    }
    return this.events.sort((a, b) => a.at - b.at);
  }

  private issue(at: number): void {
    const reason = this.drawReason(at);
    const session = this.maybeSelfService(at, reason);
    if (!session) return this.contacts(reason, at, 'direct', null);

    const { outcome, entry } = session;
    const sessionEnd = at + session.steps * MINUTE_MS;
    if (outcome === 'escalated') {
      const { min, max } = AFTER_SELF_SERVICE.escalationMinutes;
      const arrival = this.profile.prefersLiveAgent ? 'backfire' : 'escalated';
      return this.contacts(reason, sessionEnd + this.rng.uniform(min, max) * MINUTE_MS, arrival, session);
    }
    const resolved = outcome === 'resolved';
    this.surveySelfService(sessionEnd, resolved, entry);
    const followUp = resolved
      ? AFTER_SELF_SERVICE.contactAfterResolvedShare
      : AFTER_SELF_SERVICE.contactAfterAbandonShare;
    if (this.rng.chance(followUp)) {
      const { min, max } = AFTER_SELF_SERVICE.followUpHours;
      const arrival = resolved ? 'direct' : 'failed_self_service';
      return this.contacts(reason, sessionEnd + this.rng.uniform(min, max) * HOUR_MS, arrival, null);
    }
    if (!resolved) this.remember(sessionEnd, CALIBRATION.experience.value.gaveUp);
  }

  private drawReason(at: number): string {
    const { generation, securityConcerned, signupAt } = this.profile;
    const onboarding = at - signupAt < CALIBRATION.onboarding.value.days * DAY_MS;
    return this.rng.weighted(reasonWeights(generation, securityConcerned, onboarding));
  }

  private maybeSelfService(at: number, reason: string): SessionEvent | null {
    const { prefersLiveAgent, digital, generation, welcomesChatbot } = this.profile;
    const first = CALIBRATION.selfServiceFirstShare.value;
    const start = prefersLiveAgent
      ? CALIBRATION.pushedThroughSelfServiceShare.value
      : digital
        ? first.digital
        : first.ivrOnly;
    if (!this.rng.chance(start)) return null;

    let entry: SelfServiceEntry;
    // Customers who want a person meet the gate in front of the channel they chose: the bot before a
    // chat, the phone menu before a call.
    if (prefersLiveAgent) entry = digital && this.drawChannel() === 'chat' ? 'chatbot' : 'ivr';
    else if (!digital) entry = 'ivr';
    else entry = this.rng.weighted(entryWeights(generation, welcomesChatbot));
    const outcome = this.rng.weighted(this.outcomeShares(entry, reason));
    const { median, logSpread } = CALIBRATION.sessionSteps.value[outcome];
    const session: SessionEvent = {
      kind: 'session',
      at,
      entry,
      steps: Math.max(1, Math.round(this.rng.logNormal(median, logSpread))),
      outcome,
      contact: null,
    };
    this.events.push(session);
    return session;
  }

  private outcomeShares(entry: SelfServiceEntry, reason: string): Record<SelfServiceOutcome, number> {
    if (this.profile.prefersLiveAgent) {
      const shares = CALIBRATION.liveAgentPreferrerOutcomes.value;
      return { ...shares, abandoned: shares.abandoned * (1 + STATE.abandonLiftPerUnit * this.level) };
    }
    const base = CALIBRATION.entryOutcomes.value[entry];
    const reluctant = entry === 'chatbot' && !this.profile.welcomesChatbot;
    const resolved = Math.min(
      CALIBRATION.selfServiceResolvedCap.value,
      base.resolved *
        REASONS[reason]!.selfServiceFit *
        (reluctant ? CALIBRATION.reluctantChatbotResolveFactor.value : 1),
    );
    // What is not resolved splits between giving up and asking for an agent as for an average reason.
    const unresolved = (1 - resolved) / (base.abandoned + base.escalated);
    return {
      resolved,
      abandoned: base.abandoned * unresolved * (1 + STATE.abandonLiftPerUnit * this.level),
      escalated: base.escalated * unresolved,
    };
  }

  /** One to `maxPerIssue` contacts about the issue; each unresolved one is likely followed by another. */
  private contacts(reason: string, at: number, arrival: Arrival, session: SessionEvent | null): void {
    const repeats = CALIBRATION.repeatContacts.value;
    for (let attempt = 0; attempt < repeats.maxPerIssue; attempt++) {
      const contact = this.contact(reason, at, attempt, attempt === 0 ? arrival : 'direct', session);
      if (attempt === 0 && session) session.contact = contact;
      const again = contact.resolved ? repeats.afterResolved : repeats.afterUnresolved;
      if (!this.rng.chance(again)) return;
      at = contactEnd(contact) + this.rng.uniform(repeats.withinDays.min, repeats.withinDays.max) * DAY_MS;
    }
  }

  private contact(
    reason: string,
    at: number,
    attempt: number,
    arrival: Arrival,
    session: SessionEvent | null,
  ): ContactEvent {
    const rng = this.rng;
    const { tier } = this.profile;
    const handedOver = session !== null && attempt === 0;
    const channel = handedOver ? this.escalationChannel(session.entry) : this.drawChannel();
    if (!handedOver) at = this.staffed(channel, at);
    const wait = CALIBRATION.waitSeconds.value[channel];
    const waitSeconds = Math.round(
      rng.logNormal(wait.median, wait.logSpread) * (tier === 'vip' ? CALIBRATION.vipWaitFactor.value : 1),
    );
    const handle = CALIBRATION.handleSeconds.value[channel];
    const resolution = CALIBRATION.contactResolution.value;
    const resolved = rng.chance(
      (attempt === 0 ? resolution.firstContact : resolution.repeatContact) * REASONS[reason]!.resolveFactor,
    );
    const longWait = isLongWait(channel, waitSeconds);
    const recovery = rng.chance(this.complaintProbability(reason, attempt, arrival, longWait))
      ? this.drawRecovery()
      : null;
    const escalation = CALIBRATION.supervisorEscalation.value;
    const queue = REASONS[reason]!.queue;
    const contact: ContactEvent = {
      kind: 'contact',
      at,
      channel,
      reason,
      queue: tier === 'vip' ? `vip_${queue}` : queue,
      agentId: `A${String(rng.int(1, CALIBRATION.agentCount.value)).padStart(4, '0')}`,
      waitSeconds,
      handleSeconds: Math.max(
        CALIBRATION.minimumHandleSeconds.value,
        Math.round(rng.logNormal(handle.median, handle.logSpread)),
      ),
      transfers: Number(rng.weighted(TRANSFERS)),
      resolved,
      firstContactResolution: resolved && attempt === 0,
      escalated: rng.chance(escalation.base + (recovery ? escalation.complaint : 0)),
      session: handedOver ? session : null,
      recovery,
    };
    this.events.push(contact);

    const situational =
      contactSatisfaction(rng, this.profile, {
        channel,
        waitSeconds,
        transfers: contact.transfers,
        resolved,
        repeat: attempt > 0,
        arrival,
        apology: recovery?.apology ?? false,
        recompense: recovery?.recompenseType != null,
      }) + this.stateShift();
    this.remember(at, situational);
    this.surveyAfterContact(contact, situational, arrival, attempt > 0);
    return contact;
  }

  /** Some customers answer a survey about the contact; angry ones more often. */
  private surveyAfterContact(
    contact: ContactEvent,
    situational: number,
    arrival: Arrival,
    repeat: boolean,
  ): void {
    const rng = this.rng;
    const angry = overallSatisfaction(this.profile, situational) < SURVEYS.angryBelow;
    if (!rng.chance(SURVEYS.afterContact * (angry ? SURVEYS.angryResponseLift : 1))) return;
    const { channel, reason, waitSeconds, recovery } = contact;
    this.survey(
      this.afterDelay(contactEnd(contact)),
      rng.weighted(AFTER_CONTACT_TYPES),
      situational,
      channel,
      REASONS[reason]!.touchpoint,
      {
        reason,
        channel,
        waitSeconds,
        longWait: isLongWait(channel, waitSeconds),
        repeat,
        entry: contact.session?.entry,
        pushedThroughSelfService: arrival === 'backfire',
        resolved: contact.resolved,
        apology: recovery?.apology,
        recompenseWithoutApology: !!recovery && !recovery.apology && recovery.recompenseType !== null,
      },
    );
  }

  private complaintProbability(reason: string, attempt: number, arrival: Arrival, longWait: boolean): number {
    const lifts = CALIBRATION.complaint.value;
    return (
      lifts.base +
      REASONS[reason]!.complaintLift +
      (attempt > 0 ? lifts.repeat : 0) +
      (arrival === 'backfire' ? lifts.afterBackfire : 0) +
      (arrival === 'escalated' || arrival === 'failed_self_service' ? lifts.afterEscalatedSelfService : 0) +
      (longWait ? lifts.longWait : 0)
    );
  }

  private drawRecovery(): Recovery {
    const rng = this.rng;
    const { apologyShare, recompenseShare, outOfPolicyShare } = CALIBRATION.recovery.value;
    const apology = rng.chance(apologyShare);
    const outOfPolicy = rng.chance(outOfPolicyShare);
    const peerApproved = outOfPolicy ? rng.chance(CALIBRATION.peerApprovedShare.value) : null;
    if (!rng.chance(recompenseShare)) {
      return { apology, outOfPolicy, peerApproved, recompenseType: null, recompenseValue: null };
    }
    const recompenseType = rng.weighted(RECOMPENSE_WEIGHTS);
    const { min, max } = CALIBRATION.recompense.value[recompenseType]!;
    return { apology, outOfPolicy, peerApproved, recompenseType, recompenseValue: rng.int(min, max) };
  }

  private drawChannel(): Channel {
    return this.rng.weighted(this.channels);
  }

  /** The assisted channel behind a self-service entry: the IVR hands to the phone, the bot to chat. */
  private escalationChannel(entry: SelfServiceEntry): Channel {
    if (entry === 'ivr') return 'phone';
    if (entry === 'chatbot') return 'chat';
    const { chat, phone, email } = this.profile.channelWeights;
    return this.rng.weighted({ chat, phone, email });
  }

  /** Voice, video and branch contacts happen in opening hours: a need felt at night waits for the morning. */
  private staffed(channel: Channel, at: number): number {
    const { open, close, channels, openingRushHours } = CALIBRATION.staffedHoursUtc.value;
    const hour = new Date(at).getUTCHours();
    if (!channels.includes(channel) || (hour >= open && hour < close)) return at;
    const dayStart = Math.floor(at / DAY_MS) * DAY_MS;
    const nextOpen = dayStart + (hour >= close ? DAY_MS : 0) + open * HOUR_MS;
    return nextOpen + this.rng.uniform(0, openingRushHours) * HOUR_MS;
  }

  private surveySelfService(at: number, resolved: boolean, entry: SelfServiceEntry): void {
    const situational = selfServiceSatisfaction(this.rng, resolved) + this.stateShift();
    this.remember(at, situational);
    if (!this.rng.chance(SURVEYS.afterSession)) return;
    this.survey(this.afterDelay(at), 'csat', situational, null, 'self_service', { entry, resolved });
  }

  /** When relationship NPS invitations are answered: every few months from a random offset. */
  private relationshipSurveyTimes(): number[] {
    const every = (SURVEYS.relationshipEveryMonths * YEAR_MS) / 12;
    const times: number[] = [];
    for (let at = this.from + this.rng.uniform(0, every); at < this.window.end; at += every) {
      if (this.rng.chance(SURVEYS.relationshipResponse)) times.push(at);
    }
    return times;
  }

  private relationshipSurvey(at: number): void {
    const { decayDays, weight } = CALIBRATION.mood.value;
    let mood = 0;
    for (const past of this.experiences) {
      if (past.at < at) mood += past.situational * Math.exp(-(at - past.at) / (decayDays * DAY_MS));
    }
    const situational =
      weight * mood + this.stateShift() + this.rng.normal(0, CALIBRATION.experience.value.noise);
    this.survey(at, 'nps', situational, null, 'relationship', {
      securityConcerned: this.profile.securityConcerned,
    });
  }

  /** What the customer's dissatisfaction takes off an experience. */
  private stateShift(): number {
    return STATE.satisfactionPerUnit * this.level;
  }

  private survey(
    at: number,
    type: SurveyType,
    situational: number,
    channel: Channel | null,
    touchpoint: string,
    context: CommentContext,
  ): void {
    const rng = this.rng;
    const satisfaction = overallSatisfaction(this.profile, situational);
    const score = scoreFor(type, satisfaction);
    const strongFeeling = Math.abs(satisfaction) > SURVEYS.strongFeelingBeyond;
    const commented = rng.chance(strongFeeling ? SURVEYS.strongFeelingCommentShare : SURVEYS.commentShare);
    this.events.push({
      kind: 'survey',
      at,
      type,
      score,
      comment: commented ? commentFor(rng, type, score, context) : null,
      channel,
      touchpoint,
    });
  }

  /** When a transactional survey sent at `at` comes back. */
  private afterDelay(at: number): number {
    const { min, max } = SURVEYS.delayMinutes;
    return at + this.rng.uniform(min, max) * MINUTE_MS;
  }

  private remember(at: number, situational: number): void {
    this.experiences.push({ at, situational });
  }
}

/**
 * How likely each contact reason is for a customer: the reasons' weights, lifted for their generation, for
 * the security-concerned (fraud) and in the first days after sign-up (onboarding). Only these three things
 * vary, so each combination is computed once (the generator draws a reason for every need).
 */
function reasonWeights(generation: Generation, securityConcerned: boolean, onboarding: boolean) {
  const key = GENERATIONS.indexOf(generation) * 4 + (securityConcerned ? 2 : 0) + (onboarding ? 1 : 0);
  return (
    REASON_TABLES.get(key) ?? REASON_TABLES.add(key, liftedReasons(generation, securityConcerned, onboarding))
  );
}

const REASON_TABLES = new WeightTables<string>();

function liftedReasons(generation: Generation, securityConcerned: boolean, onboarding: boolean) {
  const lifts = CALIBRATION.reasonLiftByGeneration.value[generation] ?? {};
  const { lift } = CALIBRATION.onboarding.value;
  const weights: Record<string, number> = {};
  for (const [reason, { weight }] of Object.entries(REASONS)) {
    let lifted = weight * (lifts[reason] ?? 1);
    if (reason === 'fraud' && securityConcerned) lifted *= CALIBRATION.fraudLiftWhenSecurityConcerned.value;
    if (reason === 'onboarding' && onboarding) lifted *= lift;
    weights[reason] = lifted;
  }
  return weights;
}

/** The self-service entries a digital customer who does not insist on an agent starts from. */
function entryWeights(generation: Generation, welcomesChatbot: boolean) {
  const key = GENERATIONS.indexOf(generation) * 2 + (welcomesChatbot ? 1 : 0);
  return ENTRY_TABLES.get(key) ?? ENTRY_TABLES.add(key, entryMix(generation, welcomesChatbot));
}

const ENTRY_TABLES = new WeightTables<SelfServiceEntry>();

function entryMix(generation: Generation, welcomesChatbot: boolean) {
  const weights = { ...CALIBRATION.entryMixByGeneration.value[generation] };
  const chatbot = CALIBRATION.chatbotEntryWeight.value;
  weights.chatbot *= welcomesChatbot ? chatbot.welcomes : chatbot.reluctant;
  return weights;
}

/** When the contact ended: it started at `at`, then the customer waited and an agent handled it. */
function contactEnd({ at, waitSeconds, handleSeconds }: ContactEvent): number {
  return at + (waitSeconds + handleSeconds) * 1000;
}
