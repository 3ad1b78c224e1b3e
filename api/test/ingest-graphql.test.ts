import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLContext } from '../src/graphql/context.js';
import { Channel } from '../src/modules/contacts/channel.js';
import { Tier } from '../src/modules/customers/tier.js';
import type { CustomerRowInput } from '../src/modules/ingest/dto/customer-row.input.js';
import type { SurveyResponseRowInput } from '../src/modules/ingest/dto/survey-response-row.input.js';
import { IngestResolver, MAX_INGEST_ROWS } from '../src/modules/ingest/ingest.resolver.js';
import { EXPECTED } from '../src/modules/ingest/row-problem.js';
import { SelfServiceEntry, SelfServiceOutcome } from '../src/modules/selfservice/entry.js';
import { SurveyType } from '../src/modules/surveys/survey-type.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

const customers: CustomerRowInput[] = [
  { customerId: 'C1', birthYear: 1962, signupDate: '2025-01-01', tier: Tier.VIP, lifetimeValue: 99.5 },
  { customerId: 'C2', birthYear: 1991, signupDate: '2025-02-01T10:00:00+02:00', name: 'Lin' },
];

describe.each(DIALECTS)('ingest mutations on %s', (dialect) => {
  let database: MigratedDatabase;
  beforeEach(async () => {
    database = await createMigratedDatabase(dialect);
  });
  afterEach(async () => {
    await database.drop();
  });

  // The resolver needs only the EntityManager; loaders belong to the read side.
  const context = () => ({ em: database.orm.em.fork() }) as GraphQLContext;
  const resolver = new IngestResolver();
  const count = async (table: string) =>
    Number((await database.orm.em.getConnection().getKnex()(table).count({ n: '*' }))[0]!.n);

  it('upserts rows through the import service and reports the counts', async () => {
    expect(await resolver.ingestCustomers(customers, context())).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      problemCount: 0,
      problems: [],
      queued: 0,
      batchId: null,
    });
    const changed = [customers[0]!, { ...customers[1]!, name: 'Lin Wu' }];
    expect(await resolver.ingestCustomers(changed, context())).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
    const sessions = [
      {
        sessionId: 'S1',
        customerId: 'C1',
        entry: SelfServiceEntry.KNOWLEDGE_BASE,
        startedAt: '2026-03-01T08:00:00Z',
        steps: 3,
        outcome: SelfServiceOutcome.ESCALATED,
        escalatedContactId: 'K1',
      },
    ];
    expect(await resolver.ingestSelfServiceSessions(sessions, context())).toMatchObject({ inserted: 1 });
    const [stored] = await database.orm.em
      .getConnection()
      .getKnex()('self_service_sessions')
      .select('entry', 'outcome');
    expect(stored).toEqual({ entry: 'knowledge_base', outcome: 'escalated' });
  });

  it('names the input field and the row position in each problem, and writes nothing', async () => {
    await resolver.ingestCustomers(customers, context());
    const responses: SurveyResponseRowInput[] = [
      {
        responseId: 'R1',
        customerId: 'C1',
        type: SurveyType.NPS,
        score: 9,
        respondedAt: '2026-03-01',
        channel: Channel.IN_PERSON,
      },
      { responseId: 'R2', customerId: 'C1', type: SurveyType.NPS, score: 11, respondedAt: '2026-03-01' },
      { responseId: 'R3', customerId: 'C9', type: SurveyType.CSAT, score: 5, respondedAt: '2026-02-30' },
    ];
    const result = await resolver.ingestSurveyResponses(responses, context());
    expect(result).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, problemCount: 3 });
    expect(result.problems).toEqual([
      {
        row: 2,
        field: 'score',
        value: '11',
        expected: EXPECTED.score(SurveyType.NPS),
        message: 'row 2, field score: got "11", expected an integer from 0 to 10 for an nps response',
      },
      {
        row: 3,
        field: 'respondedAt',
        value: '2026-02-30',
        expected: EXPECTED.timestamp,
        message: `row 3, field respondedAt: got "2026-02-30", expected ${EXPECTED.timestamp}`,
      },
      {
        row: 3,
        field: 'customerId',
        value: 'C9',
        expected: EXPECTED.existingCustomer,
        message: 'row 3, field customerId: got "C9", expected the id of an existing customer',
      },
    ]);
    expect(await count('survey_responses')).toBe(0);
  });

  it(`refuses more than ${MAX_INGEST_ROWS} rows in one call as a user input error`, async () => {
    const rows = Array.from({ length: MAX_INGEST_ROWS + 1 }, (_, index) => ({
      ...customers[0]!,
      customerId: `C${index}`,
    }));
    const error = await resolver.ingestCustomers(rows, context()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((error as GraphQLError).message).toBe(
      `rows: got "${MAX_INGEST_ROWS + 1} rows", expected at most ${MAX_INGEST_ROWS} rows per call (split larger loads)`,
    );
    expect(await count('customers')).toBe(0);
  });
});
