import { SOURCES, type Figure } from './calibration.js';
import type { Channel } from './rows.js';

/**
 * The figures behind the demo agents, teams and exception reviews, in the style of calibration.ts (same
 * `basis` rules). Kept apart from calibration.ts so the agent layer stays a separate, optional step over
 * the generated contacts (see agents.ts).
 */
const figure = <T>(entry: Figure<T>): Figure<T> => entry;

export type TeamName = 'super_agents' | 'digital' | 'generalists' | 'new_hires';

export const AGENT_CALIBRATION = {
  teams: figure<
    Record<
      TeamName,
      {
        share: number;
        channels: readonly Channel[];
        hardSkill: number;
        skill: number;
        hiredYearsAgo: [number, number];
      }
    >
  >({
    value: {
      super_agents: {
        share: 0.1,
        channels: ['phone', 'chat', 'email', 'social', 'video', 'in_person'],
        hardSkill: 1.1,
        skill: 0.35,
        hiredYearsAgo: [3, 9],
      },
      digital: {
        share: 0.25,
        channels: ['chat', 'social', 'email'],
        hardSkill: -0.1,
        skill: 0.05,
        hiredYearsAgo: [1, 5],
      },
      generalists: {
        share: 0.5,
        channels: ['phone', 'email', 'video', 'in_person'],
        hardSkill: -0.2,
        skill: 0,
        hiredYearsAgo: [1, 8],
      },
      new_hires: {
        share: 0.15,
        channels: ['phone', 'email'],
        hardSkill: -0.9,
        skill: -0.45,
        hiredYearsAgo: [0.1, 0.5],
      },
    },
    meaning:
      'Teams: share of the agents, channels they handle, and how far their odds of resolving a contact sit from the ' +
      'average (log-odds; hardSkill on contacts after self-service, skill on the others), and how long ago they were ' +
      'hired. Super agents work every channel and resolve the hard contacts far better; scripted newcomers do worst there.',
    basis: 'direction',
    sources: [SOURCES.superAgents],
    quote:
      'Det betyr at kontaktsentre håndterer mer kompliserte eller utfordrende problemer. Og det betyr at kontaktsentre ' +
      'trenger superagenter. Ferdighetene til superagenten må være større og mer mangfoldige enn de noen gang har vært ' +
      'med "manusagenter." … Engasjer med kunder på tvers av en rekke kanaler, fra telefon til live chat til sosiale medier',
    usedIn: 'agents.ts: agents.csv teams and channels; which agent a contact is credited to',
  }),
  superAgentRouting: figure({
    value: 0.3,
    meaning:
      'Share of the contacts after self-service that reach the super-agent team (routing is imperfect: the rest go ' +
      'to whoever handles the channel).',
    basis: 'assumption',
    sources: [SOURCES.superAgents],
    quote:
      'De vil selvfølgelig ikke bli kalt inn for alle utgaver. (They will of course not be called in for every issue.)',
    usedIn: 'agents.ts: prior of the super-agent team on a hard contact',
  }),
  baseResolution: figure({
    value: 0.75,
    meaning:
      'Resolution probability of an average agent, the reference the team skills are log-odds offsets from. The ' +
      'generated outcomes are kept; a contact is credited to an agent in proportion to how likely that agent was ' +
      'to reach its outcome, so the resolution rates of teams differ as their skills say.',
    basis: 'assumption',
    sources: [],
    usedIn: 'agents.ts: likelihood of an outcome for each team',
  }),
  reviewLagDays: figure({
    value: 14,
    meaning:
      'Days after an out-of-policy contact before a supervisor reviews it (younger ones stay PENDING).',
    basis: 'assumption',
    sources: [SOURCES.exceptions],
    quote: 'The company reviews such decisions later',
    usedIn: 'api demo-agents.ts: which exceptions are reviewed',
  }),
  correctedShare: figure({
    value: { peerApproved: 0.04, notApproved: 0.15 },
    meaning:
      'Share of reviewed exceptions a supervisor corrects: rare when two associates agreed, more often for a lone decision.',
    basis: 'direction',
    sources: [SOURCES.exceptions],
    quote:
      'The company reviews such decisions later, but they very rarely find it necessary to make any corrections or ' +
      'admonish the reps involved',
    usedIn: 'api demo-agents.ts: UPHELD or CORRECTED',
  }),
  surveyAttributionDays: figure({
    value: 7,
    meaning:
      'A survey answered about a channel within this many days after a contact of the same customer in that channel ' +
      'is taken to be about that contact (contact_id).',
    basis: 'assumption',
    sources: [],
    usedIn: 'agents.ts: survey contact_id',
  }),
};
