import { metricFilter, parseFilters } from '$lib/filters';
import {
  DrillAtRiskDocument,
  DrillContactsDocument,
  DrillCustomersDocument,
  DrillResponsesDocument,
  DrillSessionsDocument,
  type RecoveryGroup,
  type SelfServiceEntry,
  type SelfServiceOutcome,
  type SurveyType,
} from '$lib/graphql/generated/graphql';
import { ENTRY_LABELS } from '$lib/labels';
import { SESSION_STAGES, type RowKind } from '$lib/drill';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** Rows per page: a screenful, and well under the API's page limits. */
const PAGE_SIZE = 50;

const KINDS: RowKind[] = ['responses', 'contacts', 'sessions', 'churned', 'atRisk'];
const RECOVERY_GROUPS: RecoveryGroup[] = [
  'APOLOGY',
  'PERKS_ONLY',
  'NEITHER',
  'WITHIN_POLICY',
  'OUT_OF_POLICY_PEER_APPROVED',
  'OUT_OF_POLICY_NOT_APPROVED',
];
const TYPES: SurveyType[] = ['NPS', 'CSAT', 'CES'];
const OUTCOMES: SelfServiceOutcome[] = ['RESOLVED', 'ABANDONED', 'ESCALATED'];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * The drill-through: the rows behind a chart's bar or point, with the page's filters (window, channel,
 * generation, region, tier) and the bar's own slice (?type, ?maxScore, ?phrase, ?reason, ?entry, ?outcome,
 * ?stage, ?recovery). Customers: those who left in the window (churn bars) or, for revenue at risk, every scored
 * customer of the segment, highest risk first (scores are a snapshot of now: the window does not apply).
 */
export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const filters = parseFilters(params);
  const window = metricFilter(filters);
  const kind = oneOf(KINDS, params.get('kind')) ?? 'responses';
  const maxScore = Number.parseInt(params.get('maxScore') ?? '', 10);
  const slice = {
    type: oneOf(TYPES, params.get('type')),
    maxScore: Number.isInteger(maxScore) ? maxScore : null,
    phrase: params.get('phrase') || null,
    reason: params.get('reason') || null,
    entry: oneOf(Object.keys(ENTRY_LABELS) as SelfServiceEntry[], params.get('entry')),
    outcome: oneOf(OUTCOMES, params.get('outcome')),
    stage: oneOf(SESSION_STAGES, params.get('stage')),
    recovery: oneOf(RECOVERY_GROUPS, params.get('recovery')),
  };
  const base = {
    from: window.from,
    to: window.to,
    generations: window.generations,
    regions: window.regions,
    tiers: window.tiers,
  };
  const page = { first: PAGE_SIZE, after: params.get('after') };
  const rows = await section(
    (async () => {
      switch (kind) {
        case 'contacts': {
          const { contacts } = await runOperation(event, DrillContactsDocument, {
            ...page,
            filter: {
              ...base,
              channels: window.channels,
              reasons: slice.reason ? [slice.reason] : null,
              recovery: slice.recovery,
            },
          });
          return { kind, connection: contacts } as const;
        }
        case 'churned': {
          const { customers } = await runOperation(event, DrillCustomersDocument, {
            ...page,
            filter: {
              generations: window.generations,
              regions: window.regions,
              tiers: window.tiers,
              churnedFrom: window.from,
              churnedTo: window.to,
            },
          });
          return { kind, connection: customers } as const;
        }
        case 'atRisk': {
          const { churnRisk } = await runOperation(event, DrillAtRiskDocument, {
            ...page,
            filter: { generations: window.generations, regions: window.regions, tiers: window.tiers },
          });
          return { kind, connection: churnRisk } as const;
        }
        case 'sessions': {
          const { selfServiceSessions } = await runOperation(event, DrillSessionsDocument, {
            ...page,
            filter: {
              ...base,
              entries: slice.entry ? [slice.entry] : null,
              outcomes: slice.outcome ? [slice.outcome] : null,
              minSteps: slice.stage === 'engaged' ? 2 : null,
              trulyDeflected: slice.stage === 'trulyDeflected' ? true : null,
              escalationResolved: slice.stage === 'escalationResolved' ? true : null,
              backfired: slice.stage === 'backfired' ? true : null,
            },
          });
          return { kind, connection: selfServiceSessions } as const;
        }
        default: {
          const { surveyResponses } = await runOperation(event, DrillResponsesDocument, {
            ...page,
            filter: {
              ...base,
              channels: window.channels,
              types: slice.type ? [slice.type] : null,
              maxScore: slice.maxScore,
              commentContains: slice.phrase,
            },
          });
          return { kind, connection: surveyResponses } as const;
        }
      }
    })(),
  );
  const next = new URLSearchParams(params);
  next.set('after', rows.data?.connection.pageInfo.endCursor ?? '');
  // Sessions and customers have no channel: the channel filter does not narrow them.
  const ignoredChannel = kind !== 'responses' && kind !== 'contacts' && filters.channel !== null;
  return { filters, kind, slice, rows, nextPage: `?${next}`, ignoredChannel };
};
