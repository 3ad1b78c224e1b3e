import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../src/server/request-limits.js';
import { startTestApi, statementLog, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { makeCustomer, makeSelfServiceSession, makeSurveyResponse } from './support/factories.js';

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  ms: number;
}

const post = async (
  api: TestApi,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> => {
  const started = performance.now();
  const response = await api.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Answer['body'];
  return { status: response.status, body, ms: performance.now() - started };
};

/** The refusal of a request as a whole: HTTP 400, no data, one error with this code and message. */
const refusal = (code: string, message: string | RegExp) => ({
  status: 400,
  body: {
    errors: [
      expect.objectContaining({
        message: typeof message === 'string' ? message : expect.stringMatching(message),
        extensions: expect.objectContaining({ code }),
      }),
    ],
  },
  ms: expect.any(Number),
});

describe.each(DIALECTS)('request limits on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const em = api.database.orm.em.fork();
    // 20 customers with 3 responses and 2 sessions each; C-LONG has 25 responses.
    for (let i = 0; i < 20; i++) {
      const customer = makeCustomer(em, { externalId: `C-${String(i).padStart(2, '0')}` });
      for (let j = 0; j < 3; j++) makeSurveyResponse(em, customer);
      for (let j = 0; j < 2; j++) makeSelfServiceSession(em, customer);
    }
    const long = makeCustomer(em, { externalId: 'C-LONG' });
    for (let j = 0; j < 25; j++) makeSurveyResponse(em, long);
    await em.flush();
  });
  afterAll(async () => {
    await api?.close();
  });

  const ALIASED_PAGES = `query ($n: Int!) { ${Array.from(
    { length: 15 },
    (_, i) =>
      `c${i}: customers(first: $n) { nodes { id surveyResponses { id score comment } selfServiceSessions { id outcome } } }`,
  ).join(' ')} }`;

  it('charges a page size given as a variable at its value: 15 aliases × customers(first: $n) are refused before any SQL', async () => {
    const statements = statementLog(api);
    // Nested lists without last count 20 rows: surveyResponses (2 + 1.5 × 3 scalars) × 20 = 130, sessions
    // (2 + 1.5 × 2) × 20 = 100; nodes 2 + 1.5 × (1 + 130 + 100) = 348.5; customers 2 + 1.5 × 348.5
    // = 524.75 per row, × 1,000 rows × 15 aliases = 7,871,250.
    expect(await post(api, ALIASED_PAGES, { n: 1000 })).toEqual(
      refusal(
        'GRAPHQL_VALIDATION_FAILED',
        'Query cost limit of 50,000 exceeded, found 7,871,250 (page sizes count at the value they run with, ' +
          'variables included): ask for fewer rows or fields per request and page on with after.',
      ),
    );
    expect(statements).toEqual([]);
    // The same query on small pages runs: 524.75 × 1 × 15 = 7,871.25 is within the limit.
    const small = await post(api, ALIASED_PAGES, { n: 1 });
    expect(small.status).toBe(200);
    expect(small.body.data!.c14.nodes).toEqual([
      expect.objectContaining({ id: 'C-00', surveyResponses: expect.any(Array) }),
    ]);
  });

  it('bounds every nested list: the 20 most recent rows without last, at most 1,000 with it', async () => {
    const { body } = await post(
      api,
      '{ customer(id: "C-LONG") { surveyResponses { id } last5: surveyResponses(last: 5) { id } } }',
    );
    expect(body.data!.customer.surveyResponses).toHaveLength(20);
    expect(body.data!.customer.last5).toHaveLength(5);
    const tooMany = await post(api, '{ customer(id: "C-LONG") { surveyResponses(last: 1001) { id } } }');
    expect(tooMany.body.errors?.[0]?.message).toMatch(/^last: got 1001, expected a count from 1 to 1000/);
  });

  it('refuses ids over 255 characters, as a variable or in the query, with BAD_USER_INPUT before any SQL', async () => {
    const statements = statementLog(api);
    const id = (length: number) => 'C'.repeat(length);
    expect(
      await post(api, 'query ($id: ID!) { routingAdvice(customerId: $id) { skipSelfService } }', {
        id: id(256),
      }),
    ).toEqual(
      refusal(
        'BAD_USER_INPUT',
        '$id: got a text of 256 characters, expected an id of at most 255 characters.',
      ),
    );
    expect(await post(api, `{ customer(id: "${id(300)}") { id } }`)).toEqual(
      refusal(
        'BAD_USER_INPUT',
        'id: got a text of 300 characters, expected an id of at most 255 characters.',
      ),
    );
    const megabyte = id(1024 * 1024);
    for (const [query, variables] of [
      ['query ($f: AlertFilter) { alerts(filter: $f) { totalCount } }', { f: { customerId: megabyte } }],
      ['query ($f: ContactFilter) { contacts(filter: $f) { totalCount } }', { f: { customerId: megabyte } }],
    ] as const) {
      expect(await post(api, query, variables)).toEqual(
        refusal(
          'BAD_USER_INPUT',
          '$f.customerId: got a text of 1,048,576 characters, expected an id of at most 255 characters.',
        ),
      );
    }
    expect(statements).toEqual([]);
    // 255 characters is an id like any other.
    const fits = await post(api, 'query ($id: ID!) { routingAdvice(customerId: $id) { skipSelfService } }', {
      id: id(255),
    });
    expect(fits.body).toEqual({ data: { routingAdvice: { skipSelfService: false } } });
  });

  it('refuses a query document over 100,000 characters before parsing it', async () => {
    // 15,728,640 characters of id and 27 of query around them.
    const answer = await post(api, `{ customer(id: "${'x'.repeat(15 * 1024 * 1024)}") { id } }`);
    expect(answer).toEqual(
      refusal(
        'BAD_USER_INPUT',
        'query: got a document of 15,728,667 characters, expected at most 100,000 (pass values as variables).',
      ),
    );
  });

  it('refuses a 15 MB id in well under a second of work', async () => {
    const answer = await post(api, 'query ($id: ID!) { customer(id: $id) { id } }', {
      id: 'x'.repeat(15 * 1024 * 1024),
    });
    expect(answer).toEqual(refusal('BAD_USER_INPUT', /^\$id: got a text of 15,728,640 characters/));
    // Measured about 0.2 s including the 15 MB upload; before the limit, about 1.1 s per MB of id.
    expect(answer.ms).toBeLessThan(5_000);
  });

  it('refuses a list filter over 1,000 items with BAD_USER_INPUT, and answers one of 1,000', async () => {
    const reasons = (n: number) => Array.from({ length: n }, (_, i) => `reason ${i}`);
    const query =
      'query ($filter: MetricFilter) { metrics(dimensions: [REASON], filter: $filter) { contacts } }';
    expect(await post(api, query, { filter: { reasons: reasons(70_000) } })).toEqual(
      refusal('BAD_USER_INPUT', '$filter.reasons: got a list of 70,000 items, expected at most 1,000.'),
    );
    expect(await post(api, query, { filter: { reasons: reasons(INPUT_LIMITS.maxListItems) } })).toMatchObject(
      {
        status: 200,
        body: { data: { metrics: [] } },
      },
    );
  });
});

describe('the response size cap', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite', { config: { maxResponseBytes: 2_000 } });
    const em = api.database.orm.em.fork();
    for (let i = 0; i < 40; i++) makeCustomer(em);
    await em.flush();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses an answer over CX_MAX_RESPONSE_MB with RESPONSE_TOO_LARGE, and sends the ones below it', async () => {
    expect(await post(api, '{ customers(first: 40) { nodes { id name birthYear signupDate } } }')).toEqual(
      refusal(
        'RESPONSE_TOO_LARGE',
        /^The answer would be [\d,]+ bytes of JSON, over the limit of 2,000 bytes: ask for fewer rows/,
      ),
    );
    expect((await post(api, '{ customers(first: 2) { nodes { id } } }')).status).toBe(200);
  });
});
