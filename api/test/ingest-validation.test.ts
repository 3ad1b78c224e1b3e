import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../src/modules/ingest/parse-timestamp.js';
import type { RawRow, RecordKind } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { EXPECTED } from '../src/modules/ingest/row-problem.js';
import { validateRow } from '../src/modules/ingest/validate-row.js';

const VALID: Record<RecordKind, RawRow> = {
  customers: { customer_id: 'C1', birth_year: '1980', signup_date: '2025-01-01' },
  surveys: { response_id: 'R1', customer_id: 'C1', type: 'nps', score: '9', responded_at: '2026-03-01' },
  contacts: { contact_id: 'K1', customer_id: 'C1', channel: 'phone', started_at: '2026-03-01T09:30:00Z' },
  selfservice: {
    session_id: 'S1',
    customer_id: 'C1',
    entry: 'faq',
    started_at: '2026-03-01',
    outcome: 'resolved',
  },
  agents: { agent_id: 'A1' },
};

function messages(kind: RecordKind, changes: RawRow, row = 7): string[] {
  const result = validateRow(RECORD_SPECS[kind], { row, values: { ...VALID[kind], ...changes } });
  return result.problems?.map((problem) => problem.message) ?? [];
}

function record(kind: RecordKind, changes: RawRow = {}) {
  const result = validateRow(RECORD_SPECS[kind], { row: 2, values: { ...VALID[kind], ...changes } });
  if (result.problems) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.record;
}

describe('row validation', () => {
  it('accepts the minimal row of every kind', () => {
    for (const kind of Object.keys(VALID) as RecordKind[]) expect(messages(kind, {})).toEqual([]);
  });

  it('reports a score out of range in the words of the issue', () => {
    expect(messages('surveys', { score: '11' })).toEqual([
      'row 7, column score: got "11", expected an integer from 0 to 10 for an nps response',
    ]);
  });

  it.each([
    ['nps', '-1', '0', '10', '11'],
    ['csat', '0', '1', '5', '6'],
    ['ces', '0', '1', '7', '8'],
  ])('holds %s scores to their range', (type, below, min, max, above) => {
    const phrase = EXPECTED.score(type as never);
    for (const score of [below, above])
      expect(messages('surveys', { type, score })).toEqual([
        `row 7, column score: got "${score}", expected ${phrase}`,
      ]);
    for (const score of [min, max]) expect(messages('surveys', { type, score })).toEqual([]);
  });

  it('rejects values of the wrong type, naming what the column expects', () => {
    expect(messages('surveys', { score: 'nine' })).toEqual([
      `row 7, column score: got "nine", expected ${EXPECTED.score('nps' as never)}`,
    ]);
    expect(messages('contacts', { wait_seconds: '12.5', transfers: '-1', recompense_type: 'x' })).toEqual([
      `row 7, column wait_seconds: got "12.5", expected ${EXPECTED.count}`,
      `row 7, column transfers: got "-1", expected ${EXPECTED.count}`,
    ]);
    expect(messages('customers', { lifetime_value: '12,50', birth_year: '1899' })).toEqual([
      `row 7, column birth_year: got "1899", expected ${EXPECTED.year(new Date().getUTCFullYear())}`,
      `row 7, column lifetime_value: got "12,50", expected ${EXPECTED.amount}`,
    ]);
  });

  it.each([
    ['surveys', 'type', 'NPS', 'one of nps, csat, ces'],
    ['selfservice', 'entry', 'web', 'one of faq, knowledge_base, chatbot, ivr, community'],
    ['selfservice', 'outcome', 'Resolved', 'one of resolved, abandoned, escalated'],
    ['selfservice', 'steps', '-2', EXPECTED.count],
    ['contacts', 'handle_seconds', '2147483648', EXPECTED.count],
    [
      'customers',
      'birth_year',
      String(new Date().getUTCFullYear() + 1),
      EXPECTED.year(new Date().getUTCFullYear()),
    ],
    ['customers', 'customer_id', '', EXPECTED.id],
  ] as const)('rejects %s.%s = %j', (kind, column, value, expected) => {
    const got = value === '' ? 'nothing' : `"${value}"`;
    expect(messages(kind, { [column]: value })).toEqual([
      `row 7, column ${column}: got ${got}, expected ${expected}`,
    ]);
  });

  it('rejects a negative recompense value', () => {
    expect(messages('contacts', { recompense_type: 'credit', recompense_value: '-5' })).toEqual([
      `row 7, column recompense_value: got "-5", expected ${EXPECTED.amount}`,
    ]);
  });

  it('rejects NUL characters, which PostgreSQL cannot store, in text and ids alike', () => {
    expect(messages('contacts', { reason: 'bil\u0000ling', agent_id: 'A\u00001' })).toEqual([
      'row 7, column reason: got "bil\\u0000ling", expected text without NUL characters',
      `row 7, column agent_id: got "A\\u00001", expected ${EXPECTED.id}`,
    ]);
  });

  it('takes enum values exactly as the import format spells them', () => {
    expect(messages('contacts', { channel: 'Phone' })).toEqual([
      'row 7, column channel: got "Phone", expected one of phone, chat, email, social, video, in_person',
    ]);
    expect(messages('customers', { tier: 'gold' })).toEqual([
      'row 7, column tier: got "gold", expected one of standard, vip',
    ]);
    expect(record('contacts', { channel: 'in_person' }).channel).toBe('in_person');
  });

  it('takes booleans only as true or false', () => {
    for (const resolved of ['TRUE', 'yes', '1'])
      expect(messages('contacts', { resolved })).toEqual([
        `row 7, column resolved: got "${resolved}", expected true or false`,
      ]);
    expect(record('contacts', { resolved: 'false', escalated: 'true' })).toMatchObject({
      resolved: false,
      escalated: true,
    });
  });

  it('treats an empty cell as null and reports it on a required column', () => {
    expect(record('contacts', { reason: '', wait_seconds: '' })).toMatchObject({
      reason: null,
      wait_seconds: null,
    });
    expect(messages('contacts', { channel: '' })).toEqual([
      'row 7, column channel: got nothing, expected one of phone, chat, email, social, video, in_person',
    ]);
  });

  it('rejects ids that are padded or too long, and repeats at most 200 characters of a value', () => {
    for (const id of [' C1', 'C1 '])
      expect(messages('customers', { customer_id: id })).toEqual([
        `row 7, column customer_id: got "${id}", expected ${EXPECTED.id}`,
      ]);
    expect(messages('customers', { customer_id: 'x'.repeat(256) })).toEqual([
      `row 7, column customer_id: got "${'x'.repeat(199)}…", expected ${EXPECTED.id}`,
    ]);
    expect(record('customers', { customer_id: 'x'.repeat(255) }).customer_id).toHaveLength(255);
  });

  it('reports unknown columns of a row', () => {
    expect(messages('selfservice', { mood: 'happy' })).toEqual([
      `row 7, column mood: got "happy", expected one of the columns session_id, customer_id, entry, started_at, steps, outcome, escalated_contact_id`,
    ]);
  });

  it('reports every problem of a row, rules included, in column order', () => {
    expect(
      messages('contacts', {
        channel: 'fax',
        resolved: 'false',
        first_contact_resolution: 'true',
        recompense_value: '5',
      }),
    ).toEqual([
      'row 7, column channel: got "fax", expected one of phone, chat, email, social, video, in_person',
      `row 7, column first_contact_resolution: got "true", expected ${EXPECTED.fcrNeedsResolution}`,
      `row 7, column recompense_value: got "5", expected ${EXPECTED.valueNeedsType}`,
    ]);
  });

  it('checks the rules across columns', () => {
    expect(messages('selfservice', { escalated_contact_id: 'K1' })).toEqual([
      `row 7, column escalated_contact_id: got "K1", expected ${EXPECTED.escalatedOnly}`,
    ]);
    expect(messages('selfservice', { escalated_contact_id: 'K1', outcome: 'escalated' })).toEqual([]);
    expect(messages('customers', { churned_at: '2024-12-31' })).toEqual([
      `row 7, column churned_at: got "2024-12-31", expected ${EXPECTED.notBeforeSignup}`,
    ]);
    expect(messages('contacts', { resolved: '', first_contact_resolution: 'true' })).toEqual([]);
  });

  it('reads JSON numbers and booleans the same way as their text', () => {
    const fromJson = record('contacts', {
      wait_seconds: 30,
      resolved: true,
      recompense_type: 'credit',
      recompense_value: 12.5,
    });
    const fromText = record('contacts', {
      wait_seconds: '30',
      resolved: 'true',
      recompense_type: 'credit',
      recompense_value: '12.50',
    });
    expect(fromJson).toEqual(fromText);
    expect(messages('surveys', { score: 9.5 })).toEqual([
      `row 7, column score: got "9.5", expected ${EXPECTED.score('nps' as never)}`,
    ]);
  });

  it('derives the generation from the birth year', () => {
    expect(record('customers', { birth_year: '1964' }).generation).toBe('boomer');
    expect(record('customers', { birth_year: 2001 }).generation).toBe('gen_z');
  });
});

describe('timestamps', () => {
  it.each([
    ['2026-03-01T01:30:00+03:00', '2026-02-28T22:30:00.000Z'],
    ['2026-02-28T22:30:00-0130', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01 09:30', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00.123456Z', '2026-03-01T09:30:00.123Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (text, utc) => {
    expect(parseTimestamp(text)?.toISOString()).toBe(utc);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:60:00Z',
    '2026-03-01T10:00:00+15:00',
    '2026-03-01+03:00',
    '01/03/2026',
    '2026-3-1',
    '1772357400000',
  ])('rejects %s', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
    expect(messages('surveys', { responded_at: text })).toEqual([
      `row 7, column responded_at: got "${text}", expected ${EXPECTED.timestamp}`,
    ]);
  });
});
