import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { AgentService } from '../modules/agents/agent.service.js';
import type { CustomerFactsKey, Loaders } from './loader-types.js';
import { AlertService } from '../modules/alerts/alert.service.js';
import { ContactService } from '../modules/contacts/contact.service.js';
import { CustomerService } from '../modules/customers/customer.service.js';
import { RiskService } from '../modules/risk/risk.service.js';
import { riskActions } from '../modules/risk/risk-actions.js';
import { SelfServiceSessionService } from '../modules/selfservice/self-service-session.service.js';
import { SurveyResponseService } from '../modules/surveys/survey-response.service.js';

export type { CustomerFactsKey, Loaders };

export function createLoaders(em: EntityManager): Loaders {
  const customers = new CustomerService(em);
  const surveyResponses = new SurveyResponseService(em);
  const contacts = new ContactService(em);
  const sessions = new SelfServiceSessionService(em);
  const risk = new RiskService(em);
  const alerts = new AlertService(em);
  const agents = new AgentService(em);
  return {
    customerById: byIdLoader('customer', (ids) => customers.findByIds(ids)),
    surveyResponsesByCustomer: customerFactsLoader((ids, last) =>
      surveyResponses.findByCustomerIds(ids, last),
    ),
    contactsByCustomer: customerFactsLoader((ids, last) => contacts.findByCustomerIds(ids, last)),
    selfServiceSessionsByCustomer: customerFactsLoader((ids, last) => sessions.findByCustomerIds(ids, last)),
    riskByCustomer: new DataLoader(async (ids) => {
      const byCustomer = new Map((await risk.findByCustomerIds(ids)).map((row) => [row.customer.id, row]));
      return ids.map((id) => byCustomer.get(id) ?? null);
    }),
    riskActions: new DataLoader(
      async (keys) => {
        const actions = await riskActions(em, keys);
        return keys.map(({ customerId }) => actions.get(customerId)!);
      },
      { cacheKeyFn: ({ customerId }) => customerId },
    ),
    alertsByCustomer: customerFactsLoader((ids, last) => alerts.findByCustomerIds(ids, last)),
    eventsByAlert: newestLoader(
      (ids, last) => alerts.findEventsByAlertIds(ids, last),
      ({ alertId }) => alertId,
      (event) => event.alert.id,
    ),
    eventCountByAlert: new DataLoader(async (ids) => {
      const counts = await alerts.countEventsByAlertIds(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    alertEventById: byIdLoader('alert event', (ids) => alerts.findEventsByIds(ids)),
    agentById: new DataLoader(async (ids) => {
      const byId = new Map((await agents.findByAgentIds(ids)).map((agent) => [agent.externalId, agent]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

/** A loader of rows by id, fetched for a whole batch of ids in one query; `noun` names them in errors. */
function byIdLoader<T extends { id: number }>(
  noun: string,
  find: (ids: number[]) => Promise<T[]>,
): DataLoader<number, T> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await find([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? new Error(`${noun} ${id} does not exist`));
  });
}

/** A loader of customer facts (survey responses, contacts, sessions, alerts) by customer and `last`. */
function customerFactsLoader<T extends { customer: { id: number } }>(
  find: (customerIds: number[], last: number | null) => Promise<T[]>,
): DataLoader<CustomerFactsKey, T[], string> {
  return newestLoader(
    find,
    ({ customerId }: CustomerFactsKey) => customerId,
    (fact) => fact.customer.id,
  );
}

/**
 * A loader of the rows each owner (a customer, an alert) has, or only its newest `last`. Keys carry `last`
 * because "the newest N" cannot be cut from another key's rows without loading an owner's whole history; a
 * batch runs one query per distinct `last`, and every owner of a page asks with the same one (it is a field
 * argument), so a page costs one query per kind of row and `last` value, whatever its number of owners.
 */
function newestLoader<K extends { last: number | null }, T>(
  find: (ownerIds: number[], last: K['last']) => Promise<T[]>,
  ownerOfKey: (key: K) => number,
  ownerOfRow: (row: T) => number,
): DataLoader<K, T[], string> {
  const cacheKey = (key: K) => `${ownerOfKey(key)}:${key.last ?? 'all'}`;
  return new DataLoader(
    async (keys) => {
      const found = new Map<string, T[]>(keys.map((key) => [cacheKey(key), []]));
      const ownersByLast = new Map<K['last'], number[]>();
      for (const key of keys) {
        const ownerIds = ownersByLast.get(key.last) ?? [];
        ownerIds.push(ownerOfKey(key));
        ownersByLast.set(key.last, ownerIds);
      }
      await Promise.all(
        [...ownersByLast].map(async ([last, ownerIds]) => {
          for (const row of await find(ownerIds, last)) {
            found.get(`${ownerOfRow(row)}:${last ?? 'all'}`)!.push(row);
          }
        }),
      );
      return keys.map((key) => found.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey },
  );
}
