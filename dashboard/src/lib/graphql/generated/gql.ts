/* eslint-disable */
import * as types from './graphql';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  'query ChannelMeasures($filter: MetricFilter) {\n  metrics(dimensions: [CHANNEL], filter: $filter) {\n    channel\n    nps\n    npsResponses\n    promotersPct\n    detractorsPct\n    csatAvg\n    csatTop2Pct\n    cesAvg\n    contacts\n    fcrRate\n    repeatContactRate\n    escalationRate\n    avgWaitSeconds\n    avgHandleSeconds\n  }\n}': typeof types.ChannelMeasuresDocument;
  'query ChannelSatisfaction($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  channelSatisfaction(filter: $filter, grain: $grain) {\n    channel\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n    cesAvg\n    contacts\n    fcrRate\n    avgWaitSeconds\n    trend {\n      period\n      nps\n      csatAvg\n      cesAvg\n      contacts\n    }\n  }\n}': typeof types.ChannelSatisfactionDocument;
  'query ChurnedCustomers($filter: CustomerFilter, $first: Int! = 25) {\n  customers(filter: $filter, first: $first) {\n    totalCount\n    nodes {\n      id\n      name\n      generation\n      region\n      tier\n      lifetimeValue\n      signupDate\n      churnedAt\n    }\n  }\n}': typeof types.ChurnedCustomersDocument;
  'query CustomerHistory($id: ID!, $last: Int) {\n  customer(id: $id) {\n    id\n    name\n    email\n    generation\n    region\n    tier\n    lifetimeValue\n    signupDate\n    churnedAt\n    timeline(last: $last) {\n      __typename\n      ... on SurveyResponse {\n        id\n        type\n        score\n        comment\n        aboutChannel: channel\n        respondedAt\n      }\n      ... on Contact {\n        id\n        channel\n        reason\n        startedAt\n        waitSeconds\n        handleSeconds\n        resolved\n        escalated\n      }\n      ... on SelfServiceSession {\n        id\n        entry\n        startedAt\n        steps\n        outcome\n      }\n    }\n  }\n}': typeof types.CustomerHistoryDocument;
  'query DeflectionFunnel($filter: MetricFilter) {\n  deflectionFunnel(filter: $filter) {\n    entry\n    sessions\n    engagedSessions\n    resolvedSessions\n    trulyDeflectedSessions\n    abandonedSessions\n    escalatedSessions\n    escalationResolvedSessions\n    backfiredSessions\n    deflectionRate\n    trueDeflectionRate\n    selfServiceEscalationRate\n    backfireRate\n    npsAfterEscalation\n    npsResponsesAfterEscalation\n    csatAfterEscalation\n    csatResponsesAfterEscalation\n  }\n}': typeof types.DeflectionFunnelDocument;
  'query FilterOptions {\n  metrics(dimensions: [REGION]) {\n    region\n    contacts\n  }\n}': typeof types.FilterOptionsDocument;
  'query MetricsByChannelGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  metrics(dimensions: [CHANNEL, GENERATION], grain: $grain, filter: $filter) {\n    period\n    channel\n    generation\n    nps\n    npsResponses\n    csatAvg\n    cesAvg\n    contacts\n    avgHandleSeconds\n    fcrRate\n    escalationRate\n  }\n}': typeof types.MetricsByChannelGenerationDocument;
  'query NpsCsatTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {\n  metrics(grain: $grain, filter: $filter) {\n    period\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n  }\n}': typeof types.NpsCsatTrendDocument;
  'query Overview($filter: MetricFilter, $compare: Comparison = PREVIOUS_PERIOD) {\n  overview(filter: $filter, compare: $compare) {\n    window {\n      from\n      to\n    }\n    comparisonWindow {\n      from\n      to\n    }\n    nps {\n      ...KpiComparisonFields\n    }\n    csatAvg {\n      ...KpiComparisonFields\n    }\n    csatTop2Pct {\n      ...KpiComparisonFields\n    }\n    cesAvg {\n      ...KpiComparisonFields\n    }\n    fcrRate {\n      ...KpiComparisonFields\n    }\n    contacts {\n      ...KpiComparisonFields\n    }\n    avgWaitSeconds {\n      ...KpiComparisonFields\n    }\n    deflectionRate {\n      ...KpiComparisonFields\n    }\n    trueDeflectionRate {\n      ...KpiComparisonFields\n    }\n    backfireRate {\n      ...KpiComparisonFields\n    }\n    churnRate {\n      ...KpiComparisonFields\n    }\n    revenueAtRisk {\n      ...KpiComparisonFields\n    }\n  }\n}\n\nfragment KpiComparisonFields on KpiComparison {\n  current\n  previous\n  delta\n  deltaPct\n  marginOfError\n  sampleSize\n  previousSampleSize\n  significant\n  pValue\n}': typeof types.OverviewDocument;
  'query RiskBySegment($filter: MetricFilter!) {\n  total: metrics(filter: $filter) {\n    churnRate\n    revenueAtRisk\n  }\n  byGeneration: metrics(dimensions: [GENERATION], filter: $filter) {\n    generation\n    churnRate\n    revenueAtRisk\n  }\n  byTier: metrics(dimensions: [TIER], filter: $filter) {\n    tier\n    churnRate\n    revenueAtRisk\n  }\n}': typeof types.RiskBySegmentDocument;
  'query SegmentPreferences($filter: MetricFilter, $generations: [Generation!] = [BOOMER, MILLENNIAL]) {\n  segmentPreferences(filter: $filter, generations: $generations) {\n    generation\n    interactingCustomers\n    selfServiceAdoptionPct\n    liveAgentPreferencePct\n    selfServiceSharePct\n    nps\n    csatAvg\n    contacts\n    selfServiceSessions\n    deflectionRate\n    backfireRate\n    churnRate\n    channels {\n      channel\n      contactSharePct\n      contacts\n      nps\n      csatAvg\n      cesAvg\n    }\n  }\n}': typeof types.SegmentPreferencesDocument;
};
const documents: Documents = {
  'query ChannelMeasures($filter: MetricFilter) {\n  metrics(dimensions: [CHANNEL], filter: $filter) {\n    channel\n    nps\n    npsResponses\n    promotersPct\n    detractorsPct\n    csatAvg\n    csatTop2Pct\n    cesAvg\n    contacts\n    fcrRate\n    repeatContactRate\n    escalationRate\n    avgWaitSeconds\n    avgHandleSeconds\n  }\n}':
    types.ChannelMeasuresDocument,
  'query ChannelSatisfaction($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  channelSatisfaction(filter: $filter, grain: $grain) {\n    channel\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n    cesAvg\n    contacts\n    fcrRate\n    avgWaitSeconds\n    trend {\n      period\n      nps\n      csatAvg\n      cesAvg\n      contacts\n    }\n  }\n}':
    types.ChannelSatisfactionDocument,
  'query ChurnedCustomers($filter: CustomerFilter, $first: Int! = 25) {\n  customers(filter: $filter, first: $first) {\n    totalCount\n    nodes {\n      id\n      name\n      generation\n      region\n      tier\n      lifetimeValue\n      signupDate\n      churnedAt\n    }\n  }\n}':
    types.ChurnedCustomersDocument,
  'query CustomerHistory($id: ID!, $last: Int) {\n  customer(id: $id) {\n    id\n    name\n    email\n    generation\n    region\n    tier\n    lifetimeValue\n    signupDate\n    churnedAt\n    timeline(last: $last) {\n      __typename\n      ... on SurveyResponse {\n        id\n        type\n        score\n        comment\n        aboutChannel: channel\n        respondedAt\n      }\n      ... on Contact {\n        id\n        channel\n        reason\n        startedAt\n        waitSeconds\n        handleSeconds\n        resolved\n        escalated\n      }\n      ... on SelfServiceSession {\n        id\n        entry\n        startedAt\n        steps\n        outcome\n      }\n    }\n  }\n}':
    types.CustomerHistoryDocument,
  'query DeflectionFunnel($filter: MetricFilter) {\n  deflectionFunnel(filter: $filter) {\n    entry\n    sessions\n    engagedSessions\n    resolvedSessions\n    trulyDeflectedSessions\n    abandonedSessions\n    escalatedSessions\n    escalationResolvedSessions\n    backfiredSessions\n    deflectionRate\n    trueDeflectionRate\n    selfServiceEscalationRate\n    backfireRate\n    npsAfterEscalation\n    npsResponsesAfterEscalation\n    csatAfterEscalation\n    csatResponsesAfterEscalation\n  }\n}':
    types.DeflectionFunnelDocument,
  'query FilterOptions {\n  metrics(dimensions: [REGION]) {\n    region\n    contacts\n  }\n}':
    types.FilterOptionsDocument,
  'query MetricsByChannelGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  metrics(dimensions: [CHANNEL, GENERATION], grain: $grain, filter: $filter) {\n    period\n    channel\n    generation\n    nps\n    npsResponses\n    csatAvg\n    cesAvg\n    contacts\n    avgHandleSeconds\n    fcrRate\n    escalationRate\n  }\n}':
    types.MetricsByChannelGenerationDocument,
  'query NpsCsatTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {\n  metrics(grain: $grain, filter: $filter) {\n    period\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n  }\n}':
    types.NpsCsatTrendDocument,
  'query Overview($filter: MetricFilter, $compare: Comparison = PREVIOUS_PERIOD) {\n  overview(filter: $filter, compare: $compare) {\n    window {\n      from\n      to\n    }\n    comparisonWindow {\n      from\n      to\n    }\n    nps {\n      ...KpiComparisonFields\n    }\n    csatAvg {\n      ...KpiComparisonFields\n    }\n    csatTop2Pct {\n      ...KpiComparisonFields\n    }\n    cesAvg {\n      ...KpiComparisonFields\n    }\n    fcrRate {\n      ...KpiComparisonFields\n    }\n    contacts {\n      ...KpiComparisonFields\n    }\n    avgWaitSeconds {\n      ...KpiComparisonFields\n    }\n    deflectionRate {\n      ...KpiComparisonFields\n    }\n    trueDeflectionRate {\n      ...KpiComparisonFields\n    }\n    backfireRate {\n      ...KpiComparisonFields\n    }\n    churnRate {\n      ...KpiComparisonFields\n    }\n    revenueAtRisk {\n      ...KpiComparisonFields\n    }\n  }\n}\n\nfragment KpiComparisonFields on KpiComparison {\n  current\n  previous\n  delta\n  deltaPct\n  marginOfError\n  sampleSize\n  previousSampleSize\n  significant\n  pValue\n}':
    types.OverviewDocument,
  'query RiskBySegment($filter: MetricFilter!) {\n  total: metrics(filter: $filter) {\n    churnRate\n    revenueAtRisk\n  }\n  byGeneration: metrics(dimensions: [GENERATION], filter: $filter) {\n    generation\n    churnRate\n    revenueAtRisk\n  }\n  byTier: metrics(dimensions: [TIER], filter: $filter) {\n    tier\n    churnRate\n    revenueAtRisk\n  }\n}':
    types.RiskBySegmentDocument,
  'query SegmentPreferences($filter: MetricFilter, $generations: [Generation!] = [BOOMER, MILLENNIAL]) {\n  segmentPreferences(filter: $filter, generations: $generations) {\n    generation\n    interactingCustomers\n    selfServiceAdoptionPct\n    liveAgentPreferencePct\n    selfServiceSharePct\n    nps\n    csatAvg\n    contacts\n    selfServiceSessions\n    deflectionRate\n    backfireRate\n    churnRate\n    channels {\n      channel\n      contactSharePct\n      contacts\n      nps\n      csatAvg\n      cesAvg\n    }\n  }\n}':
    types.SegmentPreferencesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ChannelMeasures($filter: MetricFilter) {\n  metrics(dimensions: [CHANNEL], filter: $filter) {\n    channel\n    nps\n    npsResponses\n    promotersPct\n    detractorsPct\n    csatAvg\n    csatTop2Pct\n    cesAvg\n    contacts\n    fcrRate\n    repeatContactRate\n    escalationRate\n    avgWaitSeconds\n    avgHandleSeconds\n  }\n}',
): typeof import('./graphql').ChannelMeasuresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ChannelSatisfaction($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  channelSatisfaction(filter: $filter, grain: $grain) {\n    channel\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n    cesAvg\n    contacts\n    fcrRate\n    avgWaitSeconds\n    trend {\n      period\n      nps\n      csatAvg\n      cesAvg\n      contacts\n    }\n  }\n}',
): typeof import('./graphql').ChannelSatisfactionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ChurnedCustomers($filter: CustomerFilter, $first: Int! = 25) {\n  customers(filter: $filter, first: $first) {\n    totalCount\n    nodes {\n      id\n      name\n      generation\n      region\n      tier\n      lifetimeValue\n      signupDate\n      churnedAt\n    }\n  }\n}',
): typeof import('./graphql').ChurnedCustomersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query CustomerHistory($id: ID!, $last: Int) {\n  customer(id: $id) {\n    id\n    name\n    email\n    generation\n    region\n    tier\n    lifetimeValue\n    signupDate\n    churnedAt\n    timeline(last: $last) {\n      __typename\n      ... on SurveyResponse {\n        id\n        type\n        score\n        comment\n        aboutChannel: channel\n        respondedAt\n      }\n      ... on Contact {\n        id\n        channel\n        reason\n        startedAt\n        waitSeconds\n        handleSeconds\n        resolved\n        escalated\n      }\n      ... on SelfServiceSession {\n        id\n        entry\n        startedAt\n        steps\n        outcome\n      }\n    }\n  }\n}',
): typeof import('./graphql').CustomerHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query DeflectionFunnel($filter: MetricFilter) {\n  deflectionFunnel(filter: $filter) {\n    entry\n    sessions\n    engagedSessions\n    resolvedSessions\n    trulyDeflectedSessions\n    abandonedSessions\n    escalatedSessions\n    escalationResolvedSessions\n    backfiredSessions\n    deflectionRate\n    trueDeflectionRate\n    selfServiceEscalationRate\n    backfireRate\n    npsAfterEscalation\n    npsResponsesAfterEscalation\n    csatAfterEscalation\n    csatResponsesAfterEscalation\n  }\n}',
): typeof import('./graphql').DeflectionFunnelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query FilterOptions {\n  metrics(dimensions: [REGION]) {\n    region\n    contacts\n  }\n}',
): typeof import('./graphql').FilterOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query MetricsByChannelGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  metrics(dimensions: [CHANNEL, GENERATION], grain: $grain, filter: $filter) {\n    period\n    channel\n    generation\n    nps\n    npsResponses\n    csatAvg\n    cesAvg\n    contacts\n    avgHandleSeconds\n    fcrRate\n    escalationRate\n  }\n}',
): typeof import('./graphql').MetricsByChannelGenerationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query NpsCsatTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {\n  metrics(grain: $grain, filter: $filter) {\n    period\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n  }\n}',
): typeof import('./graphql').NpsCsatTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Overview($filter: MetricFilter, $compare: Comparison = PREVIOUS_PERIOD) {\n  overview(filter: $filter, compare: $compare) {\n    window {\n      from\n      to\n    }\n    comparisonWindow {\n      from\n      to\n    }\n    nps {\n      ...KpiComparisonFields\n    }\n    csatAvg {\n      ...KpiComparisonFields\n    }\n    csatTop2Pct {\n      ...KpiComparisonFields\n    }\n    cesAvg {\n      ...KpiComparisonFields\n    }\n    fcrRate {\n      ...KpiComparisonFields\n    }\n    contacts {\n      ...KpiComparisonFields\n    }\n    avgWaitSeconds {\n      ...KpiComparisonFields\n    }\n    deflectionRate {\n      ...KpiComparisonFields\n    }\n    trueDeflectionRate {\n      ...KpiComparisonFields\n    }\n    backfireRate {\n      ...KpiComparisonFields\n    }\n    churnRate {\n      ...KpiComparisonFields\n    }\n    revenueAtRisk {\n      ...KpiComparisonFields\n    }\n  }\n}\n\nfragment KpiComparisonFields on KpiComparison {\n  current\n  previous\n  delta\n  deltaPct\n  marginOfError\n  sampleSize\n  previousSampleSize\n  significant\n  pValue\n}',
): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query RiskBySegment($filter: MetricFilter!) {\n  total: metrics(filter: $filter) {\n    churnRate\n    revenueAtRisk\n  }\n  byGeneration: metrics(dimensions: [GENERATION], filter: $filter) {\n    generation\n    churnRate\n    revenueAtRisk\n  }\n  byTier: metrics(dimensions: [TIER], filter: $filter) {\n    tier\n    churnRate\n    revenueAtRisk\n  }\n}',
): typeof import('./graphql').RiskBySegmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SegmentPreferences($filter: MetricFilter, $generations: [Generation!] = [BOOMER, MILLENNIAL]) {\n  segmentPreferences(filter: $filter, generations: $generations) {\n    generation\n    interactingCustomers\n    selfServiceAdoptionPct\n    liveAgentPreferencePct\n    selfServiceSharePct\n    nps\n    csatAvg\n    contacts\n    selfServiceSessions\n    deflectionRate\n    backfireRate\n    churnRate\n    channels {\n      channel\n      contactSharePct\n      contacts\n      nps\n      csatAvg\n      cesAvg\n    }\n  }\n}',
): typeof import('./graphql').SegmentPreferencesDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
