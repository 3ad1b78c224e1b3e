import { en } from './english.js';
import { CALIBRATION } from './calibration.js';
import { WeightTable, type Random } from './random.js';
import {
  CHANNELS,
  GENERATION_FIRST_YEAR,
  GENERATIONS,
  type Channel,
  type Generation,
  type Tier,
} from './rows.js';
import { DAY_MS, YEAR_MS, type Window } from './window.js';

/** A customer's CRM attributes plus the hidden traits that drive their behaviour. */
export interface CustomerProfile {
  customerId: string;
  name: string;
  email: string;
  birthYear: number;
  generation: Generation;
  region: string;
  tier: Tier;
  lifetimeValue: number;
  signupAt: number;
  prefersLiveAgent: boolean;
  welcomesChatbot: boolean;
  timeSensitive: boolean;
  digital: boolean;
  securityConcerned: boolean;
  /** General mood in latent satisfaction units, 0 on average. */
  disposition: number;
  channelWeights: Record<Channel, number>;
}

const FIRST_NAMES = en.person!.first_name!.generic!;
const LAST_NAMES = en.person!.last_name!.generic!;
const FIRST_BIRTH_YEAR: Record<Generation, number> = {
  silent: CALIBRATION.birthYears.value.oldest,
  ...GENERATION_FIRST_YEAR,
};

export function createProfile(
  rng: Random,
  window: Window,
  customerId: string,
  number: number,
): CustomerProfile {
  const { generation, birthYear } = drawBirth(rng, window);
  const tier: Tier = rng.chance(CALIBRATION.vipShare.value) ? 'vip' : 'standard';
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return {
    customerId,
    name: `${first} ${last}`,
    email: `${emailPart(first)}.${emailPart(last)}${number}@${rng.pick(EMAIL_DOMAINS)}`,
    birthYear,
    generation,
    region: rng.weighted(REGIONS),
    tier,
    lifetimeValue: drawLifetimeValue(rng, generation, tier),
    signupAt: drawSignup(rng, window, birthYear),
    prefersLiveAgent: rng.chance(1 - CALIBRATION.selfServiceWillingShare.value),
    welcomesChatbot: rng.chance(CALIBRATION.chatbotWelcomeShare.value),
    timeSensitive: rng.chance(CALIBRATION.timeValuedShare.value),
    digital: rng.chance(CALIBRATION.digitalShareByGeneration.value[generation]),
    securityConcerned: rng.chance(CALIBRATION.securityConcernByGeneration.value[generation]),
    disposition: rng.normal(0, CALIBRATION.dispositionSpread.value),
    channelWeights: drawChannelWeights(rng, generation),
  };
}

const EMAIL_DOMAINS = en.internet!.example_email!;
const REGIONS = new WeightTable(CALIBRATION.regions.value);
const GENERATION_MIX = new WeightTable(CALIBRATION.generationMix.value);

function emailPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

function drawBirth(rng: Random, window: Window): { generation: Generation; birthYear: number } {
  const youngest = new Date(window.end).getUTCFullYear() - CALIBRATION.birthYears.value.adultAge;
  let generation = rng.weighted(GENERATION_MIX);
  // A window that ends before Gen Z came of age has no Gen Z customers: fall back to the generation before.
  while (FIRST_BIRTH_YEAR[generation] > youngest) {
    generation = GENERATIONS[GENERATIONS.indexOf(generation) - 1]!;
  }
  const next = GENERATIONS[GENERATIONS.indexOf(generation) + 1];
  const lastYear = Math.min(next ? FIRST_BIRTH_YEAR[next] - 1 : youngest, youngest);
  return { generation, birthYear: rng.int(FIRST_BIRTH_YEAR[generation], lastYear) };
}

/**
 * Boomers earn a published share of all income; giving them `m` times the value of everyone else makes
 * their share of total lifetime value equal to it: b·m / (b·m + 1 − b) = S  ⇒  m = S(1 − b) / (b(1 − S)).
 */
function boomerValueMultiplier(): number {
  const income = CALIBRATION.boomerIncomeShare.value;
  const boomers = CALIBRATION.generationMix.value.boomer;
  return (income * (1 - boomers)) / (boomers * (1 - income));
}

function drawLifetimeValue(rng: Random, generation: Generation, tier: Tier): number {
  const { median, logSpread, vipMultiplier } = CALIBRATION.lifetimeValue.value;
  const value =
    rng.logNormal(median, logSpread) *
    (generation === 'boomer' ? boomerValueMultiplier() : 1) *
    (tier === 'vip' ? vipMultiplier : 1);
  return Math.round(value * 100) / 100;
}

function drawSignup(rng: Random, window: Window, birthYear: number): number {
  const earliest = window.end - CALIBRATION.signupHistoryYears.value * YEAR_MS;
  const adulthood = Math.min(
    Date.UTC(birthYear + CALIBRATION.birthYears.value.adultAge, 0, 1),
    window.end - DAY_MS,
  );
  const at = Math.max(rng.uniform(earliest, window.end), adulthood);
  return Math.floor(at / 1000) * 1000;
}

function drawChannelWeights(rng: Random, generation: Generation): Record<Channel, number> {
  const mix = CALIBRATION.channelMixByGeneration.value[generation];
  const jitter = CALIBRATION.channelPreferenceJitter.value;
  const weights = {} as Record<Channel, number>;
  for (const channel of CHANNELS) weights[channel] = mix[channel] * Math.exp(rng.normal(0, jitter));
  return weights;
}
