import { Role } from './role.js';

/**
 * Who may do what: the one place authorisation is decided (graphql/enforce-access.ts applies it to the schema).
 * Every root field needs an entry; a field without one is refused to every role, and a test names it.
 */
const { EXECUTIVE, ANALYST, SUPERVISOR, BI, INGEST, ADMIN } = Role;

const EVERYONE = [EXECUTIVE, ANALYST, SUPERVISOR, BI, INGEST, ADMIN] as const;
/** Readers of records about single customers (customer pages, fact lists). */
const CUSTOMER_READERS = [EXECUTIVE, ANALYST, SUPERVISOR, BI, ADMIN] as const;
/** Readers of every record, for analysis and BI exports (supervisors review in the API, they export nothing). */
const RECORD_READERS = [ANALYST, BI, ADMIN] as const;
const WRITERS = [INGEST, ADMIN] as const;
const ADMINS = [ADMIN] as const;
/**
 * Those who review out-of-policy exceptions. Not the alert workflow: working an alert is calling the customer
 * back, which needs the customer's name and e-mail, personal data a supervisor does not read.
 */
const REVIEWERS = [SUPERVISOR, ADMIN] as const;

export const ROOT_FIELD_ACCESS: Readonly<Record<string, readonly Role[]>> = {
  // Aggregates: every role.
  'Query.metrics': EVERYONE,
  'Query.overview': EVERYONE,
  'Query.channelSatisfaction': EVERYONE,
  'Query.segmentPreferences': EVERYONE,
  'Query.deflectionFunnel': EVERYONE,
  'Query.dataVersion': EVERYONE,
  'Query.recentImports': EVERYONE,
  'Query.ingestBacklog': EVERYONE,
  'Query.viewer': EVERYONE,
  'Query.riskModel': EVERYONE,
  'Query.riskHistory': EVERYONE,
  'Query.alertCounts': EVERYONE,
  'Query.alertMeasures': EVERYONE,
  'Query.recoveryEffectiveness': EVERYONE,
  'Query.measureCatalogue': EVERYONE,
  // Contact-center systems ask it before routing a contact (with an ingest key).
  'Query.routingAdvice': EVERYONE,
  // Customer pages: executives too.
  'Query.customer': CUSTOMER_READERS,
  'Query.customers': CUSTOMER_READERS,
  'Query.churnRisk': CUSTOMER_READERS,
  'Query.alerts': CUSTOMER_READERS,
  'Query.alert': CUSTOMER_READERS,
  'Query.liveAgentPreferences': CUSTOMER_READERS,
  // Words from detractors' comments can carry names: not for machines that only write.
  'Query.recurringCauses': CUSTOMER_READERS,
  // Fact lists: the rows behind a chart (the dashboard's drill-through); personal data masked by role.
  'Query.contacts': CUSTOMER_READERS,
  'Query.surveyResponses': CUSTOMER_READERS,
  'Query.selfServiceSessions': CUSTOMER_READERS,
  // Agents are people: listed for those who read records about people (their names masked as customers').
  'Query.agents': CUSTOMER_READERS,
  'Query.agentScorecards': CUSTOMER_READERS,
  'Query.superAgents': CUSTOMER_READERS,
  'Query.exceptions': CUSTOMER_READERS,
  'Query.exceptionReport': EVERYONE,
  // Writes.
  'Mutation.ingestCustomers': WRITERS,
  'Mutation.ingestSurveyResponses': WRITERS,
  'Mutation.ingestContacts': WRITERS,
  'Mutation.ingestSelfServiceSessions': WRITERS,
  'Mutation.ingestAgents': WRITERS,
  // A contact-center system records an agent's note that the customer wants a person.
  'Mutation.markLiveAgentPreference': WRITERS,
  'Mutation.clearLiveAgentPreference': WRITERS,
  // The alert workflow.
  'Mutation.acknowledgeAlert': ADMINS,
  'Mutation.assignAlert': ADMINS,
  'Mutation.recordCustomerContact': ADMINS,
  'Mutation.resolveAlert': ADMINS,
  'Mutation.addAlertNote': ADMINS,
  // Supervisors review out-of-policy exceptions.
  'Mutation.reviewException': REVIEWERS,
  // Webhooks: where alerts go and whether they arrived.
  'Query.webhookEndpoints': ADMINS,
  'Query.webhookDeliveries': ADMINS,
  'Mutation.redeliverWebhook': ADMINS,
  // Credentials.
  'Query.apiKeys': ADMINS,
  'Query.users': ADMINS,
  'Mutation.createApiKey': ADMINS,
  'Mutation.revokeApiKey': ADMINS,
  'Mutation.createUser': ADMINS,
  'Mutation.disableUser': ADMINS,
};

/** Who may download each /export dataset: aggregates for every role, records for their readers. */
export const EXPORT_ACCESS: Readonly<Record<string, readonly Role[]>> = {
  metrics: EVERYONE,
  customers: RECORD_READERS,
  surveys: RECORD_READERS,
  contacts: RECORD_READERS,
  selfservice: RECORD_READERS,
  agents: RECORD_READERS,
};

/** Export columns holding personal data: emptied for roles without PERSONAL_DATA_READERS. */
export const PERSONAL_DATA_COLUMNS: readonly string[] = ['name', 'email', 'comment'];

/** Object fields holding personal data: null for roles without PERSONAL_DATA_READERS. */
export const PERSONAL_DATA_FIELDS: readonly string[] = [
  'Customer.name',
  'Customer.email',
  // An agent is a person too: their name is masked like a customer's.
  'Agent.name',
  'AgentScorecard.agentName',
  'SuperAgentRow.agentName',
  'PolicyException.agentName',
  // A review note may quote the customer, like a note on an alert.
  'ExceptionReviewRecord.note',
  // The supervisor who reviewed an agent's decision is a person too, named like the agent.
  'ExceptionReviewRecord.reviewerName',
  'SurveyResponse.comment',
  // Notes on an alert quote what the customer said and how to reach them.
  'AlertEvent.text',
  // An agent's note on why a customer wants a person: free text, like the alert notes.
  'RoutingAdvice.note',
  // Words and phrases of comments are the comments, cut up: a narrow window rebuilds one word by word.
  'RecurringCauses.detractorWords',
  'RecurringCauses.detractorPhrases',
];

/** Roles that see personal data: analysts (root causes need the customer's words) and admins (call-backs). */
export const PERSONAL_DATA_READERS: readonly Role[] = [ANALYST, ADMIN];

/**
 * Personal data about agents and the review of their decisions (of PERSONAL_DATA_FIELDS): supervisors read it
 * as well, since reviewing an exception means knowing who decided and who approved, and reading the reviews.
 */
export const AGENT_DATA_FIELDS: readonly string[] = [
  'Agent.name',
  'AgentScorecard.agentName',
  'SuperAgentRow.agentName',
  'PolicyException.agentName',
  'ExceptionReviewRecord.note',
  'ExceptionReviewRecord.reviewerName',
];

/** Roles that see AGENT_DATA_FIELDS: the readers of personal data and the supervisors. */
export const AGENT_DATA_READERS: readonly Role[] = [ANALYST, SUPERVISOR, ADMIN];

/** The roles that read the personal-data field `coordinate` (Type.field) unmasked. */
export function personalDataReaders(coordinate: string): readonly Role[] {
  return AGENT_DATA_FIELDS.includes(coordinate) ? AGENT_DATA_READERS : PERSONAL_DATA_READERS;
}

/** Roles that may introspect the schema (when introspection is on at all: CX_GRAPHQL_INTROSPECTION). */
export const SCHEMA_READERS: readonly Role[] = [ANALYST, BI, INGEST, ADMIN];

/** The root fields of `type` (Query or Mutation) that `role` may run, by field name. */
export function allowedRootFields(role: Role, type: 'Query' | 'Mutation'): string[] {
  return Object.entries(ROOT_FIELD_ACCESS)
    .filter(([field, roles]) => field.startsWith(`${type}.`) && roles.includes(role))
    .map(([field]) => field.slice(type.length + 1));
}

export function mayRun(role: Role, rootField: string): boolean {
  return ROOT_FIELD_ACCESS[rootField]?.includes(role) ?? false;
}
