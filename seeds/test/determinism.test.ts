import { describe, expect, it } from 'vitest';
import { generateCustomers, type GeneratedBatch } from '../src/index.js';

const options = { seed: 42, months: 6, until: new Date('2025-07-01T00:00:00Z') };

function concat(batches: GeneratedBatch[]): GeneratedBatch {
  return {
    customers: batches.flatMap((batch) => batch.customers),
    surveys: batches.flatMap((batch) => batch.surveys),
    contacts: batches.flatMap((batch) => batch.contacts),
    sessions: batches.flatMap((batch) => batch.sessions),
  };
}

describe('generateCustomers', () => {
  const whole = generateCustomers(options, 0, 300);

  it('gives identical rows for identical options', () => {
    expect(generateCustomers({ ...options, until: new Date(options.until) }, 0, 300)).toEqual(whole);
  });

  it('gives the same rows however the customers are chunked', () => {
    const chunks = [
      generateCustomers(options, 0, 1),
      generateCustomers(options, 1, 126),
      generateCustomers(options, 127, 0),
      generateCustomers(options, 127, 173),
    ];
    expect(concat(chunks)).toEqual(whole);
  });

  it("makes a customer's history depend on its own index only", () => {
    const alone = generateCustomers(options, 211, 1);
    const fromWhole = (rows: { customer_id: string }[]) =>
      rows.filter((row) => row.customer_id === 'C0000212');
    expect(alone.customers).toEqual(fromWhole(whole.customers));
    expect(alone.contacts).toEqual(fromWhole(whole.contacts));
    expect(alone.surveys).toEqual(fromWhole(whole.surveys));
    expect(alone.sessions).toEqual(fromWhole(whole.sessions));
  });

  it('treats any time on the until day as that day', () => {
    expect(generateCustomers({ ...options, until: new Date('2025-07-01T17:45:00Z') }, 0, 300)).toEqual(whole);
  });

  it('gives different rows for another seed, month count or end date', () => {
    const names = (batch: GeneratedBatch) => batch.customers.map((customer) => customer.name);
    expect(names(generateCustomers({ ...options, seed: 43 }, 0, 300))).not.toEqual(names(whole));
    expect(generateCustomers({ ...options, months: 7 }, 0, 300).contacts).not.toEqual(whole.contacts);
    expect(
      generateCustomers({ ...options, until: new Date('2025-07-02T00:00:00Z') }, 0, 300).contacts,
    ).not.toEqual(whole.contacts);
  });

  it('rejects invalid options naming the option', () => {
    expect(() => generateCustomers({ ...options, months: 0 }, 0, 1)).toThrow(/^months: /);
    expect(() => generateCustomers({ ...options, seed: -1 }, 0, 1)).toThrow(/^seed: /);
    expect(() => generateCustomers({ ...options, until: new Date('nope') }, 0, 1)).toThrow(/^until: /);
    expect(() => generateCustomers(options, -1, 1)).toThrow(/fromIndex/);
  });
});
