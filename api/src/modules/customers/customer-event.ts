import { createUnionType } from 'type-graphql';
import { Contact } from '../contacts/contact.entity.js';
import { SelfServiceSession } from '../selfservice/self-service-session.entity.js';
import { SurveyResponse } from '../surveys/survey-response.entity.js';

/** Resolved to its member type by `instanceof` (type-graphql's default), which the loaded entities satisfy. */
export const CustomerEvent = createUnionType({
  name: 'CustomerEvent',
  description:
    "One entry of a customer's timeline: a survey response, an assisted contact or a self-service session. " +
    'Select the fields of each kind with inline fragments (`... on Contact { startedAt channel }`).',
  types: () => [SurveyResponse, Contact, SelfServiceSession] as const,
});

export type CustomerEvent = SurveyResponse | Contact | SelfServiceSession;

/**
 * Rank of each kind among events at the same instant, in the order a journey usually runs: the customer
 * tries self-service, then reaches an agent, then answers the survey about it.
 */
function kindRank(event: CustomerEvent): number {
  if (event instanceof SelfServiceSession) return 0;
  return event instanceof Contact ? 1 : 2;
}

function timeOf(event: CustomerEvent): number {
  return (event instanceof SurveyResponse ? event.respondedAt : event.startedAt).getTime();
}

/**
 * One customer's events in time order; ties by kind (see kindRank), then by internal id (import order),
 * so the order is total and the same on every request.
 */
export function mergeTimeline(...lists: CustomerEvent[][]): CustomerEvent[] {
  return lists.flat().sort((a, b) => timeOf(a) - timeOf(b) || kindRank(a) - kindRank(b) || a.id - b.id);
}
