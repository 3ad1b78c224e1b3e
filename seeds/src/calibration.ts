import type { Channel, Generation, SelfServiceEntry, SelfServiceOutcome, SurveyType } from './rows.js';

/**
 * Every figure the demo-data generator is calibrated to, and every parameter it needs, in one table.
 * The generator reads its numbers from here and nowhere else.
 *
 * basis:
 * - `published`: the value is stated in the source article (quote given).
 * - `direction`: the source states the direction or ordering (e.g. "chat has the highest satisfaction");
 *   the magnitude is our assumption, chosen so the effect is visible in a year of demo data.
 * - `assumption`: the sources say nothing; a plausible value for a retail bank, chosen by us.
 *
 * The sources are five articles on customer experience, cited by the file name they were collected under. Article
 * 001 is typed with look-alike Cyrillic letters; its quotes here are normalised to Latin ones.
 */
export const SOURCES = {
  deflection: '000_b4dc479b414621dd.txt',
  angryCustomers: '001_3080108c7b52affc.txt',
  exceptions: '002_abcfb1b86e9198b3.txt',
  recoveryAndGenerations: '003_9d058274a9172d24.txt',
  superAgents: '004_92d3560076d188ff.txt',
} as const;
export type SourceFile = (typeof SOURCES)[keyof typeof SOURCES];

export interface Figure<T> {
  value: T;
  /** What the value means, in the generator's terms. */
  meaning: string;
  basis: 'published' | 'direction' | 'assumption';
  sources: SourceFile[];
  /** The passage the figure or direction comes from. */
  quote?: string;
  /** Where the generator reads it (file: what for). */
  usedIn: string;
}

const figure = <T>(entry: Figure<T>): Figure<T> => entry;

type PerGeneration<T> = Record<Generation, T>;
type PerChannel<T> = Record<Channel, T>;

// Figures that other rows build on are declared first so no number is written twice.

const selfServiceWillingShare = figure({
  value: 0.91,
  meaning:
    'Share of customers willing to self-serve; the other 9% prefer a live agent and get angrier when pushed through self-service.',
  basis: 'published',
  sources: [SOURCES.deflection],
  quote:
    '91 percent of customers say they would use an online knowledge base if it were available and tailored to their needs, that still leaves nine percent of customers who don’t necessarily want to self-serve',
  usedIn: 'customers.ts: prefersLiveAgent = chance(1 − value)',
});

const boomerWeeklyOnlineShare = figure({
  value: 0.71,
  meaning: 'Share of Baby Boomers who bank online at least weekly: the Boomers who use digital self-service.',
  basis: 'published',
  sources: [SOURCES.recoveryAndGenerations],
  quote: '71% of Boomers bank online at least once per week',
  usedIn: 'digitalShareByGeneration.boomer',
});

const securityRiskBelief = figure({
  value: { boomer: 0.61, millennial: 0.45 },
  meaning:
    'Share who believe the risk of their financial data being compromised will rise: Boomers vs Millennials.',
  basis: 'published',
  sources: [SOURCES.recoveryAndGenerations],
  quote:
    '61% of Boomers believe the risk of their financial data being compromised will rise within the next three years, compared to 45% of Millennials',
  usedIn: 'securityConcernByGeneration.boomer / .millennial',
});

const apologyWinBackShare = figure({
  value: 0.24,
  meaning:
    'Share of customers who came back after a bad experience because of a personal apology ("nearly a quarter"): an apology on a complaint cuts the churn hazard by this share.',
  basis: 'published',
  sources: [SOURCES.recoveryAndGenerations],
  quote:
    'nearly a quarter of respondents who returned to a business after a bad experience said that a personal apology was responsible',
  usedIn: 'churnSignals.apology (log-risk = ln(1 − value))',
});

const wordOfMouthReach = figure({
  value: { offline: 12, online: 825 },
  meaning: 'People reached by one customer’s negative word of mouth, offline vs online/social (69×).',
  basis: 'published',
  sources: [SOURCES.angryCustomers],
  quote:
    'With traditional word-of-mouth reaching around 12 people, online and social networking word-of-mouth reaches a massive 69 times that, averaging around 825 people',
  usedIn:
    'not by the generator itself: the womReach measure (docs/concepts.md) weights detractors with it; kept here so the figure has one home',
});

const generationMix = figure<PerGeneration<number>>({
  value: { silent: 0.04, boomer: 0.24, gen_x: 0.26, millennial: 0.33, gen_z: 0.13 },
  meaning: 'Share of customers per generation (adult retail-bank customer base).',
  basis: 'assumption',
  sources: [],
  usedIn: 'customers.ts: birth year',
});

const boomerIncomeShare = figure({
  value: 0.47,
  meaning:
    'Boomers’ share of all income; Boomer lifetime value is scaled so Boomers hold about this share of total lifetime value.',
  basis: 'published',
  sources: [SOURCES.recoveryAndGenerations],
  quote: 'Baby Boomers earn about 47% of all income in the United States',
  usedIn: 'customers.ts: boomerValueMultiplier() (derived together with generationMix)',
});

export const CALIBRATION = {
  // ── Customers ────────────────────────────────────────────────────────────────────────────────
  generationMix,
  birthYears: figure({
    value: { oldest: 1928, adultAge: 18 },
    meaning:
      'Earliest birth year generated (Silent generation) and the minimum age of a customer at the end of the window (caps Gen Z).',
    basis: 'assumption',
    sources: [],
    usedIn: 'customers.ts: birth year within the generation ranges of docs/concepts.md',
  }),
  regions: figure({
    value: { Northeast: 0.18, Southeast: 0.24, Midwest: 0.21, Southwest: 0.14, West: 0.23 },
    meaning: 'Share of customers per sales region.',
    basis: 'assumption',
    sources: [],
    usedIn: 'customers.ts: region',
  }),
  vipShare: figure({
    value: 0.1,
    meaning: 'Share of customers in the VIP tier.',
    basis: 'assumption',
    sources: [SOURCES.deflection],
    quote:
      'customers who have indicated a preference for live communication should be put on a different routing track — particularly VIP customers',
    usedIn: 'customers.ts: tier',
  }),
  lifetimeValue: figure({
    value: { median: 1800, logSpread: 0.8, vipMultiplier: 4 },
    meaning:
      'Lifetime value (currency units): log-normal median and spread; VIP customers are worth this many times more.',
    basis: 'assumption',
    sources: [],
    usedIn: 'customers.ts: lifetime_value',
  }),
  boomerIncomeShare,
  signupHistoryYears: figure({
    value: 6,
    meaning:
      'Sign-up dates spread uniformly over this many years before the end of the window, so some customers join during it.',
    basis: 'assumption',
    sources: [],
    usedIn: 'customers.ts: signup_date',
  }),

  // ── Traits that drive behaviour ─────────────────────────────────────────────────────────────
  selfServiceWillingShare,
  chatbotWelcomeShare: figure({
    value: 0.55,
    meaning:
      'Share of customers who welcome chatbots: they pick the chatbot entry more and it resolves more for them.',
    basis: 'published',
    sources: [SOURCES.deflection],
    quote:
      '55 percent of consumers say they would welcome the idea of having chatbots involved in the customer support process',
    usedIn: 'customers.ts: welcomesChatbot; activity.ts: entry choice and chatbot outcome',
  }),
  timeValuedShare: figure({
    value: 0.73,
    meaning:
      'Share of customers for whom valuing their time matters most: for them waiting hurts satisfaction fully.',
    basis: 'published',
    sources: [SOURCES.deflection],
    quote:
      '73 percent of U.S. customers say that valuing their time is the most important thing a company can do',
    usedIn: 'customers.ts: timeSensitive; experience.ts: wait penalty',
  }),
  digitalShareByGeneration: figure<PerGeneration<number>>({
    value: { silent: 0.4, boomer: boomerWeeklyOnlineShare.value, gen_x: 0.82, millennial: 0.93, gen_z: 0.96 },
    meaning:
      'Share of each generation that uses digital self-service (FAQ, knowledge base, chatbot, community); the rest only meet the IVR. Boomers published, others assumed.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    quote: 'Millennials and Boomers alike are early adopters of new tech products',
    usedIn: 'customers.ts: digital',
  }),
  boomerWeeklyOnlineShare,
  securityRiskBelief,
  securityConcernByGeneration: figure<PerGeneration<number>>({
    value: {
      silent: 0.66,
      boomer: securityRiskBelief.value.boomer,
      gen_x: 0.53,
      millennial: securityRiskBelief.value.millennial,
      gen_z: 0.42,
    },
    meaning:
      'Share of each generation concerned about data security: they contact about fraud more. Boomers and Millennials published, others interpolated.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    usedIn: 'customers.ts: securityConcerned; activity.ts: fraud reason weight',
  }),
  dispositionSpread: figure({
    value: 0.6,
    meaning:
      'Standard deviation of a customer’s general mood (latent satisfaction units), so scores vary by person.',
    basis: 'assumption',
    sources: [],
    usedIn: 'customers.ts: disposition',
  }),

  // ── Channels ──────────────────────────────────────────────────────────────────────────────
  channelMixByGeneration: figure<PerGeneration<PerChannel<number>>>({
    value: {
      silent: { phone: 0.5, chat: 0.05, email: 0.12, social: 0.01, video: 0.04, in_person: 0.28 },
      boomer: { phone: 0.4, chat: 0.13, email: 0.22, social: 0.03, video: 0.04, in_person: 0.18 },
      gen_x: { phone: 0.3, chat: 0.28, email: 0.22, social: 0.07, video: 0.05, in_person: 0.08 },
      millennial: { phone: 0.18, chat: 0.4, email: 0.14, social: 0.18, video: 0.06, in_person: 0.04 },
      gen_z: { phone: 0.12, chat: 0.44, email: 0.08, social: 0.26, video: 0.07, in_person: 0.03 },
    },
    meaning:
      'Assisted-channel preference per generation: Millennials and Gen Z chat and use social, Boomers phone, visit and e-mail.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    quote:
      'he’d rather open up a web chat or send a Tweet than be put on hold with a call center or wait for a response from the Contact Us form',
    usedIn: 'customers.ts: channel weights per customer (jittered); activity.ts: contact channel',
  }),
  channelPreferenceJitter: figure({
    value: 0.5,
    meaning:
      'Log-scale spread applied to each customer’s channel weights so customers of a generation differ.',
    basis: 'assumption',
    sources: [],
    usedIn: 'customers.ts: channel weights',
  }),
  channelSatisfaction: figure<PerChannel<number>>({
    value: { chat: 0.35, in_person: 0.25, video: 0.15, phone: 0, social: -0.1, email: -0.25 },
    meaning: 'Shift of latent satisfaction per channel: chat highest of phone, e-mail and chat.',
    basis: 'direction',
    sources: [SOURCES.deflection],
    quote: 'chat had already edged out phone and email with the highest customer satisfaction',
    usedIn: 'experience.ts: contact satisfaction',
  }),
  waitSeconds: figure<PerChannel<{ median: number; logSpread: number; patience: number }>>({
    value: {
      phone: { median: 150, logSpread: 1.0, patience: 300 },
      chat: { median: 45, logSpread: 0.9, patience: 120 },
      email: { median: 14_400, logSpread: 0.9, patience: 86_400 },
      social: { median: 2_400, logSpread: 1.0, patience: 7_200 },
      video: { median: 90, logSpread: 0.9, patience: 240 },
      in_person: { median: 300, logSpread: 0.7, patience: 900 },
    },
    meaning:
      'Time to an agent’s first answer (log-normal median and spread, seconds) and the wait a customer tolerates before it counts as long.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    quote:
      'Customers might favor this option if they are not in a position to make a phone call or don’t want to sit and listen to menu options and hold music',
    usedIn: 'activity.ts: wait_seconds; experience.ts: wait penalty; churn.ts: long-wait signal',
  }),
  handleSeconds: figure<PerChannel<{ median: number; logSpread: number }>>({
    value: {
      phone: { median: 390, logSpread: 0.6 },
      chat: { median: 300, logSpread: 0.6 },
      email: { median: 420, logSpread: 0.7 },
      social: { median: 240, logSpread: 0.7 },
      video: { median: 900, logSpread: 0.5 },
      in_person: { median: 720, logSpread: 0.5 },
    },
    meaning:
      'Agent handling time per contact (log-normal median and spread, seconds): chat and social short, video long.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    quote:
      'Chat and social channels are ideal for short, simple requests. For more complex or personalized needs, virtual customer service is the next level up.',
    usedIn: 'activity.ts: handle_seconds',
  }),
  minimumHandleSeconds: figure({
    value: 30,
    meaning: 'Shortest handling time of a contact.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: handle_seconds',
  }),
  staffedHoursUtc: figure({
    value: {
      open: 8,
      close: 20,
      openingRushHours: 3,
      channels: ['phone', 'video', 'in_person'] as Channel[],
    },
    meaning:
      'Hours (UTC) when voice, video and branch contacts happen (needs felt outside them arrive over the first hours after opening); other channels run around the clock.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: contact start time',
  }),
  vipWaitFactor: figure({
    value: 0.5,
    meaning: 'VIP customers are routed to priority queues and wait this fraction of the usual time.',
    basis: 'direction',
    sources: [SOURCES.deflection],
    usedIn: 'activity.ts: wait_seconds and the vip queue',
  }),
  impatienceByGeneration: figure<PerGeneration<number>>({
    value: { silent: 1, boomer: 1, gen_x: 1, millennial: 1.4, gen_z: 1.5 },
    meaning: 'Multiplier on the satisfaction cost of waiting: Millennials (and Gen Z) are impatient.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    quote: 'Appeal to their impatience. Speed of service, whether online or human-to-human, is a must.',
    usedIn: 'experience.ts: wait penalty',
  }),

  // ── Issues and contact reasons ──────────────────────────────────────────────────────────────
  issuesPerYear: figure({
    value: 3.6,
    meaning: 'Needs per customer per year that start a journey (self-service and/or contacts).',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: issue arrivals (Poisson)',
  }),
  reasons: figure<
    Record<
      string,
      {
        weight: number;
        selfServiceFit: number;
        resolveFactor: number;
        complaintLift: number;
        queue: string;
        touchpoint: string;
      }
    >
  >({
    // prettier-ignore
    value: {
      billing:        { weight: 16, selfServiceFit: 1,    resolveFactor: 1,    complaintLift: 0.04, queue: 'billing',         touchpoint: 'billing' },
      login:          { weight: 14, selfServiceFit: 1.35, resolveFactor: 1.05, complaintLift: 0,    queue: 'digital',         touchpoint: 'digital_banking' },
      card:           { weight: 13, selfServiceFit: 0.85, resolveFactor: 1,    complaintLift: 0.03, queue: 'cards_and_fraud', touchpoint: 'card_services' },
      fees:           { weight: 10, selfServiceFit: 0.5,  resolveFactor: 0.9,  complaintLift: 0.25, queue: 'billing',         touchpoint: 'billing' },
      fraud:          { weight:  6, selfServiceFit: 0.2,  resolveFactor: 0.85, complaintLift: 0.15, queue: 'cards_and_fraud', touchpoint: 'fraud_and_security' },
      app_error:      { weight: 10, selfServiceFit: 0.7,  resolveFactor: 0.85, complaintLift: 0.12, queue: 'digital',         touchpoint: 'digital_banking' },
      transfer:       { weight: 10, selfServiceFit: 1,    resolveFactor: 1,    complaintLift: 0.05, queue: 'payments',        touchpoint: 'payments' },
      mobile_deposit: { weight:  5, selfServiceFit: 1,    resolveFactor: 0.95, complaintLift: 0.05, queue: 'digital',         touchpoint: 'digital_banking' },
      account_update: { weight:  8, selfServiceFit: 1.25, resolveFactor: 1.05, complaintLift: 0,    queue: 'accounts',        touchpoint: 'account' },
      loan:           { weight:  5, selfServiceFit: 0.4,  resolveFactor: 0.9,  complaintLift: 0.03, queue: 'lending',         touchpoint: 'lending' },
      onboarding:     { weight:  3, selfServiceFit: 0.9,  resolveFactor: 1,    complaintLift: 0.02, queue: 'accounts',        touchpoint: 'onboarding' },
    },
    meaning:
      'Contact reasons of a retail bank: relative frequency, how well self-service handles them (×), how often agents resolve them (×), extra complaint probability, queue and survey touchpoint. Password resets suit self-service.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    quote:
      'no one expects every “Forgot password?” request to connect them to someone who can personally help them',
    usedIn: 'activity.ts: reason, queue, touchpoint, self-service outcome, resolution, complaints',
  }),
  reasonLiftByGeneration: figure<Partial<PerGeneration<Record<string, number>>>>({
    value: {
      silent: { loan: 1.8 },
      boomer: { loan: 1.8 },
      millennial: { app_error: 1.4, mobile_deposit: 1.6, transfer: 1.4 },
      gen_z: { app_error: 1.4, mobile_deposit: 1.6, transfer: 1.4 },
    },
    meaning:
      'Multipliers on reason weights: Boomers finance purchases, Millennials use mobile deposit and P2P payments.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    quote:
      'new car purchases, home renovations or relocations, or even starting a business – all things they’ll be looking to their banks to help them finance',
    usedIn: 'activity.ts: reason choice',
  }),
  fraudLiftWhenSecurityConcerned: figure({
    value: 2,
    meaning:
      'Customers concerned about data security raise fraud and security issues this many times as often.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    usedIn: 'activity.ts: reason choice',
  }),
  onboarding: figure({
    value: { days: 90, lift: 6 },
    meaning: 'In the first days after sign-up, onboarding issues are this many times as frequent.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: reason choice',
  }),

  // ── Self-service ─────────────────────────────────────────────────────────────────────────
  selfServiceFirstShare: figure({
    value: { digital: 0.68, ivrOnly: 0.3 },
    meaning:
      'Share of issues that start in self-service: digital customers (any entry) vs customers who only meet the IVR in front of the phone line.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: journey start',
  }),
  pushedThroughSelfServiceShare: figure({
    value: 0.55,
    meaning:
      'Share of the issues of customers who prefer a live agent that are still routed through an IVR or chatbot (deflection they did not want).',
    basis: 'direction',
    sources: [SOURCES.deflection],
    quote:
      'when these people are routed through self-service options that they don’t want, they can end up frustrated and impatient before they’ve even begun talking with an agent',
    usedIn: 'activity.ts: journey start',
  }),
  entryMixByGeneration: figure<PerGeneration<Record<SelfServiceEntry, number>>>({
    value: {
      silent: { ivr: 0.6, faq: 0.2, knowledge_base: 0.15, chatbot: 0.03, community: 0.02 },
      boomer: { ivr: 0.35, faq: 0.25, knowledge_base: 0.25, chatbot: 0.1, community: 0.05 },
      gen_x: { ivr: 0.2, faq: 0.25, knowledge_base: 0.25, chatbot: 0.2, community: 0.1 },
      millennial: { ivr: 0.08, faq: 0.22, knowledge_base: 0.25, chatbot: 0.28, community: 0.17 },
      gen_z: { ivr: 0.05, faq: 0.2, knowledge_base: 0.2, chatbot: 0.33, community: 0.22 },
    },
    meaning:
      'Self-service entry point per generation for digital customers: Millennials find their own answers in FAQs and forums.',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    quote:
      'he should have the option to find his own answers through the resources you make available to him online, like FAQ pages, blogs and articles, or forums',
    usedIn: 'activity.ts: entry',
  }),
  chatbotEntryWeight: figure({
    value: { welcomes: 1.5, reluctant: 0.3 },
    meaning: 'Multiplier on the chatbot entry weight for customers who welcome chatbots vs the rest.',
    basis: 'direction',
    sources: [SOURCES.deflection],
    usedIn: 'activity.ts: entry',
  }),
  entryOutcomes: figure<Record<SelfServiceEntry, Record<SelfServiceOutcome, number>>>({
    value: {
      faq: { resolved: 0.55, abandoned: 0.33, escalated: 0.12 },
      knowledge_base: { resolved: 0.6, abandoned: 0.28, escalated: 0.12 },
      chatbot: { resolved: 0.5, abandoned: 0.18, escalated: 0.32 },
      ivr: { resolved: 0.38, abandoned: 0.27, escalated: 0.35 },
      community: { resolved: 0.45, abandoned: 0.45, escalated: 0.1 },
    },
    meaning:
      'Outcome shares per entry for a willing customer and an average reason; the IVR contains least (customers dislike automated phone systems).',
    basis: 'direction',
    sources: [SOURCES.recoveryAndGenerations],
    quote: 'This is one reason many customers dislike automated phone systems.',
    usedIn: 'activity.ts: session outcome (resolved share scaled by the reason’s selfServiceFit)',
  }),
  liveAgentPreferrerOutcomes: figure<Record<SelfServiceOutcome, number>>({
    value: { resolved: 0.15, abandoned: 0.25, escalated: 0.6 },
    meaning:
      'Outcome shares when a customer who prefers a live agent is pushed through self-service: mostly escalated.',
    basis: 'direction',
    sources: [SOURCES.deflection],
    usedIn: 'activity.ts: session outcome',
  }),
  reluctantChatbotResolveFactor: figure({
    value: 0.7,
    meaning: 'The chatbot resolves this fraction as often for customers who do not welcome chatbots.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: session outcome',
  }),
  selfServiceResolvedCap: figure({
    value: 0.95,
    meaning:
      'Highest resolved share of any entry and reason: even an ideal article leaves some customers unserved.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: session outcome',
  }),
  sessionSteps: figure<Record<SelfServiceOutcome, { median: number; logSpread: number }>>({
    value: {
      resolved: { median: 4, logSpread: 0.5 },
      abandoned: { median: 3, logSpread: 0.6 },
      escalated: { median: 6, logSpread: 0.5 },
    },
    meaning: 'Pages, bot turns or menu choices per session (log-normal), by outcome.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: steps',
  }),
  afterSelfService: figure({
    value: {
      contactAfterResolvedShare: 0.08,
      contactAfterAbandonShare: 0.55,
      escalationMinutes: { min: 1, max: 6 },
      followUpHours: { min: 1, max: 48 },
    },
    meaning:
      'Share of "resolved" sessions still followed by a contact (within 72 h: not truly deflected), share of abandoned sessions followed by a contact, minutes from the end of an escalated session to its contact, hours to a follow-up contact.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: contacts after a session',
  }),

  // ── Contacts ─────────────────────────────────────────────────────────────────────────────
  contactResolution: figure({
    value: { firstContact: 0.84, repeatContact: 0.9 },
    meaning:
      'Probability that an agent resolves the issue (×reason resolveFactor), on the first vs a repeat contact.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: resolved, first_contact_resolution',
  }),
  repeatContacts: figure({
    value: { afterUnresolved: 0.7, afterResolved: 0.05, maxPerIssue: 3, withinDays: { min: 0.25, max: 6.5 } },
    meaning:
      'Probability of contacting again about the same issue after an unresolved / resolved contact, the most contacts per issue, and when (days later).',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: repeat contacts within 7 days',
  }),
  transfers: figure({
    value: { 0: 0.74, 1: 0.19, 2: 0.07 },
    meaning: 'Distribution of transfers between agents or queues per contact.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: transfers',
  }),
  supervisorEscalation: figure({
    value: { base: 0.05, complaint: 0.12 },
    meaning: 'Probability a contact is escalated to a supervisor or tier 2 (base, extra for a complaint).',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: escalated',
  }),
  complaint: figure({
    value: { base: 0.04, repeat: 0.15, afterEscalatedSelfService: 0.1, afterBackfire: 0.3, longWait: 0.1 },
    meaning:
      'Probability that a contact is a complaint (base plus lifts for a repeat contact, arriving from an escalated session, arriving from unwanted self-service, a long wait; plus the reason’s complaintLift). Complaints carry a recovery record.',
    basis: 'direction',
    sources: [SOURCES.angryCustomers],
    quote: 'Chances are, when a customer reaches a representative over the phone, they’re already angry',
    usedIn: 'activity.ts: recovery fields',
  }),
  recovery: figure({
    value: { apologyShare: 0.6, recompenseShare: 0.4, outOfPolicyShare: 0.15 },
    meaning:
      'On complaint contacts: share with a personal apology, with a recompense, handled as an out-of-policy exception.',
    basis: 'assumption',
    sources: [SOURCES.recoveryAndGenerations],
    usedIn: 'activity.ts: apology, recompense_type/value, out_of_policy',
  }),
  peerApprovedShare: figure({
    value: 0.65,
    meaning:
      'Share of out-of-policy exceptions approved by two associates together rather than up the chain.',
    basis: 'direction',
    sources: [SOURCES.exceptions],
    quote:
      'If two associates agree together that a solution seems reasonable, then this is all the authority needed to go forward with it.',
    usedIn: 'activity.ts: peer_approved',
  }),
  recompense: figure<Record<string, { weight: number; min: number; max: number }>>({
    value: {
      gift_card: { weight: 0.35, min: 10, max: 10 },
      fee_refund: { weight: 0.3, min: 5, max: 35 },
      account_credit: { weight: 0.25, min: 10, max: 50 },
      discount: { weight: 0.1, min: 5, max: 20 },
    },
    meaning: 'Recompense types and value ranges (currency units); the gift card is the article’s $10.',
    basis: 'direction',
    sources: [SOURCES.deflection],
    quote: 'Whether this be a $10 gift card, virtual currency, or a percentage off their next purchase',
    usedIn: 'activity.ts: recompense_type, recompense_value',
  }),
  agentCount: figure({
    value: 480,
    meaning: 'Agents in the contact center (agent_id A0001…).',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: agent_id',
  }),

  // ── Satisfaction (latent scale, then mapped to each survey’s range) ───────────────────────
  experience: figure({
    value: {
      base: 0.25,
      noise: 0.7,
      resolved: 0.45,
      unresolved: -1.0,
      perTransfer: -0.3,
      repeat: -0.5,
      waitCost: { timeSensitive: 0.55, other: 0.15 },
      backfireAnger: -1.5,
      escalatedSession: -0.3,
      failedSelfService: -0.4,
      apology: 0.5,
      recompense: 0.15,
      selfServiceResolved: 0.4,
      gaveUp: -0.6,
    },
    meaning:
      'Latent satisfaction of one experience: base, noise, and shifts for resolution, transfers, repeats, waiting (×ln(1 + wait/patience)), arriving after unwanted self-service (backfire), after an escalated or failed session, apology and recompense (perks alone add little).',
    basis: 'direction',
    sources: [SOURCES.deflection, SOURCES.recoveryAndGenerations],
    quote: 'A coupon is not a Band-Aid.',
    usedIn: 'experience.ts: latent satisfaction',
  }),
  scoreScale: figure<Record<SurveyType, { center: number; perUnit: number }>>({
    value: {
      nps: { center: 7.7, perUnit: 2.0 },
      csat: { center: 4.0, perUnit: 0.9 },
      ces: { center: 5.3, perUnit: 1.2 },
    },
    meaning: 'Survey score = round(center + perUnit × latent), clamped to the survey’s range.',
    basis: 'assumption',
    sources: [],
    usedIn: 'experience.ts: scoreFor',
  }),
  mood: figure({
    value: { decayDays: 45, weight: 0.5 },
    meaning:
      'Recent experiences carry into relationship NPS: each decays with this time constant, scaled by weight.',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: relationship NPS',
  }),

  // ── Surveys ──────────────────────────────────────────────────────────────────────────────
  surveys: figure({
    value: {
      afterContact: 0.24,
      angryResponseLift: 1.6,
      afterContactTypes: { csat: 0.55, nps: 0.25, ces: 0.2 },
      afterSession: 0.08,
      relationshipEveryMonths: 6,
      relationshipResponse: 0.3,
      delayMinutes: { min: 10, max: 2880 },
      angryBelow: -1,
      commentShare: 0.3,
      strongFeelingBeyond: 1.2,
      strongFeelingCommentShare: 0.55,
    },
    meaning:
      'Response rate after a contact (customers whose satisfaction is below angryBelow answer more often), survey type mix after contacts, CSAT after self-service sessions, relationship NPS invitations and response, delay after the contact, share with a comment (higher when satisfaction is beyond ±strongFeelingBeyond).',
    basis: 'assumption',
    sources: [],
    usedIn: 'activity.ts: survey responses; comments.ts',
  }),

  comments: figure({
    value: {
      toneUpTo: {
        nps: { angry: 3, negative: 6, neutral: 8 },
        csat: { angry: 1, negative: 2, neutral: 3 },
        ces: { angry: 1, negative: 3, neutral: 5 },
      } satisfies Record<SurveyType, { angry: number; negative: number; neutral: number }>,
      topicalWeight: 2,
    },
    meaning:
      'Highest score per survey type whose comment is angry, negative or neutral (higher scores comment positively; NPS negative ends at the detractor boundary), and how many times more likely a comment about what happened is than a general one.',
    basis: 'assumption',
    sources: [],
    usedIn: 'comments.ts: tone and topic of a comment',
  }),

  // ── Churn (explicit hazard model) ─────────────────────────────────────────────────────────
  baseChurnPerYear: figure({
    value: 0.08,
    meaning:
      'Baseline churn hazard per year of a customer with no warning signals (tuned to 10–20% annual churn overall).',
    basis: 'assumption',
    sources: [],
    usedIn: 'churn.ts',
  }),
  vipChurnRisk: figure({
    value: -0.35,
    meaning: 'Log-risk of VIP customers relative to standard ones.',
    basis: 'assumption',
    sources: [],
    usedIn: 'churn.ts',
  }),
  apologyWinBackShare,
  churnSignals: figure({
    value: {
      detractorNps: { logRisk: 1.3, days: 120 },
      lowCsat: { logRisk: 1.0, days: 90 },
      highEffort: { logRisk: 0.5, days: 90 },
      repeatContact: { logRisk: 0.5, days: 60 },
      longWait: { logRisk: 0.4, days: 60 },
      leftUnresolved: { logRisk: 0.9, days: 90 },
      escalatedSession: { logRisk: 0.4, days: 60 },
      backfire: { logRisk: 0.7, days: 120 },
      gaveUpSelfService: { logRisk: 0.4, days: 60 },
      complaint: { logRisk: 0.5, days: 90 },
      noApology: { logRisk: 0.4, days: 90 },
      apology: { logRisk: Math.log(1 - apologyWinBackShare.value), days: 90 },
      fastRecovery: { logRisk: -0.5, days: 90 },
      perksWithoutApology: { logRisk: 0.3, days: 90 },
    },
    meaning:
      'Each observable warning signal adds log-risk to the churn hazard for so many days: detractor NPS (0–6), CSAT 1–2, CES 1–2, a contact within 7 days of the previous, a long wait, a contact left unresolved for 7 days, an escalated session, a backfire (escalated session then a low score within 7 days), abandoned self-service without a follow-up, a complaint; its recovery: no apology (+), apology (ln(1 − 24%)), resolved on that contact without a long wait (−), recompense without apology (+).',
    basis: 'direction',
    sources: [
      SOURCES.angryCustomers,
      SOURCES.recoveryAndGenerations,
      SOURCES.deflection,
      SOURCES.superAgents,
    ],
    quote:
      'This feedback can provide early warning signs of dissatisfied and at-risk customers (001) … customers reward or punish companies based on a single experience (000) … The longer a customer has to wait for a resolution, the less chance you have to persuade them to stay … DON’T: Rely on perks alone (003) … Kunder kan bli frustrerte og aldri gå tilbake til merkevaren din (004)',
    usedIn: 'churn.ts: hazard',
  }),
  wordOfMouthReach,
} as const;
