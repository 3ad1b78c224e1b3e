import { CALIBRATION } from './calibration.js';
import type { Random } from './random.js';
import type { Channel, SelfServiceEntry, SurveyType } from './rows.js';

/** What the customer went through, so a comment can mention it. All optional: relationship surveys have none. */
export interface CommentContext {
  reason?: string;
  channel?: Channel;
  waitSeconds?: number;
  longWait?: boolean;
  repeat?: boolean;
  /** The self-service entry the customer came from before reaching an agent or answering. */
  entry?: SelfServiceEntry;
  pushedThroughSelfService?: boolean;
  resolved?: boolean;
  apology?: boolean;
  recompenseWithoutApology?: boolean;
  securityConcerned?: boolean;
}

type Sentiment = 'angry' | 'negative' | 'neutral' | 'positive';
type Template = (words: Words) => string;

interface Words {
  reason: string;
  minutes: number;
  entry: string;
}

const { toneUpTo, topicalWeight } = CALIBRATION.comments.value;

function sentimentOf(type: SurveyType, score: number): Sentiment {
  const { angry, negative, neutral } = toneUpTo[type];
  if (score <= angry) return 'angry';
  if (score <= negative) return 'negative';
  if (score <= neutral) return 'neutral';
  return 'positive';
}

/** A short free-text comment whose tone matches the score and whose topic matches what happened. */
export function commentFor(rng: Random, type: SurveyType, score: number, context: CommentContext): string {
  const sentiment = sentimentOf(type, score);
  const pool = [...GENERAL[sentiment]];
  for (const [applies, templates] of TOPICAL[sentiment]) {
    if (!applies(context)) continue;
    for (let copy = 0; copy < topicalWeight; copy++) pool.push(...templates);
  }
  const words: Words = {
    reason: REASON_WORDS[context.reason ?? ''] ?? 'account',
    minutes: Math.max(1, Math.round((context.waitSeconds ?? 0) / 60)),
    entry: ENTRY_WORDS[context.entry ?? 'ivr'],
  };
  return rng.pick(pool)(words);
}

const REASON_WORDS: Record<string, string> = {
  billing: 'bill',
  login: 'login',
  card: 'card',
  fees: 'fee refund',
  fraud: 'fraud claim',
  app_error: 'banking app',
  transfer: 'transfer',
  mobile_deposit: 'mobile deposit',
  account_update: 'address change',
  loan: 'loan application',
  onboarding: 'new account',
};

const ENTRY_WORDS: Record<SelfServiceEntry, string> = {
  faq: 'FAQ',
  knowledge_base: 'help articles',
  chatbot: 'chatbot',
  ivr: 'phone menu',
  community: 'forum',
};

const GENERAL: Record<Sentiment, Template[]> = {
  angry: [
    () => 'Worst service I have had from a bank. Moving my accounts.',
    () => 'Absolutely useless. I am closing my account.',
    () => 'Never again.',
    () => 'I have had enough, taking my money elsewhere.',
    (w) => `Nobody cares about my ${w.reason} problem. Unacceptable.`,
  ],
  negative: [
    () => 'Took far too long to sort out.',
    () => 'The agent did not seem to understand the problem.',
    () => 'Expected better from you.',
    (w) => `Still confused about my ${w.reason}.`,
    () => 'Too much back and forth.',
    () => 'Your fees keep going up.',
  ],
  neutral: [
    () => 'It was OK.',
    () => 'Got there in the end.',
    () => 'Fine, but it took a while.',
    (w) => `Sorted my ${w.reason}, nothing special.`,
    () => 'Average experience.',
  ],
  positive: [
    () => 'Quick and friendly, thank you!',
    () => 'Great service.',
    () => 'Very helpful, problem solved.',
    (w) => `Sorted my ${w.reason} in minutes.`,
    () => 'Easy and painless.',
  ],
};

const TOPICAL: Record<Sentiment, [(context: CommentContext) => boolean, Template[]][]> = {
  angry: [
    [
      (c) => !!c.longWait,
      [
        (w) => `Waited ${w.minutes} minutes to reach someone. Ridiculous.`,
        (w) => `${w.minutes} minutes on hold. Do you value my time at all?`,
      ],
    ],
    [
      (c) => !!c.repeat,
      [
        (w) => `Contacted you again about my ${w.reason} and it is STILL not fixed!`,
        (w) => `I keep explaining the same ${w.reason} problem over and over.`,
      ],
    ],
    [
      (c) => !!c.pushedThroughSelfService,
      [
        (w) => `Your ${w.entry} went round in circles. I just wanted a human!`,
        (w) => `Forced through the ${w.entry} before anyone would talk to me. Infuriating.`,
      ],
    ],
    [(c) => c.resolved === false, [(w) => `Nobody fixed my ${w.reason}. Waste of my time.`]],
    [(c) => c.reason === 'fraud', [() => 'Someone got into my account and you took forever to act.']],
    [(c) => !!c.securityConcerned, [() => 'I do not trust you with my data anymore.']],
  ],
  negative: [
    [
      (c) => !!c.longWait,
      [(w) => `Long wait before anyone answered (${w.minutes} min).`, () => 'Too long on hold.'],
    ],
    [(c) => !!c.repeat, [(w) => `Had to contact you again about the same ${w.reason}.`]],
    [
      (c) => c.entry !== undefined && c.channel !== undefined,
      [(w) => `The ${w.entry} could not help and then I had to explain everything again.`],
    ],
    [
      (c) => c.entry !== undefined && c.channel === undefined,
      [(w) => `Could not find what I needed in the ${w.entry}.`],
    ],
    [(c) => c.resolved === false, [(w) => `My ${w.reason} issue is still open.`]],
    [(c) => c.apology === false, [() => 'Not even an apology.']],
    [(c) => !!c.recompenseWithoutApology, [() => 'A voucher does not fix the problem.']],
    [(c) => !!c.securityConcerned, [() => 'Worried about the security of my data.']],
  ],
  neutral: [
    [(c) => !!c.longWait, [() => 'Helpful in the end but the wait was long.']],
    [(c) => c.channel === 'email', [() => 'Answer was fine, reply was slow.']],
    [(c) => c.entry !== undefined, [(w) => `The ${w.entry} was OK once I found the right page.`]],
  ],
  positive: [
    [(c) => c.channel === 'chat', [() => 'Chat was fast and easy.', () => 'Love being able to just chat.']],
    [(c) => c.channel === 'phone', [() => 'The person on the phone was lovely.']],
    [(c) => c.channel === 'in_person', [() => 'Staff at the branch were really helpful.']],
    [(c) => c.channel === 'social', [() => 'Quick reply on social media, impressed.']],
    [(c) => !!c.apology, [() => 'They apologised and fixed it straight away. Appreciated.']],
    [
      (c) => c.entry !== undefined && c.channel === undefined,
      [(w) => `Found the answer myself in the ${w.entry}.`],
    ],
  ],
};
