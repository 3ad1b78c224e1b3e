import type { EntityClass, EntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Channel } from '../../src/modules/contacts/channel.js';
import { Contact } from '../../src/modules/contacts/contact.entity.js';
import { Customer } from '../../src/modules/customers/customer.entity.js';
import { generationOf } from '../../src/modules/customers/generation.js';
import { SelfServiceEntry, SelfServiceOutcome } from '../../src/modules/selfservice/entry.js';
import { SelfServiceSession } from '../../src/modules/selfservice/self-service-session.entity.js';
import { SurveyResponse } from '../../src/modules/surveys/survey-response.entity.js';
import { SurveyType } from '../../src/modules/surveys/survey-type.js';

/**
 * Test rows with sensible defaults; pass only what a test is about. Each factory creates and persists
 * an entity without flushing, so a test builds many rows and writes them with one `await em.flush()`.
 * Ids are unique per test run (C-1, K-2, …); timestamps default to distinct minutes from FIRST_DAY.
 */
export const FIRST_DAY = new Date('2026-01-05T00:00:00Z');

/** Columns a test may set; the ids and bookkeeping timestamps are the database's. */
type Overrides<T> = Partial<Omit<T, 'id' | 'createdAt' | 'updatedAt'>>;

let sequence = 0;
const next = () => ++sequence;
const minutesAfterFirstDay = (n: number) => new Date(FIRST_DAY.getTime() + n * 60_000);

export function makeCustomer(em: EntityManager, data: Overrides<Customer> = {}): Customer {
  const n = next();
  const birthYear = data.birthYear ?? 1985;
  return create(em, Customer, {
    externalId: `C-${n}`,
    name: `Customer ${n}`,
    birthYear,
    generation: generationOf(birthYear),
    signupDate: new Date('2024-01-01T00:00:00Z'),
    ...data,
  });
}

export function makeSurveyResponse(
  em: EntityManager,
  customer: Customer,
  data: Overrides<SurveyResponse> = {},
): SurveyResponse {
  const n = next();
  return create(em, SurveyResponse, {
    externalId: `R-${n}`,
    customer,
    type: SurveyType.NPS,
    score: 9,
    respondedAt: minutesAfterFirstDay(n),
    ...data,
  });
}

export function makeContact(em: EntityManager, customer: Customer, data: Overrides<Contact> = {}): Contact {
  const n = next();
  return create(em, Contact, {
    externalId: `K-${n}`,
    customer,
    channel: Channel.PHONE,
    startedAt: minutesAfterFirstDay(n),
    ...data,
  });
}

export function makeSelfServiceSession(
  em: EntityManager,
  customer: Customer,
  data: Overrides<SelfServiceSession> = {},
): SelfServiceSession {
  const n = next();
  return create(em, SelfServiceSession, {
    externalId: `S-${n}`,
    customer,
    entry: SelfServiceEntry.FAQ,
    startedAt: minutesAfterFirstDay(n),
    outcome: SelfServiceOutcome.RESOLVED,
    ...data,
  });
}

/** `partial` because createdAt and updatedAt are left to their entity defaults. */
function create<T extends object>(em: EntityManager, entity: EntityClass<T>, data: EntityData<T>): T {
  return em.create(entity, data, { partial: true });
}
