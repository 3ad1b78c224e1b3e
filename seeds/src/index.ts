export { CALIBRATION, SOURCES, type Figure, type SourceFile } from './calibration.js';
export { AGENT_CALIBRATION } from './agent-calibration.js';
export { generateAgents, type AgentRow } from './agents.js';
export { customerId, customerProfile, generateCustomers, type GeneratedBatch } from './generator.js';
export type { CustomerProfile } from './customers.js';
export {
  CHANNELS,
  GENERATIONS,
  SCORE_RANGES,
  SELF_SERVICE_ENTRIES,
  SELF_SERVICE_OUTCOMES,
  SURVEY_TYPES,
  TIERS,
  generationOf,
  type Channel,
  type ContactRow,
  type CustomerRow,
  type Generation,
  type SelfServiceEntry,
  type SelfServiceOutcome,
  type SelfServiceRow,
  type SurveyRow,
  type SurveyType,
  type Tier,
} from './rows.js';
export { MAX_MONTHS, MAX_SEED, UNTIL_YEARS, windowOf, type GeneratorOptions, type Window } from './window.js';
