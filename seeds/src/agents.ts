import { en } from './english.js';
import { AGENT_CALIBRATION, type TeamName } from './agent-calibration.js';
import { CALIBRATION } from './calibration.js';
import { Random, WeightTables, type WeightTable } from './random.js';
import { CHANNELS, type Channel, type ContactRow, type SurveyRow } from './rows.js';
import { DAY_MS, HOUR_MS, YEAR_MS, windowOf, type GeneratorOptions } from './window.js';

/**
 * The agent layer of the demo data: the agents file, and which agent each generated contact is credited
 * to, which peer approved its exception, and which contact a survey is about. It runs over a generated
 * batch without changing any outcome: a contact is credited to a team in proportion to the team's share
 * of such contacts times how likely that team was to reach the contact's outcome (Bayes' rule), so the
 * teams' resolution rates, and the satisfaction that follows them, differ as agent-calibration.ts says.
 */
export type AgentRow = {
  agent_id: string;
  name: string;
  team: TeamName;
  hired_on: string;
  channels: string;
};

const TEAMS = AGENT_CALIBRATION.teams.value;
const TEAM_NAMES = Object.keys(TEAMS) as TeamName[];
const AGENT_COUNT = CALIBRATION.agentCount.value;
/** Streams of the agent layer, apart from those of generator.ts. */
const STREAM = { agents: 11, staffing: 12 } as const;
const FIRST_NAMES = en.person!.first_name!.generic!;
const LAST_NAMES = en.person!.last_name!.generic!;

/** The agent ids of each team: consecutive ranges A0001… in the order of the teams, by their shares. */
const ROSTER: Record<TeamName, string[]> = (() => {
  const roster = Object.fromEntries(TEAM_NAMES.map((team) => [team, [] as string[]])) as Record<
    TeamName,
    string[]
  >;
  let next = 1;
  TEAM_NAMES.forEach((team, i) => {
    const size =
      i === TEAM_NAMES.length - 1 ? AGENT_COUNT - next + 1 : Math.round(TEAMS[team].share * AGENT_COUNT);
    for (let k = 0; k < size; k++) roster[team].push(agentId(next++));
  });
  return roster;
})();

function agentId(number: number): string {
  return `A${String(number).padStart(4, '0')}`;
}

/** Every agent of the demo contact center, with a name, team, hire date and channels. */
export function generateAgents(options: GeneratorOptions): AgentRow[] {
  const { end } = windowOf(options);
  return TEAM_NAMES.flatMap((team) =>
    ROSTER[team].map((id, index) => {
      const rng = new Random(options.seed, index, STREAM.agents, TEAM_NAMES.indexOf(team));
      const [from, to] = TEAMS[team].hiredYearsAgo;
      const hired = end - rng.uniform(from, to) * YEAR_MS;
      return {
        agent_id: id,
        name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
        team,
        hired_on: new Date(Math.floor(hired / DAY_MS) * DAY_MS).toISOString().slice(0, 10),
        channels: TEAMS[team].channels.join(';'),
      };
    }),
  );
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const BASE_LOGIT = Math.log(
  AGENT_CALIBRATION.baseResolution.value / (1 - AGENT_CALIBRATION.baseResolution.value),
);

/** A generated row with its time in epoch milliseconds (to the second, as the row's timestamp says). */
export interface Timed<Row> {
  row: Row;
  at: number;
}

/**
 * Credits one customer's contacts to agents, names the peer of each peer-approved exception, and links each
 * survey answered about a channel to the contact it most likely followed. Deterministic per contact: each
 * draws from its own stream, keyed by its id. `hardSessionStarts`: when the customer's self-service sessions
 * that did not resolve the issue started. Sets agent_id and approved_by on the contacts, contact_id on the
 * surveys.
 */
export function staffCustomer(
  seed: number,
  contacts: readonly Timed<ContactRow>[],
  hardSessionStarts: readonly number[],
  surveys: readonly Timed<SurveyRow>[],
): void {
  for (const { row, at } of contacts) {
    const hard = row.self_service_session_id !== null || startedWithin(hardSessionStarts, at);
    const rng = new Random(seed, hashOf(row.contact_id), STREAM.staffing);
    const team = rng.weighted(teamWeights(row.channel, hard, row.resolved === true));
    const agent = rng.pick(ROSTER[team]);
    row.agent_id = agent;
    if (row.peer_approved) {
      const peers = ROSTER[team].filter((id) => id !== agent);
      row.approved_by = peers.length ? rng.pick(peers) : null;
    }
  }
  attributeSurveys(contacts, surveys);
}

/** Whether a contact at `at` came within 72 hours after one of these session starts. */
function startedWithin(sessionStarts: readonly number[], at: number): boolean {
  for (const start of sessionStarts) if (start < at && at <= start + 72 * HOUR_MS) return true;
  return false;
}

/**
 * The weights of the team a contact is credited to: routing share × likelihood of the contact's outcome for
 * the team. They depend on channel, difficulty and outcome only, so each combination is computed once.
 */
function teamWeights(channel: Channel, hard: boolean, resolved: boolean): WeightTable<TeamName> {
  const key = CHANNELS.indexOf(channel) * 4 + (hard ? 2 : 0) + (resolved ? 1 : 0);
  return TEAM_TABLES.get(key) ?? TEAM_TABLES.add(key, computeTeamWeights(channel, hard, resolved));
}

const TEAM_TABLES = new WeightTables<TeamName>();

function computeTeamWeights(channel: Channel, hard: boolean, resolved: boolean): Record<TeamName, number> {
  const handles = (team: TeamName) => TEAMS[team].channels.includes(channel);
  const others = TEAM_NAMES.filter((team) => team !== 'super_agents' && handles(team));
  const superShare = hard ? AGENT_CALIBRATION.superAgentRouting.value : TEAMS.super_agents.share;
  const weights: Partial<Record<TeamName, number>> = { super_agents: superShare };
  const rosterSize = others.reduce((sum, team) => sum + ROSTER[team].length, 0);
  for (const team of others) weights[team] = ((1 - superShare) * ROSTER[team].length) / rosterSize;
  for (const team of Object.keys(weights) as TeamName[]) {
    const resolves = logistic(BASE_LOGIT + (hard ? TEAMS[team].hardSkill : TEAMS[team].skill));
    weights[team]! *= resolved ? resolves : 1 - resolves;
  }
  return weights as Record<TeamName, number>;
}

/** Sets contact_id on surveys answered about a channel shortly after a contact in it (the latest such one). */
function attributeSurveys(
  contacts: readonly Timed<ContactRow>[],
  surveys: readonly Timed<SurveyRow>[],
): void {
  const window = AGENT_CALIBRATION.surveyAttributionDays.value * DAY_MS;
  for (const { row: survey, at } of surveys) {
    let about: Timed<ContactRow> | null = null;
    for (const contact of contacts) {
      const started = contact.at;
      if (contact.row.channel !== survey.channel || started >= at || at - started > window) continue;
      if (!about || started > about.at) about = contact;
    }
    survey.contact_id = about?.row.contact_id ?? null;
  }
}

/** A 31-bit hash of an id (FNV-1a), to key a contact's own random stream. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 1;
}
