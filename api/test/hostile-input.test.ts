import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { readCsv } from '../src/modules/ingest/readers/csv-reader.js';
import { MAX_JSON_DEPTH } from '../src/modules/ingest/readers/json-depth.js';
import { readNdjson } from '../src/modules/ingest/readers/ndjson-reader.js';
import { validateFileInWorker } from '../src/modules/ingest/readers/validate-file.js';
import type { RecordKind } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import type { SourceFormat } from '../src/modules/ingest/sources/source-file.js';
import { INPUT_LIMITS } from '../src/server/request-limits.js';
import { startTestApi, statementLog, type TestApi } from './support/api-server.js';
import { runCli } from './support/cli.js';
import { DIALECTS } from './support/databases.js';
import { makeContact, makeCustomer, makeSurveyResponse } from './support/factories.js';

/** Strings an attacker (or a broken export) sends: SQL and template injection, control characters, odd numbers. */
const ATTACKS = [
  "' OR '1'='1",
  "x'); drop table customers; --",
  '" OR ""="',
  '1; select pg_sleep(10) --',
  "' union select token_hash from api_keys --",
  '%27%20OR%201%3D1',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '\u0000',
  '\ud800',
  '\u202e\u0007',
  'NaN',
  '-1e309',
  '9'.repeat(400),
  'é'.repeat(5_000),
];
const hostileString = fc.oneof(
  fc.constantFrom(...ATTACKS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Keys and column names that name Object.prototype's properties, or the prototype itself. */
const HOSTILE_KEYS = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'prototype',
  'isPrototypeOf',
];

/** JSON nested `depth` arrays deep. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A table's row count, to prove that a refused input wrote nothing. */
async function counts(api: TestApi): Promise<Record<string, number>> {
  const knex = api.database.orm.em.getConnection().getKnex();
  const result: Record<string, number> = {};
  for (const table of [
    'customers',
    'survey_responses',
    'contacts',
    'self_service_sessions',
    'import_runs',
    'api_keys',
  ]) {
    result[table] = Number((await knex(table).count({ n: '*' }))[0]!.n);
  }
  return result;
}

/** What no answer may contain: SQL, driver names, stack frames, file paths. */
const LEAKS =
  /\bselect\b.*\bfrom\b|sqlite|postgres|knex|mikro|\(\S+:\d+:\d+\)|\n\s+at |\/work\/|node_modules/i;

/** A message without the input it quotes back (`got "…"`), which may hold any attack string. */
function withoutInput(message: string, input: unknown): string {
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value, JSON.stringify(value).slice(1, -1)]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];
  return strings(input)
    .filter((text) => text !== '')
    .reduce((rest, text) => rest.split(text).join(''), message);
}

describe.each(DIALECTS)('hostile input on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const em = api.database.orm.em.fork();
    const customer = makeCustomer(em, { externalId: 'C-KEEP', region: 'north' });
    makeSurveyResponse(em, customer, { comment: 'fine' });
    makeContact(em, customer);
    await em.flush();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers every filter, page and sort argument with data or a clear client error, and changes nothing', async () => {
    const before = await counts(api);
    const list = (items: fc.Arbitrary<string>) =>
      fc.option(fc.array(items, { maxLength: 3 }), { nil: undefined });
    const filter = fc.record(
      {
        regions: list(hostileString),
        reasons: list(hostileString),
        customerId: fc.option(hostileString, { nil: undefined }),
        channels: list(fc.oneof(fc.constantFrom('CHAT', 'PHONE'), hostileString)),
        generations: list(fc.oneof(fc.constantFrom('BOOMER'), hostileString)),
        from: fc.option(
          fc.oneof(
            fc.constantFrom('2026-01-01T00:00:00Z', '2026-02-30', '+275760-09-13T00:00:00Z'),
            hostileString,
          ),
          { nil: undefined },
        ),
        churned: fc.option(fc.oneof(fc.boolean(), hostileString), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    const operations = [
      'query ($filter: CustomerFilter, $first: Int, $after: String) { customers(filter: $filter, first: $first, after: $after) { totalCount nodes { id name } } }',
      'query ($filter: ContactFilter, $first: Int, $after: String) { contacts(filter: $filter, first: $first, after: $after) { totalCount nodes { id } } }',
      'query ($filter: SurveyResponseFilter, $first: Int, $after: String) { surveyResponses(filter: $filter, first: $first, after: $after) { nodes { id comment } } }',
      'query ($filter: MetricFilter, $dimensions: [Dimension!]!) { metrics(filter: $filter, dimensions: $dimensions) { period contacts nps } }',
      'query ($id: ID!) { customer(id: $id) { id timeline(last: 3) { __typename } } }',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        filter,
        fc.oneof(fc.integer(), fc.constantFrom(2 ** 31, -0.5, '10' as unknown as number)),
        fc.option(hostileString, { nil: undefined }),
        fc.array(fc.oneof(fc.constantFrom('CHANNEL', 'GENERATION', 'REGION', 'REASON'), hostileString), {
          maxLength: 3,
        }),
        async (operation, filterValue, first, after, dimensions) => {
          const variables = { filter: filterValue, first, after, dimensions, id: after ?? 'C-KEEP' };
          const response = await api.fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: operation, variables }),
          });
          const text = await response.text();
          expect([200, 400]).toContain(response.status);
          const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
          for (const error of body.errors ?? []) {
            expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions?.code);
            expect(withoutInput(error.message, variables)).not.toMatch(LEAKS);
          }
        },
      ),
      { numRuns: 150, seed: 6 },
    );
    expect(await counts(api)).toEqual(before);
  });

  it('imports hostile ingest rows whole or not at all, with a problem per bad value', async () => {
    const row = fc.record({
      customerId: fc.oneof(fc.constantFrom('C-KEEP', 'C-NEW'), hostileString),
      birthYear: fc.oneof(fc.integer({ min: 1900, max: 2010 }), fc.integer()),
      signupDate: fc.oneof(fc.constant('2025-01-01'), hostileString),
      name: fc.option(hostileString, { nil: null }),
      email: fc.option(hostileString, { nil: null }),
      region: fc.option(hostileString, { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), async (rows) => {
        const before = await counts(api);
        const { data, errors } = await api.graphql<{
          ingestCustomers: {
            inserted: number;
            updated: number;
            problemCount: number;
            problems: { row: number; field: string; message: string }[];
          };
        }>(
          'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows) { inserted updated problemCount problems { row field message } } }',
          { rows },
        );
        for (const error of errors ?? [])
          expect(error.extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
        const result = data?.ingestCustomers;
        if (!result) return;
        const after = await counts(api);
        if (result.problemCount > 0) {
          expect(after).toEqual(before);
          for (const problem of result.problems) expect(problem.message).toMatch(/expected|got/);
        } else {
          expect(after.customers).toBe(before.customers! + result.inserted);
          expect(after.import_runs).toBe(before.import_runs! + 1);
        }
      }),
      { numRuns: 60, seed: 6 },
    );
  });

  it('reads malformed, oversized and wrongly encoded files into row problems, never a crash or a partial write', async () => {
    const header = 'customer_id,birth_year,signup_date,name,email,region,tier,lifetime_value,churned_at';
    const cell = fc.oneof(
      hostileString,
      fc.constantFrom('"', '""', '"a""b', '\r', '\n', ',', 'C-1', '1980', '2025-01-01'),
    );
    const line = fc.array(cell, { minLength: 0, maxLength: 11 }).map((cells) => cells.join(','));
    const encoded = fc.oneof(
      fc.constant((text: string) => Buffer.from(text, 'utf8')),
      fc.constant((text: string) => Buffer.from(text, 'latin1')),
      fc.constant((text: string) => Buffer.from(text, 'utf16le')),
    );
    const ingest = new IngestService(api.database.orm.em.fork());
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 8 }),
        encoded,
        fc.boolean(),
        async (lines, encode, asNdjson) => {
          const before = await counts(api);
          const bytes = encode(
            asNdjson
              ? lines.map((text) => JSON.stringify({ customer_id: text })).join('\n')
              : [header, ...lines].join('\n'),
          );
          const reader = asNdjson
            ? readNdjson(Readable.from([bytes]))
            : readCsv(Readable.from([bytes]), RECORD_SPECS.customers);
          const summary = await ingest.importRows('customers', reader);
          const after = await counts(api);
          if (summary.problemCount > 0) {
            expect(summary.committed).toBe(false);
            expect(after).toEqual(before);
            for (const problem of summary.problems) {
              expect(problem.row).toBeGreaterThanOrEqual(1);
              expect(problem.message).not.toBe('');
            }
          } else {
            expect(after.customers).toBe(before.customers! + summary.inserted);
          }
        },
      ),
      { numRuns: 80, seed: 6 },
    );
  });

  it('refuses a record past the size limit (a quote left open) as one problem, without reading on', async () => {
    const text = `customer_id,birth_year,signup_date\nC-X,1980,"2025-01-01${'x'.repeat(1_100_000)}\nC-Y,1980,2025-01-01\n`;
    const before = await counts(api);
    const summary = await new IngestService(api.database.orm.em.fork()).importRows(
      'customers',
      readCsv(Readable.from([Buffer.from(text)]), RECORD_SPECS.customers),
    );
    expect(summary.committed).toBe(false);
    expect(summary.problems.map((problem) => [problem.row, problem.message])).toEqual([
      [2, expect.stringMatching(/./)],
    ]);
    expect(await counts(api)).toEqual(before);
  });

  it('refuses long strings and long lists in any argument with BAD_USER_INPUT before any SQL, and answers those within the limits', async () => {
    const before = await counts(api);
    const statements = statementLog(api);
    // [operation, variables of a given size, the limit that size is held to]
    const cases: [string, (n: number) => Record<string, unknown>, number][] = [
      [
        'query ($v: ID!) { customer(id: $v) { id } }',
        (n) => ({ v: 'C'.repeat(n) }),
        INPUT_LIMITS.maxIdLength,
      ],
      [
        'query ($v: ID!) { routingAdvice(customerId: $v) { skipSelfService } }',
        (n) => ({ v: 'r'.repeat(n) }),
        INPUT_LIMITS.maxIdLength,
      ],
      [
        'query ($v: AlertFilter) { alerts(filter: $v) { totalCount } }',
        (n) => ({ v: { customerId: 'é'.repeat(n) } }),
        INPUT_LIMITS.maxIdLength,
      ],
      [
        'query ($v: String) { customers(after: $v) { totalCount } }',
        (n) => ({ v: 'a'.repeat(n) }),
        INPUT_LIMITS.maxTextLength,
      ],
      [
        'query ($v: MetricFilter) { metrics(filter: $v) { contacts } }',
        (n) => ({ v: { regions: Array.from({ length: n }, (_, i) => `r${i}`) } }),
        INPUT_LIMITS.maxListItems,
      ],
      [
        'query ($v: MetricFilter) { metrics(filter: $v) { contacts } }',
        (n) => ({ v: { channels: Array.from({ length: n }, () => 'CHAT') } }),
        INPUT_LIMITS.maxListItems,
      ],
      [
        'query ($v: [Dimension!]!) { metrics(dimensions: $v) { contacts } }',
        (n) => ({ v: Array.from({ length: n }, () => 'REGION') }),
        INPUT_LIMITS.maxListItems,
      ],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 300_000 })),
        async ([operation, variables, limit], size) => {
          statements.length = 0;
          const response = await api.fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: operation, variables: variables(size) }),
          });
          const body = (await response.json()) as {
            errors?: { message: string; extensions?: { code?: string } }[];
          };
          if (size > limit) {
            expect(response.status).toBe(400);
            expect(body.errors).toEqual([
              expect.objectContaining({
                message: expect.stringMatching(
                  /^\$v\S*: got a (text|list) of [\d,]+ (characters|items), expected .*at most [\d,]+/,
                ),
                extensions: { code: 'BAD_USER_INPUT', argument: 'v' },
              }),
            ]);
            expect(statements).toEqual([]);
          } else {
            for (const error of body.errors ?? []) {
              expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions?.code);
              expect(error.message.length).toBeLessThan(2_000);
            }
          }
        },
      ),
      { numRuns: 60, seed: 6 },
    );
    expect(await counts(api)).toEqual(before);
  });

  it('refuses the NUL character in a variable or a literal with BAD_USER_INPUT (PostgreSQL cannot compare it)', async () => {
    expect(await api.graphql('query ($id: ID!) { customer(id: $id) { id } }', { id: 'C\u0000' })).toEqual({
      errors: [
        {
          message: '$id: got text with a NUL character (U+0000), expected text without it',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    const literal = await api.graphql('{ customers(filter: { regions: ["north\\u0000"] }) { totalCount } }');
    expect(literal.errors?.[0]?.message).toBe(
      'a string in the query: got text with a NUL character (U+0000), expected text without it',
    );
  });

  it('reads hostile keys, column names and deep JSON in every import format into row problems, never a crash (the CLI path, on a worker)', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'cx-hostile-'));
    const key = fc.oneof(
      fc.constantFrom(...HOSTILE_KEYS),
      fc.constantFrom('customer_id', 'birth_year', 'signup_date', 'name'),
    );
    const value = fc.oneof(
      fc.constantFrom('C-H', '1980', '2025-01-01', 'constructor', '__proto__'),
      fc.integer(),
      fc
        .constantFrom(MAX_JSON_DEPTH - 1, MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, 500_000)
        .map((depth) => ({ depth })),
    );
    const jsonValue = (item: string | number | { depth: number }) =>
      typeof item === 'object' ? nested(item.depth) : JSON.stringify(item);
    const csvValue = (item: string | number | { depth: number }) =>
      typeof item === 'object' ? nested(Math.min(item.depth, 100)) : String(item);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 5 }),
          fc.constantFrom('ndjson', 'csv', 'zendesk', 'qualtrics', 'mapping'),
          async (pairs, format) => {
            const before = await counts(api);
            const path = join(
              scratch,
              `${run++}.${format === 'ndjson' ? 'ndjson' : format === 'zendesk' ? 'json' : 'csv'}`,
            );
            const object = `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${jsonValue(v)}`).join(',')}}`;
            const header = pairs.map(([k]) => k).join(',');
            const row = pairs.map(([, v]) => csvValue(v)).join(',');
            let kind: RecordKind = 'customers';
            let source: SourceFormat = { format: 'canonical' };
            if (format === 'ndjson') writeFileSync(path, `${object}\n${object}\n`);
            else if (format === 'csv') writeFileSync(path, `${header}\n${row}\n`);
            else if (format === 'zendesk') {
              [kind, source] = ['contacts', { format: 'zendesk' }];
              writeFileSync(
                path,
                `{"tickets":[${object}],"users":[${object}],${JSON.stringify(pairs[0]![0])}:${object}}`,
              );
            } else if (format === 'qualtrics') {
              [kind, source] = ['surveys', { format: 'qualtrics' }];
              writeFileSync(path, `${header},ResponseId\n${header},Response ID\n${row},{}\n${row},R_1\n`);
            } else {
              [kind, source] = [
                'customers',
                {
                  format: 'mapping',
                  mapping: {
                    columns: { customer_id: pairs[0]![0], signup_date: 'signup_date' },
                    values: { customer_id: { constructor: 'C-1' } },
                    constants: {},
                    derived: { name: `{${pairs[0]![0]}}` },
                    prefixes: {},
                    skipRows: 0,
                    keep: {},
                    drop: {},
                  },
                },
              ];
              writeFileSync(path, `${header},signup_date\n${row},2025-01-01\n`);
            }
            const validated = validateFileInWorker(kind, path, source);
            const summary = await new IngestService(api.database.orm.em.fork())
              .importValidated(kind, validated.batches)
              .finally(() => validated.close());
            const after = await counts(api);
            if (summary.problemCount > 0) expect(after).toEqual(before);
            for (const problem of summary.problems) {
              expect(typeof problem.column).toBe('string');
              expect(problem.message).toMatch(/^row \d+/);
              expect(problem.message).not.toMatch(/\[object Object\]|function |Maximum call stack/);
            }
          },
        ),
        { numRuns: 15, seed: 22 },
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 240_000);

  it('answers pnpm cx import of hostile keys and 500,000-deep JSON with row problems and exit code 1, without a stack trace', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'cx-hostile-cli-'));
    try {
      const ndjson = join(scratch, 'customers.ndjson');
      writeFileSync(
        ndjson,
        [
          '{"customer_id":"C-1","birth_year":1980,"signup_date":"2025-01-01","constructor":"x","toString":"y"}',
          '{"customer_id":"C-2","birth_year":1980,"signup_date":"2025-01-01","__proto__":{"admin":true}}',
          `{"customer_id":"C-3","birth_year":${nested(500_000)}}`,
        ].join('\n'),
      );
      const csv = join(scratch, 'customers.csv');
      writeFileSync(
        csv,
        'customer_id,birth_year,signup_date,constructor,__proto__\nC-4,1980,2025-01-01,a,b\n',
      );
      const env = (name: string) => ({ CX_DATABASE_URL: `sqlite:${join(scratch, name)}` });
      const [fromNdjson, fromCsv] = await Promise.all([
        runCli(['import', 'customers', ndjson], env('a.sqlite')),
        runCli(['import', 'customers', csv], env('b.sqlite')),
      ]);
      const known = RECORD_SPECS.customers.columnNames.join(', ');
      expect(fromNdjson.code).toBe(1);
      expect(fromNdjson.stderr.trimEnd().split('\n')).toEqual([
        `row 1, column constructor: got "x", expected one of the columns ${known}`,
        `row 1, column toString: got "y", expected one of the columns ${known}`,
        `row 2, column __proto__: got "{\\"admin\\":true}", expected one of the columns ${known}`,
        expect.stringMatching(
          /^row 3: got "\{\\"customer_id\\":\\"C-3\\",\\"birth_year\\":\[\[\[.*…", expected JSON nested at most 64 levels deep$/,
        ),
        expect.stringMatching(/^error: 4 problems in 3 rows of .*customers\.ndjson: nothing was written$/),
      ]);
      expect(fromCsv.code).toBe(1);
      expect(fromCsv.stderr.trimEnd().split('\n')).toEqual([
        `row 1, column constructor: got "constructor", expected one of the columns ${known}`,
        `row 1, column __proto__: got "__proto__", expected one of the columns ${known}`,
        expect.stringMatching(/^error: 2 problems in 1 rows of .*customers\.csv: nothing was written$/),
      ]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
