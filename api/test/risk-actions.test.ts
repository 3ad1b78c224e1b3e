import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveAgentPreference, PreferenceSource } from '../src/modules/alerts/live-agent-preference.entity.js';
import { Channel } from '../src/modules/contacts/channel.js';
import { Generation } from '../src/modules/customers/generation.js';
import { NextStepAction } from '../src/modules/risk/dto/risk-actions.types.js';
import { riskActions } from '../src/modules/risk/risk-actions.js';
import { SelfServiceOutcome } from '../src/modules/selfservice/entry.js';
import { SurveyType } from '../src/modules/surveys/survey-type.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';
import {
  makeContact,
  makeCustomer,
  makeSelfServiceSession,
  makeSurveyResponse,
} from './support/factories.js';

const at = (iso: string) => new Date(iso);

describe.each(DIALECTS)('why now and the next step on %s', (dialect) => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('lists the newest bad experiences of the 90 days before the score and suggests a step', async () => {
    const em = database.orm.em.fork();
    const scoredAt = at('2026-11-30T00:00:00Z'); // the 90 days start on 2026-09-01
    const a = makeCustomer(em, { externalId: 'WA' });
    const b = makeCustomer(em, { externalId: 'WB' });
    const c = makeCustomer(em, { externalId: 'WC' });
    makeSurveyResponse(em, a, { type: SurveyType.NPS, score: 3, respondedAt: at('2026-11-20T00:00:00Z') });
    makeSurveyResponse(em, a, { type: SurveyType.NPS, score: 9, respondedAt: at('2026-11-29T00:00:00Z') }); // fine
    makeContact(em, a, { startedAt: at('2026-11-10T00:00:00Z'), reason: 'billing', resolved: false });
    makeContact(em, a, {
      startedAt: at('2026-11-25T00:00:00Z'),
      channel: Channel.CHAT,
      waitSeconds: 60,
      resolved: true,
      apology: true,
    });
    makeContact(em, a, { startedAt: at('2026-07-01T00:00:00Z'), resolved: false }); // before the 90 days
    makeContact(em, a, { startedAt: at('2026-12-01T00:00:00Z'), resolved: false }); // after the score
    makeSelfServiceSession(em, a, {
      startedAt: at('2026-11-28T00:00:00Z'),
      outcome: SelfServiceOutcome.ABANDONED,
    });
    makeContact(em, b, { startedAt: at('2026-11-15T00:00:00Z'), resolved: false });
    em.create(LiveAgentPreference, {
      customer: b,
      reason: 'asked for a person on the phone',
      source: PreferenceSource.AGENT_NOTE,
      since: at('2026-11-15T00:00:00Z'),
    });
    await em.flush();

    const scored = [a, b, c].map((customer) => ({
      customerId: customer.id,
      scoredAt,
      generation: Generation.MILLENNIAL,
    }));
    const actions = await riskActions(em, scored);
    expect(actions.get(a.id)).toEqual({
      // Newest first, at most 3: the abandoned session, the complaint, the NPS 3 (the unresolved call is 4th).
      whyNow: [
        { at: at('2026-11-28T00:00:00Z'), kind: 'self_service', label: 'faq self-service session abandoned' },
        { at: at('2026-11-25T00:00:00Z'), kind: 'complaint', label: 'complaint by chat, with an apology' },
        { at: at('2026-11-20T00:00:00Z'), kind: 'low_score', label: 'NPS 3' },
      ],
      // The open problem is the unresolved billing call; with fewer than 30 recovered complaints a side, no
      // segment figure backs an apology, so a plain call back.
      nextStep: {
        action: NextStepAction.CALL_BACK,
        text: 'Call back and fix the problem about billing of 2026-11-10.',
        reason: 'The contact was left unresolved.',
      },
    });
    expect(actions.get(b.id)).toMatchObject({
      whyNow: [{ kind: 'unresolved_contact', label: 'phone contact left unresolved' }],
      nextStep: {
        action: NextStepAction.ROUTE_TO_LIVE_AGENT,
        reason: 'Marked as preferring a live agent: asked for a person on the phone',
      },
    });
    expect(actions.get(c.id)).toMatchObject({ whyNow: [], nextStep: { action: NextStepAction.CHECK_IN } });
  });
});
