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
    eventsByAlert: groupedLoader(
      (ids) => alerts.findEventsByAlertIds(ids),
      (event) => event.alert.id,
    ),
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

/** A loader of all the rows that belong to each key, fetched for a whole batch of keys in one query. */
function groupedLoader<T>(
  find: (keys: readonly number[]) => Promise<T[]>,
  keyOf: (row: T) => number,
): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const found = new Map<number, T[]>(keys.map((key) => [key, []]));
    for (const row of await find(keys)) found.get(keyOf(row))?.push(row);
    return keys.map((key) => found.get(key)!);
  });
}

/**
 * A loader of facts per customer. Keys carry `last` because "the newest N" cannot be cut from another
 * key's rows without loading a customer's whole history; a batch runs one query per distinct `last`,
 * and every customer of a page asks with the same one (it is a field argument), so a page costs one query
 * per fact kind and `last` value, whatever its number of customers.
 */
function customerFactsLoader<T extends { customer: { id: number } }>(
  find: (customerIds: number[], last: number | null) => Promise<T[]>,
): DataLoader<CustomerFactsKey, T[], string> {
  return new DataLoader(
    async (keys) => {
      const found = new Map<string, T[]>(keys.map((key) => [factsKeyOf(key), []]));
      const customersByLast = new Map<number | null, number[]>();
      for (const { customerId, last } of keys) {
        const customerIds = customersByLast.get(last) ?? [];
        customerIds.push(customerId);
        customersByLast.set(last, customerIds);
      }
      await Promise.all(
        [...customersByLast].map(async ([last, customerIds]) => {
          for (const fact of await find(customerIds, last)) {
            found.get(factsKeyOf({ customerId: fact.customer.id, last }))!.push(fact);
          }
        }),
      );
      return keys.map((key) => found.get(factsKeyOf(key))!);
    },
    { cacheKeyFn: factsKeyOf },
  );
}

function factsKeyOf({ customerId, last }: CustomerFactsKey): string {
  return `${customerId}:${last ?? 'all'}`;
}
