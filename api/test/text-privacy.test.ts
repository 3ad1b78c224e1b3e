import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role.js';
import { SurveyType } from '../src/modules/surveys/survey-type.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { makeCustomer, makeSurveyResponse } from './support/factories.js';

/*
 * March 2025. Six customers (S1…S6) each wrote "Slow refund again."; four (A1…A4) wrote "App crashing.";
 * Z1 alone wrote "Zelda quixotic private example", five times, the last at 2025-03-20T12:00:00.000Z.
 * With the default minimum of 5 distinct customers only slow, refund and "slow refund" may be reported.
 */
const at = (day: number, hour = 9) => new Date(Date.UTC(2025, 2, day, hour));
const Z1_LAST = '2025-03-20T12:00:00.000Z';
const MARCH = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };
const AROUND_Z1 = { from: Z1_LAST, to: '2025-03-20T12:00:00.001Z' };

const CAUSES = `query ($filter: MetricFilter) {
  recurringCauses(filter: $filter, top: 10) {
    detractorComments commentsAnalysed
    detractorWords { term comments }
    detractorPhrases { term comments }
  }
}`;

async function seed(api: TestApi): Promise<void> {
  const em = api.database.orm.em.fork();
  const detractor = { type: SurveyType.NPS, score: 3 };
  for (let i = 1; i <= 6; i++) {
    const customer = makeCustomer(em, { externalId: `S${i}` });
    makeSurveyResponse(em, customer, { ...detractor, comment: 'Slow refund again.', respondedAt: at(i) });
  }
  for (let i = 1; i <= 4; i++) {
    const customer = makeCustomer(em, { externalId: `A${i}` });
    makeSurveyResponse(em, customer, { ...detractor, comment: 'App crashing.', respondedAt: at(10 + i) });
  }
  const zelda = makeCustomer(em, { externalId: 'Z1', name: 'Zelda Quixote' });
  for (let day = 16; day <= 20; day++) {
    makeSurveyResponse(em, zelda, {
      ...detractor,
      comment: 'Zelda quixotic private example',
      respondedAt: day === 20 ? new Date(Z1_LAST) : at(day),
    });
  }
  await em.flush();
}

describe.each(DIALECTS)('free text as personal data on %s', (dialect) => {
  let api: TestApi;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    api = await startTestApi(dialect);
    await seed(api);
    for (const role of Object.values(Role)) tokens.set(role, await api.createKey(role));
  });
  afterAll(async () => {
    await api?.close();
  });

  const causes = async (role: Role, filter: object) => {
    const { data, errors } = await api.graphql(CAUSES, { filter }, { token: tokens.get(role)! });
    expect(errors).toBeUndefined();
    return data!.recurringCauses;
  };

  it('reports no word or phrase of fewer than 5 distinct customers, however often one customer wrote it', async () => {
    // 6 + 4 + 5 = 15 detractor comments.
    expect(await causes(Role.ANALYST, MARCH)).toEqual({
      detractorComments: 15,
      commentsAnalysed: 15,
      detractorWords: [
        { term: 'refund', comments: 6 },
        { term: 'slow', comments: 6 },
      ],
      detractorPhrases: [{ term: 'slow refund', comments: 6 }],
    });
  });

  it('gives a window around one response no words of it, to any role', async () => {
    expect(await causes(Role.ANALYST, AROUND_Z1)).toEqual({
      detractorComments: 1,
      commentsAnalysed: 1,
      detractorWords: [],
      detractorPhrases: [],
    });
  });

  it('masks the words for roles without personal data, as it masks comment', async () => {
    for (const role of [Role.EXECUTIVE, Role.BI]) {
      for (const filter of [MARCH, AROUND_Z1]) {
        expect(await causes(role, filter)).toEqual(
          expect.objectContaining({ detractorWords: null, detractorPhrases: null }),
        );
      }
    }
  });

  it("keeps an agent's note out of routingAdvice.reason; the note itself is personal data", async () => {
    const note = 'Zelda Quixote asked for a callback on 555-0101, not the bot';
    const marked = await api.graphql(
      'mutation ($reason: String!) { markLiveAgentPreference(customerId: "Z1", reason: $reason) { skipSelfService } }',
      { reason: note },
      { token: tokens.get(Role.INGEST)! },
    );
    expect(marked.errors).toBeUndefined();
    const advice = 'query { routingAdvice(customerId: "Z1") { skipSelfService reason note source } }';
    for (const role of Object.values(Role)) {
      const { data, errors } = await api.graphql(advice, {}, { token: tokens.get(role)! });
      expect(errors).toBeUndefined();
      const reads = role === Role.ANALYST || role === Role.ADMIN;
      expect(data!.routingAdvice).toEqual({
        skipSelfService: true,
        reason: 'An agent noted that the customer prefers a live agent.',
        note: reads ? note : null,
        source: 'AGENT_NOTE',
      });
    }
  });
});

describe('the minimum group size of text analytics', () => {
  it('is CX_TEXT_MIN_CUSTOMERS: at 4, the words of the four A customers are reported too', async () => {
    const api = await startTestApi('sqlite', { config: { textMinCustomers: 4 } });
    try {
      await seed(api);
      const { data } = await api.graphql(CAUSES, { filter: MARCH });
      expect(data!.recurringCauses.detractorWords).toEqual([
        { term: 'refund', comments: 6 },
        { term: 'slow', comments: 6 },
        { term: 'app', comments: 4 },
        { term: 'crashing', comments: 4 },
      ]);
    } finally {
      await api.close();
    }
  });
});

describe.each(DIALECTS)('long comments on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const em = api.database.orm.em.fork();
    // 800 detractor comments of 3,300 words (about 25 KB each, 20 MB in all), as an INGEST key could plant them.
    // Words differ from comment to comment, as planted text would, so that every phrase is new.
    const comment = (c: number) =>
      Array.from({ length: 3_300 }, (_, i) => `w${((c * 3_301 + i) * 7_919) % 1_000_003}`).join(' ');
    for (let c = 0; c < 800; c++) {
      const customer = makeCustomer(em);
      makeSurveyResponse(em, customer, {
        type: SurveyType.NPS,
        score: 1,
        comment: comment(c),
        respondedAt: at(1 + (c % 28)),
      });
    }
    await em.flush();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers recurringCauses promptly and keeps answering cheap requests meanwhile', async () => {
    await api.graphql('{ viewer { role } }');
    const started = performance.now();
    const slow = api
      .graphql(CAUSES, { filter: MARCH })
      .then((answer) => ({ answer, ms: performance.now() - started }));
    let done = false;
    void slow.then(() => (done = true));
    const waits: number[] = [];
    while (!done) {
      const sent = performance.now();
      await api.graphql('{ viewer { role } }');
      waits.push(performance.now() - sent);
    }
    const { answer, ms } = await slow;
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recurringCauses.detractorComments).toBe(800);
    // Measured while the machine was shared (load average 15 on 2 cores): 0.4-0.8 s, cheap requests answered
    // within 0.4 s meanwhile; before the bounds, 10.8 s on SQLite with the one cheap request waiting 10.8 s.
    expect(ms).toBeLessThan(4_000);
    expect(Math.max(...waits)).toBeLessThan(1_000);
  });
});
