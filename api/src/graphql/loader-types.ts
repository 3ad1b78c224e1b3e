import type DataLoader from 'dataloader';
import type { Agent } from '../modules/agents/agent.entity.js';
import type { AlertEvent } from '../modules/alerts/alert-event.entity.js';
import type { Alert } from '../modules/alerts/alert.entity.js';
import type { Contact } from '../modules/contacts/contact.entity.js';
import type { Customer } from '../modules/customers/customer.entity.js';
import type { CustomerRisk } from '../modules/risk/customer-risk.entity.js';
import type { RiskActions, ScoredCustomer } from '../modules/risk/risk-actions.js';
import type { SelfServiceSession } from '../modules/selfservice/self-service-session.entity.js';
import type { SurveyResponse } from '../modules/surveys/survey-response.entity.js';

/** Which facts of one customer to load: all of them (`last` null) or only the `last` most recent. */
export interface CustomerFactsKey {
  /** Internal id of the customer (the foreign key facts hold). */
  customerId: number;
  last: number | null;
}

/** Which entries of one alert's audit trail to load: the `last` most recent. */
export interface AlertEventsKey {
  /** Internal id of the alert. */
  alertId: number;
  last: number;
}

/**
 * DataLoaders of one request: every field that needs a related row asks its loader, which collects
 * the keys of a whole page and fetches them in one query (no query per parent row).
 */
export interface Loaders {
  /** Customers by internal id (the foreign key facts hold). */
  customerById: DataLoader<number, Customer>;
  /** A customer's survey responses, oldest respondedAt first. */
  surveyResponsesByCustomer: DataLoader<CustomerFactsKey, SurveyResponse[], string>;
  /** A customer's contacts, oldest startedAt first. */
  contactsByCustomer: DataLoader<CustomerFactsKey, Contact[], string>;
  /** A customer's self-service sessions, oldest startedAt first. */
  selfServiceSessionsByCustomer: DataLoader<CustomerFactsKey, SelfServiceSession[], string>;
  /** A customer's latest churn-risk score, by the customer's internal id; null when not scored. */
  riskByCustomer: DataLoader<number, CustomerRisk | null>;
  /** "Why now" and the next step of a scored customer (keyed by the customer's internal id). */
  riskActions: DataLoader<ScoredCustomer, RiskActions, number>;
  /** A customer's alerts, oldest openedAt first. */
  alertsByCustomer: DataLoader<CustomerFactsKey, Alert[], string>;
  /** The most recent entries of an alert's audit trail, oldest change first. */
  eventsByAlert: DataLoader<AlertEventsKey, AlertEvent[], string>;
  /** How many entries an alert's audit trail has, by the alert's internal id. */
  eventCountByAlert: DataLoader<number, number>;
  /** One entry of an alert's audit trail by its id (webhook deliveries point at them). */
  alertEventById: DataLoader<number, AlertEvent>;
  /** An imported agent by agent_id; null for an id never imported. */
  agentById: DataLoader<string, Agent | null>;
}
