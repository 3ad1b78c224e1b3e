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
  'mutation AcknowledgeAlert($id: ID!, $note: String) {\n  acknowledgeAlert(id: $id, note: $note) {\n    id\n    status\n    acknowledgedAt\n    overdue\n  }\n}': typeof types.AcknowledgeAlertDocument;
  'mutation AddAlertNote($id: ID!, $text: String!) {\n  addAlertNote(id: $id, text: $text) {\n    id\n  }\n}': typeof types.AddAlertNoteDocument;
  'query AlertCounts {\n  alertCounts {\n    unresolved\n    open\n    overdue\n  }\n}': typeof types.AlertCountsDocument;
  'query AlertPerformance($window: AlertWindow) {\n  alertMeasures(filter: $window, dimensions: [RULE, TIER]) {\n    rule\n    tier\n    alerts\n    acknowledged\n    resolved\n    resolvedWithinSla\n    meanHoursToAcknowledge\n    medianHoursToAcknowledge\n    meanHoursToResolve\n    medianHoursToResolve\n    resolvedWithinSlaRate\n  }\n}': typeof types.AlertPerformanceDocument;
  'mutation AssignAlert($id: ID!, $owner: String!) {\n  assignAlert(id: $id, owner: $owner) {\n    id\n    owner\n  }\n}': typeof types.AssignAlertDocument;
  'query ChannelMeasures($filter: MetricFilter) {\n  metrics(dimensions: [CHANNEL], filter: $filter) {\n    channel\n    nps\n    npsResponses\n    promotersPct\n    detractorsPct\n    csatAvg\n    csatTop2Pct\n    csatResponses\n    cesAvg\n    cesResponses\n    contacts\n    fcrRate\n    repeatContactRate\n    escalationRate\n    avgWaitSeconds\n    avgHandleSeconds\n  }\n}': typeof types.ChannelMeasuresDocument;
  'query ChannelSatisfaction($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  channelSatisfaction(filter: $filter, grain: $grain) {\n    channel\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n    cesAvg\n    contacts\n    fcrRate\n    avgWaitSeconds\n    trend {\n      period\n      nps\n      npsResponses\n      csatAvg\n      csatResponses\n      cesAvg\n      contacts\n    }\n  }\n}': typeof types.ChannelSatisfactionDocument;
  'query ChurnRisk($filter: RiskFilter, $segment: MetricFilter, $minScore: Int = 70, $first: Int = 50, $after: String) {\n  churnRisk(\n    filter: $filter\n    minScore: $minScore\n    first: $first\n    after: $after\n    orderBy: SCORE_DESC\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      score\n      previousScore\n      scoredAt\n      lifetimeValue\n      drivers {\n        feature\n        label\n        points\n      }\n      customer {\n        id\n        tier\n        generation\n      }\n      lastContact {\n        id\n        startedAt\n        channel\n        reason\n      }\n      whyNow {\n        at\n        label\n      }\n      nextStep {\n        action\n        text\n        reason\n      }\n    }\n  }\n  riskModel {\n    version\n    trainedAt\n    snapshots\n    auc\n    aucLower\n    aucUpper\n    npsBaselineAuc\n    contactsBaselineAuc\n    topDecileShare\n    brierScore\n    trainingCustomers\n    heldOutCustomers\n    heldOutChurners\n    calibration {\n      customers\n      meanPredicted\n      observedRate\n    }\n  }\n  atRisk: metrics(filter: $segment) {\n    revenueAtRisk\n  }\n}': typeof types.ChurnRiskDocument;
  'mutation ClearLiveAgentPreference($customerId: ID!) {\n  clearLiveAgentPreference(customerId: $customerId) {\n    skipSelfService\n  }\n}': typeof types.ClearLiveAgentPreferenceDocument;
  'query ContactsPage($first: Int! = 1000, $after: String, $updatedSince: DateTime) {\n  contacts(first: $first, after: $after, updatedSince: $updatedSince) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      channel\n      reason\n      queue\n      agentId\n      startedAt\n      waitSeconds\n      handleSeconds\n      transfers\n      resolved\n      firstContactResolution\n      escalated\n      updatedAt\n    }\n  }\n}': typeof types.ContactsPageDocument;
  'query CustomerCare($id: ID!) {\n  customer(id: $id) {\n    id\n    risk {\n      score\n      previousScore\n      scoredAt\n      modelVersion\n      drivers {\n        feature\n        label\n        points\n      }\n    }\n    alerts {\n      id\n      rule\n      status\n      triggeredAt\n      openedAt\n      dueAt\n      overdue\n      resolvedAt\n      history {\n        at\n        action\n        status\n        actorName\n        text\n      }\n    }\n  }\n  routingAdvice(customerId: $id) {\n    skipSelfService\n    reason\n    note\n    since\n    source\n  }\n}': typeof types.CustomerCareDocument;
  'query CustomerHistory($id: ID!, $last: Int) {\n  customer(id: $id) {\n    id\n    name\n    email\n    generation\n    region\n    tier\n    lifetimeValue\n    signupDate\n    churnedAt\n    timeline(last: $last) {\n      __typename\n      ... on SurveyResponse {\n        id\n        type\n        score\n        comment\n        aboutChannel: channel\n        respondedAt\n      }\n      ... on Contact {\n        id\n        channel\n        reason\n        startedAt\n        waitSeconds\n        handleSeconds\n        resolved\n        escalated\n      }\n      ... on SelfServiceSession {\n        id\n        entry\n        startedAt\n        steps\n        outcome\n      }\n    }\n  }\n}': typeof types.CustomerHistoryDocument;
  'query DashboardContext {\n  viewer {\n    name\n    role\n    mutations\n  }\n  measureCatalogue {\n    minimumSample\n    currency\n    measures {\n      name\n      label\n      unit\n      decimals\n      goodDirection\n      sampleNoun\n      sampleField\n      minimumSample\n      tooFewLabel\n    }\n  }\n}': typeof types.DashboardContextDocument;
  'query DeflectionFunnel($filter: MetricFilter) {\n  deflectionFunnel(filter: $filter) {\n    entry\n    sessions\n    engagedSessions\n    resolvedSessions\n    trulyDeflectedSessions\n    abandonedSessions\n    escalatedSessions\n    escalationResolvedSessions\n    backfiredSessions\n    deflectionRate\n    trueDeflectionRate\n    selfServiceEscalationRate\n    backfireRate\n    npsAfterEscalation\n    npsResponsesAfterEscalation\n    csatAfterEscalation\n    csatResponsesAfterEscalation\n  }\n}': typeof types.DeflectionFunnelDocument;
  'query DrillAtRisk($filter: RiskFilter, $first: Int = 50, $after: String) {\n  churnRisk(\n    filter: $filter\n    minScore: 0\n    first: $first\n    after: $after\n    orderBy: SCORE_DESC\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      score\n      lifetimeValue\n      customer {\n        id\n        generation\n        tier\n        region\n      }\n    }\n  }\n}': typeof types.DrillAtRiskDocument;
  'query DrillContacts($filter: ContactFilter, $first: Int = 50, $after: String) {\n  contacts(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      channel\n      reason\n      startedAt\n      waitSeconds\n      handleSeconds\n      resolved\n      firstContactResolution\n      escalated\n    }\n  }\n}': typeof types.DrillContactsDocument;
  'query DrillCustomers($filter: CustomerFilter, $first: Int = 50, $after: String) {\n  customers(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      generation\n      tier\n      region\n      signupDate\n      churnedAt\n      lifetimeValue\n    }\n  }\n}': typeof types.DrillCustomersDocument;
  'query DrillResponses($filter: SurveyResponseFilter, $first: Int = 50, $after: String) {\n  surveyResponses(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      type\n      score\n      channel\n      respondedAt\n      comment\n    }\n  }\n}': typeof types.DrillResponsesDocument;
  'query DrillSessions($filter: SelfServiceSessionFilter, $first: Int = 50, $after: String) {\n  selfServiceSessions(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      entry\n      outcome\n      startedAt\n      steps\n    }\n  }\n}': typeof types.DrillSessionsDocument;
  'query FilterOptions {\n  metrics(dimensions: [REGION]) {\n    region\n    contacts\n  }\n}': typeof types.FilterOptionsDocument;
  'query IngestBacklog {\n  ingestBacklog {\n    pendingBatches\n    pendingRows\n    lagSeconds\n    lastAppliedAt\n  }\n}': typeof types.IngestBacklogDocument;
  'mutation IngestContacts($rows: [ContactRowInput!]!, $apply: IngestApply = NOW) {\n  ingestContacts(rows: $rows, apply: $apply) {\n    inserted\n    updated\n    unchanged\n    queued\n    batchId\n    problemCount\n    problems {\n      row\n      field\n      value\n      expected\n      message\n    }\n  }\n}': typeof types.IngestContactsDocument;
  'query LiveAgentPreferences($first: Int = 25, $after: String) {\n  liveAgentPreferences(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      customerId\n      reason\n      source\n      since\n      customer {\n        name\n        tier\n      }\n    }\n  }\n}': typeof types.LiveAgentPreferencesDocument;
  'mutation MarkLiveAgentPreference($customerId: ID!, $reason: String!) {\n  markLiveAgentPreference(customerId: $customerId, reason: $reason) {\n    skipSelfService\n  }\n}': typeof types.MarkLiveAgentPreferenceDocument;
  'query MetricsByChannelGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  metrics(dimensions: [CHANNEL, GENERATION], grain: $grain, filter: $filter) {\n    period\n    channel\n    generation\n    nps\n    npsResponses\n    csatAvg\n    cesAvg\n    contacts\n    avgHandleSeconds\n    fcrRate\n    escalationRate\n  }\n}': typeof types.MetricsByChannelGenerationDocument;
  'query NpsCsatTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {\n  metrics(grain: $grain, filter: $filter) {\n    period\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n  }\n}': typeof types.NpsCsatTrendDocument;
  'query NpsTrendByGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  metrics(dimensions: [GENERATION], grain: $grain, filter: $filter) {\n    period\n    generation\n    nps\n    npsMarginOfError\n    npsResponses\n  }\n}': typeof types.NpsTrendByGenerationDocument;
  'query OpenAlerts($first: Int = 50, $after: String, $rules: [AlertRule!], $overdue: Boolean, $tiers: [Tier!], $generations: [Generation!], $triggeredFrom: DateTime, $triggeredTo: DateTime, $customerId: ID) {\n  alertCounts {\n    unresolved\n    open\n    overdue\n  }\n  alerts(\n    first: $first\n    after: $after\n    filter: {statuses: [OPEN, ACKNOWLEDGED, CUSTOMER_CONTACTED], rules: $rules, overdue: $overdue, tiers: $tiers, generations: $generations, triggeredFrom: $triggeredFrom, triggeredTo: $triggeredTo, customerId: $customerId}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      rule\n      status\n      tier\n      value\n      triggerKey\n      triggeredAt\n      openedAt\n      dueAt\n      overdue\n      owner\n      customer {\n        id\n        name\n        lifetimeValue\n      }\n      history {\n        at\n        action\n        status\n        actorName\n        text\n      }\n    }\n  }\n}': typeof types.OpenAlertsDocument;
  'query Overview($filter: MetricFilter, $compare: Comparison = PREVIOUS_PERIOD) {\n  overview(filter: $filter, compare: $compare) {\n    window {\n      from\n      to\n    }\n    comparisonWindow {\n      from\n      to\n    }\n    nps {\n      ...KpiComparisonFields\n    }\n    csatAvg {\n      ...KpiComparisonFields\n    }\n    csatTop2Pct {\n      ...KpiComparisonFields\n    }\n    cesAvg {\n      ...KpiComparisonFields\n    }\n    fcrRate {\n      ...KpiComparisonFields\n    }\n    contacts {\n      ...KpiComparisonFields\n    }\n    avgWaitSeconds {\n      ...KpiComparisonFields\n    }\n    deflectionRate {\n      ...KpiComparisonFields\n    }\n    trueDeflectionRate {\n      ...KpiComparisonFields\n    }\n    backfireRate {\n      ...KpiComparisonFields\n    }\n    womReach {\n      ...KpiComparisonFields\n    }\n    churnRate {\n      ...KpiComparisonFields\n    }\n    revenueAtRisk {\n      ...KpiComparisonFields\n    }\n  }\n}\n\nfragment KpiComparisonFields on KpiComparison {\n  current\n  previous\n  delta\n  deltaPct\n  marginOfError\n  sampleSize\n  previousSampleSize\n  significant\n  pValue\n}': typeof types.OverviewDocument;
  'mutation RecordCustomerContact($id: ID!, $note: String) {\n  recordCustomerContact(id: $id, note: $note) {\n    id\n    status\n    customerContactedAt\n    overdue\n  }\n}': typeof types.RecordCustomerContactDocument;
  'query RecoveryEffectiveness($filter: MetricFilter, $grain: TimeGrain) {\n  recoveryEffectiveness(filter: $filter) {\n    byRecovery {\n      ...Outcome\n    }\n    byPolicy {\n      ...Outcome\n    }\n    trend(grain: $grain) {\n      grain\n      points {\n        period\n        periodEnd\n        partial\n        byRecovery {\n          group\n          contacts\n          npsAfter\n          npsResponsesAfter\n          churnRateAfter\n        }\n      }\n    }\n  }\n}\n\nfragment Outcome on RecoveryOutcome {\n  group\n  contacts\n  resolvedRate\n  npsAfter\n  npsResponsesAfter\n  csatAfter\n  csatResponsesAfter\n  churnRateAfter\n  recompensed\n  recompenseCost\n  recompenseAvg\n}': typeof types.RecoveryEffectivenessDocument;
  'mutation ResolveAlert($id: ID!, $note: String) {\n  resolveAlert(id: $id, note: $note) {\n    id\n    status\n    resolvedAt\n    overdue\n  }\n}': typeof types.ResolveAlertDocument;
  'query RiskBySegment($filter: MetricFilter!, $historyFrom: DateTime!, $historyTo: DateTime!) {\n  total: metrics(filter: $filter) {\n    churnRate\n    revenueAtRisk\n  }\n  byGeneration: metrics(dimensions: [GENERATION], filter: $filter) {\n    generation\n    churnRate\n    revenueAtRisk\n  }\n  byTier: metrics(dimensions: [TIER], filter: $filter) {\n    tier\n    churnRate\n    revenueAtRisk\n  }\n  history: riskHistory(from: $historyFrom, to: $historyTo) {\n    day\n    expectedLoss\n    scoredCustomers\n    atRiskCustomers\n    atRiskValue\n    threshold\n  }\n}': typeof types.RiskBySegmentDocument;
  'query SegmentPreferences($filter: MetricFilter, $generations: [Generation!] = [BOOMER, MILLENNIAL]) {\n  segmentPreferences(filter: $filter, generations: $generations) {\n    generation\n    interactingCustomers\n    selfServiceAdoptionPct\n    liveAgentPreferencePct\n    selfServiceSharePct\n    nps\n    npsResponses\n    csatAvg\n    csatResponses\n    contacts\n    selfServiceSessions\n    deflectionRate\n    backfireRate\n    churnRate\n    channels {\n      channel\n      contactSharePct\n      contacts\n      nps\n      npsResponses\n      csatAvg\n      csatResponses\n      cesAvg\n    }\n  }\n}': typeof types.SegmentPreferencesDocument;
  'query VoiceOfCustomer($filter: MetricFilter, $grain: TimeGrain = MONTH, $top: Int = 20) {\n  recurringCauses(filter: $filter, grain: $grain, top: $top) {\n    reasons {\n      reason\n      contacts\n      share\n      repeatContactRate\n      fcrRate\n      trend {\n        period\n        contacts\n      }\n    }\n    detractorComments\n    commentsAnalysed\n    detractorWords {\n      term\n      comments\n      share\n    }\n    detractorPhrases {\n      term\n      comments\n      share\n    }\n  }\n}': typeof types.VoiceOfCustomerDocument;
  'query WomReachTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {\n  metrics(grain: $grain, filter: $filter) {\n    period\n    womReach\n  }\n}': typeof types.WomReachTrendDocument;
};
const documents: Documents = {
  'mutation AcknowledgeAlert($id: ID!, $note: String) {\n  acknowledgeAlert(id: $id, note: $note) {\n    id\n    status\n    acknowledgedAt\n    overdue\n  }\n}':
    types.AcknowledgeAlertDocument,
  'mutation AddAlertNote($id: ID!, $text: String!) {\n  addAlertNote(id: $id, text: $text) {\n    id\n  }\n}':
    types.AddAlertNoteDocument,
  'query AlertCounts {\n  alertCounts {\n    unresolved\n    open\n    overdue\n  }\n}':
    types.AlertCountsDocument,
  'query AlertPerformance($window: AlertWindow) {\n  alertMeasures(filter: $window, dimensions: [RULE, TIER]) {\n    rule\n    tier\n    alerts\n    acknowledged\n    resolved\n    resolvedWithinSla\n    meanHoursToAcknowledge\n    medianHoursToAcknowledge\n    meanHoursToResolve\n    medianHoursToResolve\n    resolvedWithinSlaRate\n  }\n}':
    types.AlertPerformanceDocument,
  'mutation AssignAlert($id: ID!, $owner: String!) {\n  assignAlert(id: $id, owner: $owner) {\n    id\n    owner\n  }\n}':
    types.AssignAlertDocument,
  'query ChannelMeasures($filter: MetricFilter) {\n  metrics(dimensions: [CHANNEL], filter: $filter) {\n    channel\n    nps\n    npsResponses\n    promotersPct\n    detractorsPct\n    csatAvg\n    csatTop2Pct\n    csatResponses\n    cesAvg\n    cesResponses\n    contacts\n    fcrRate\n    repeatContactRate\n    escalationRate\n    avgWaitSeconds\n    avgHandleSeconds\n  }\n}':
    types.ChannelMeasuresDocument,
  'query ChannelSatisfaction($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  channelSatisfaction(filter: $filter, grain: $grain) {\n    channel\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n    cesAvg\n    contacts\n    fcrRate\n    avgWaitSeconds\n    trend {\n      period\n      nps\n      npsResponses\n      csatAvg\n      csatResponses\n      cesAvg\n      contacts\n    }\n  }\n}':
    types.ChannelSatisfactionDocument,
  'query ChurnRisk($filter: RiskFilter, $segment: MetricFilter, $minScore: Int = 70, $first: Int = 50, $after: String) {\n  churnRisk(\n    filter: $filter\n    minScore: $minScore\n    first: $first\n    after: $after\n    orderBy: SCORE_DESC\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      score\n      previousScore\n      scoredAt\n      lifetimeValue\n      drivers {\n        feature\n        label\n        points\n      }\n      customer {\n        id\n        tier\n        generation\n      }\n      lastContact {\n        id\n        startedAt\n        channel\n        reason\n      }\n      whyNow {\n        at\n        label\n      }\n      nextStep {\n        action\n        text\n        reason\n      }\n    }\n  }\n  riskModel {\n    version\n    trainedAt\n    snapshots\n    auc\n    aucLower\n    aucUpper\n    npsBaselineAuc\n    contactsBaselineAuc\n    topDecileShare\n    brierScore\n    trainingCustomers\n    heldOutCustomers\n    heldOutChurners\n    calibration {\n      customers\n      meanPredicted\n      observedRate\n    }\n  }\n  atRisk: metrics(filter: $segment) {\n    revenueAtRisk\n  }\n}':
    types.ChurnRiskDocument,
  'mutation ClearLiveAgentPreference($customerId: ID!) {\n  clearLiveAgentPreference(customerId: $customerId) {\n    skipSelfService\n  }\n}':
    types.ClearLiveAgentPreferenceDocument,
  'query ContactsPage($first: Int! = 1000, $after: String, $updatedSince: DateTime) {\n  contacts(first: $first, after: $after, updatedSince: $updatedSince) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      channel\n      reason\n      queue\n      agentId\n      startedAt\n      waitSeconds\n      handleSeconds\n      transfers\n      resolved\n      firstContactResolution\n      escalated\n      updatedAt\n    }\n  }\n}':
    types.ContactsPageDocument,
  'query CustomerCare($id: ID!) {\n  customer(id: $id) {\n    id\n    risk {\n      score\n      previousScore\n      scoredAt\n      modelVersion\n      drivers {\n        feature\n        label\n        points\n      }\n    }\n    alerts {\n      id\n      rule\n      status\n      triggeredAt\n      openedAt\n      dueAt\n      overdue\n      resolvedAt\n      history {\n        at\n        action\n        status\n        actorName\n        text\n      }\n    }\n  }\n  routingAdvice(customerId: $id) {\n    skipSelfService\n    reason\n    note\n    since\n    source\n  }\n}':
    types.CustomerCareDocument,
  'query CustomerHistory($id: ID!, $last: Int) {\n  customer(id: $id) {\n    id\n    name\n    email\n    generation\n    region\n    tier\n    lifetimeValue\n    signupDate\n    churnedAt\n    timeline(last: $last) {\n      __typename\n      ... on SurveyResponse {\n        id\n        type\n        score\n        comment\n        aboutChannel: channel\n        respondedAt\n      }\n      ... on Contact {\n        id\n        channel\n        reason\n        startedAt\n        waitSeconds\n        handleSeconds\n        resolved\n        escalated\n      }\n      ... on SelfServiceSession {\n        id\n        entry\n        startedAt\n        steps\n        outcome\n      }\n    }\n  }\n}':
    types.CustomerHistoryDocument,
  'query DashboardContext {\n  viewer {\n    name\n    role\n    mutations\n  }\n  measureCatalogue {\n    minimumSample\n    currency\n    measures {\n      name\n      label\n      unit\n      decimals\n      goodDirection\n      sampleNoun\n      sampleField\n      minimumSample\n      tooFewLabel\n    }\n  }\n}':
    types.DashboardContextDocument,
  'query DeflectionFunnel($filter: MetricFilter) {\n  deflectionFunnel(filter: $filter) {\n    entry\n    sessions\n    engagedSessions\n    resolvedSessions\n    trulyDeflectedSessions\n    abandonedSessions\n    escalatedSessions\n    escalationResolvedSessions\n    backfiredSessions\n    deflectionRate\n    trueDeflectionRate\n    selfServiceEscalationRate\n    backfireRate\n    npsAfterEscalation\n    npsResponsesAfterEscalation\n    csatAfterEscalation\n    csatResponsesAfterEscalation\n  }\n}':
    types.DeflectionFunnelDocument,
  'query DrillAtRisk($filter: RiskFilter, $first: Int = 50, $after: String) {\n  churnRisk(\n    filter: $filter\n    minScore: 0\n    first: $first\n    after: $after\n    orderBy: SCORE_DESC\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      score\n      lifetimeValue\n      customer {\n        id\n        generation\n        tier\n        region\n      }\n    }\n  }\n}':
    types.DrillAtRiskDocument,
  'query DrillContacts($filter: ContactFilter, $first: Int = 50, $after: String) {\n  contacts(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      channel\n      reason\n      startedAt\n      waitSeconds\n      handleSeconds\n      resolved\n      firstContactResolution\n      escalated\n    }\n  }\n}':
    types.DrillContactsDocument,
  'query DrillCustomers($filter: CustomerFilter, $first: Int = 50, $after: String) {\n  customers(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      generation\n      tier\n      region\n      signupDate\n      churnedAt\n      lifetimeValue\n    }\n  }\n}':
    types.DrillCustomersDocument,
  'query DrillResponses($filter: SurveyResponseFilter, $first: Int = 50, $after: String) {\n  surveyResponses(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      type\n      score\n      channel\n      respondedAt\n      comment\n    }\n  }\n}':
    types.DrillResponsesDocument,
  'query DrillSessions($filter: SelfServiceSessionFilter, $first: Int = 50, $after: String) {\n  selfServiceSessions(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      entry\n      outcome\n      startedAt\n      steps\n    }\n  }\n}':
    types.DrillSessionsDocument,
  'query FilterOptions {\n  metrics(dimensions: [REGION]) {\n    region\n    contacts\n  }\n}':
    types.FilterOptionsDocument,
  'query IngestBacklog {\n  ingestBacklog {\n    pendingBatches\n    pendingRows\n    lagSeconds\n    lastAppliedAt\n  }\n}':
    types.IngestBacklogDocument,
  'mutation IngestContacts($rows: [ContactRowInput!]!, $apply: IngestApply = NOW) {\n  ingestContacts(rows: $rows, apply: $apply) {\n    inserted\n    updated\n    unchanged\n    queued\n    batchId\n    problemCount\n    problems {\n      row\n      field\n      value\n      expected\n      message\n    }\n  }\n}':
    types.IngestContactsDocument,
  'query LiveAgentPreferences($first: Int = 25, $after: String) {\n  liveAgentPreferences(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      customerId\n      reason\n      source\n      since\n      customer {\n        name\n        tier\n      }\n    }\n  }\n}':
    types.LiveAgentPreferencesDocument,
  'mutation MarkLiveAgentPreference($customerId: ID!, $reason: String!) {\n  markLiveAgentPreference(customerId: $customerId, reason: $reason) {\n    skipSelfService\n  }\n}':
    types.MarkLiveAgentPreferenceDocument,
  'query MetricsByChannelGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  metrics(dimensions: [CHANNEL, GENERATION], grain: $grain, filter: $filter) {\n    period\n    channel\n    generation\n    nps\n    npsResponses\n    csatAvg\n    cesAvg\n    contacts\n    avgHandleSeconds\n    fcrRate\n    escalationRate\n  }\n}':
    types.MetricsByChannelGenerationDocument,
  'query NpsCsatTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {\n  metrics(grain: $grain, filter: $filter) {\n    period\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n  }\n}':
    types.NpsCsatTrendDocument,
  'query NpsTrendByGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  metrics(dimensions: [GENERATION], grain: $grain, filter: $filter) {\n    period\n    generation\n    nps\n    npsMarginOfError\n    npsResponses\n  }\n}':
    types.NpsTrendByGenerationDocument,
  'query OpenAlerts($first: Int = 50, $after: String, $rules: [AlertRule!], $overdue: Boolean, $tiers: [Tier!], $generations: [Generation!], $triggeredFrom: DateTime, $triggeredTo: DateTime, $customerId: ID) {\n  alertCounts {\n    unresolved\n    open\n    overdue\n  }\n  alerts(\n    first: $first\n    after: $after\n    filter: {statuses: [OPEN, ACKNOWLEDGED, CUSTOMER_CONTACTED], rules: $rules, overdue: $overdue, tiers: $tiers, generations: $generations, triggeredFrom: $triggeredFrom, triggeredTo: $triggeredTo, customerId: $customerId}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      rule\n      status\n      tier\n      value\n      triggerKey\n      triggeredAt\n      openedAt\n      dueAt\n      overdue\n      owner\n      customer {\n        id\n        name\n        lifetimeValue\n      }\n      history {\n        at\n        action\n        status\n        actorName\n        text\n      }\n    }\n  }\n}':
    types.OpenAlertsDocument,
  'query Overview($filter: MetricFilter, $compare: Comparison = PREVIOUS_PERIOD) {\n  overview(filter: $filter, compare: $compare) {\n    window {\n      from\n      to\n    }\n    comparisonWindow {\n      from\n      to\n    }\n    nps {\n      ...KpiComparisonFields\n    }\n    csatAvg {\n      ...KpiComparisonFields\n    }\n    csatTop2Pct {\n      ...KpiComparisonFields\n    }\n    cesAvg {\n      ...KpiComparisonFields\n    }\n    fcrRate {\n      ...KpiComparisonFields\n    }\n    contacts {\n      ...KpiComparisonFields\n    }\n    avgWaitSeconds {\n      ...KpiComparisonFields\n    }\n    deflectionRate {\n      ...KpiComparisonFields\n    }\n    trueDeflectionRate {\n      ...KpiComparisonFields\n    }\n    backfireRate {\n      ...KpiComparisonFields\n    }\n    womReach {\n      ...KpiComparisonFields\n    }\n    churnRate {\n      ...KpiComparisonFields\n    }\n    revenueAtRisk {\n      ...KpiComparisonFields\n    }\n  }\n}\n\nfragment KpiComparisonFields on KpiComparison {\n  current\n  previous\n  delta\n  deltaPct\n  marginOfError\n  sampleSize\n  previousSampleSize\n  significant\n  pValue\n}':
    types.OverviewDocument,
  'mutation RecordCustomerContact($id: ID!, $note: String) {\n  recordCustomerContact(id: $id, note: $note) {\n    id\n    status\n    customerContactedAt\n    overdue\n  }\n}':
    types.RecordCustomerContactDocument,
  'query RecoveryEffectiveness($filter: MetricFilter, $grain: TimeGrain) {\n  recoveryEffectiveness(filter: $filter) {\n    byRecovery {\n      ...Outcome\n    }\n    byPolicy {\n      ...Outcome\n    }\n    trend(grain: $grain) {\n      grain\n      points {\n        period\n        periodEnd\n        partial\n        byRecovery {\n          group\n          contacts\n          npsAfter\n          npsResponsesAfter\n          churnRateAfter\n        }\n      }\n    }\n  }\n}\n\nfragment Outcome on RecoveryOutcome {\n  group\n  contacts\n  resolvedRate\n  npsAfter\n  npsResponsesAfter\n  csatAfter\n  csatResponsesAfter\n  churnRateAfter\n  recompensed\n  recompenseCost\n  recompenseAvg\n}':
    types.RecoveryEffectivenessDocument,
  'mutation ResolveAlert($id: ID!, $note: String) {\n  resolveAlert(id: $id, note: $note) {\n    id\n    status\n    resolvedAt\n    overdue\n  }\n}':
    types.ResolveAlertDocument,
  'query RiskBySegment($filter: MetricFilter!, $historyFrom: DateTime!, $historyTo: DateTime!) {\n  total: metrics(filter: $filter) {\n    churnRate\n    revenueAtRisk\n  }\n  byGeneration: metrics(dimensions: [GENERATION], filter: $filter) {\n    generation\n    churnRate\n    revenueAtRisk\n  }\n  byTier: metrics(dimensions: [TIER], filter: $filter) {\n    tier\n    churnRate\n    revenueAtRisk\n  }\n  history: riskHistory(from: $historyFrom, to: $historyTo) {\n    day\n    expectedLoss\n    scoredCustomers\n    atRiskCustomers\n    atRiskValue\n    threshold\n  }\n}':
    types.RiskBySegmentDocument,
  'query SegmentPreferences($filter: MetricFilter, $generations: [Generation!] = [BOOMER, MILLENNIAL]) {\n  segmentPreferences(filter: $filter, generations: $generations) {\n    generation\n    interactingCustomers\n    selfServiceAdoptionPct\n    liveAgentPreferencePct\n    selfServiceSharePct\n    nps\n    npsResponses\n    csatAvg\n    csatResponses\n    contacts\n    selfServiceSessions\n    deflectionRate\n    backfireRate\n    churnRate\n    channels {\n      channel\n      contactSharePct\n      contacts\n      nps\n      npsResponses\n      csatAvg\n      csatResponses\n      cesAvg\n    }\n  }\n}':
    types.SegmentPreferencesDocument,
  'query VoiceOfCustomer($filter: MetricFilter, $grain: TimeGrain = MONTH, $top: Int = 20) {\n  recurringCauses(filter: $filter, grain: $grain, top: $top) {\n    reasons {\n      reason\n      contacts\n      share\n      repeatContactRate\n      fcrRate\n      trend {\n        period\n        contacts\n      }\n    }\n    detractorComments\n    commentsAnalysed\n    detractorWords {\n      term\n      comments\n      share\n    }\n    detractorPhrases {\n      term\n      comments\n      share\n    }\n  }\n}':
    types.VoiceOfCustomerDocument,
  'query WomReachTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {\n  metrics(grain: $grain, filter: $filter) {\n    period\n    womReach\n  }\n}':
    types.WomReachTrendDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation AcknowledgeAlert($id: ID!, $note: String) {\n  acknowledgeAlert(id: $id, note: $note) {\n    id\n    status\n    acknowledgedAt\n    overdue\n  }\n}',
): typeof import('./graphql').AcknowledgeAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation AddAlertNote($id: ID!, $text: String!) {\n  addAlertNote(id: $id, text: $text) {\n    id\n  }\n}',
): typeof import('./graphql').AddAlertNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query AlertCounts {\n  alertCounts {\n    unresolved\n    open\n    overdue\n  }\n}',
): typeof import('./graphql').AlertCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query AlertPerformance($window: AlertWindow) {\n  alertMeasures(filter: $window, dimensions: [RULE, TIER]) {\n    rule\n    tier\n    alerts\n    acknowledged\n    resolved\n    resolvedWithinSla\n    meanHoursToAcknowledge\n    medianHoursToAcknowledge\n    meanHoursToResolve\n    medianHoursToResolve\n    resolvedWithinSlaRate\n  }\n}',
): typeof import('./graphql').AlertPerformanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation AssignAlert($id: ID!, $owner: String!) {\n  assignAlert(id: $id, owner: $owner) {\n    id\n    owner\n  }\n}',
): typeof import('./graphql').AssignAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ChannelMeasures($filter: MetricFilter) {\n  metrics(dimensions: [CHANNEL], filter: $filter) {\n    channel\n    nps\n    npsResponses\n    promotersPct\n    detractorsPct\n    csatAvg\n    csatTop2Pct\n    csatResponses\n    cesAvg\n    cesResponses\n    contacts\n    fcrRate\n    repeatContactRate\n    escalationRate\n    avgWaitSeconds\n    avgHandleSeconds\n  }\n}',
): typeof import('./graphql').ChannelMeasuresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ChannelSatisfaction($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  channelSatisfaction(filter: $filter, grain: $grain) {\n    channel\n    nps\n    npsMarginOfError\n    npsResponses\n    csatAvg\n    csatResponses\n    cesAvg\n    contacts\n    fcrRate\n    avgWaitSeconds\n    trend {\n      period\n      nps\n      npsResponses\n      csatAvg\n      csatResponses\n      cesAvg\n      contacts\n    }\n  }\n}',
): typeof import('./graphql').ChannelSatisfactionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ChurnRisk($filter: RiskFilter, $segment: MetricFilter, $minScore: Int = 70, $first: Int = 50, $after: String) {\n  churnRisk(\n    filter: $filter\n    minScore: $minScore\n    first: $first\n    after: $after\n    orderBy: SCORE_DESC\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      score\n      previousScore\n      scoredAt\n      lifetimeValue\n      drivers {\n        feature\n        label\n        points\n      }\n      customer {\n        id\n        tier\n        generation\n      }\n      lastContact {\n        id\n        startedAt\n        channel\n        reason\n      }\n      whyNow {\n        at\n        label\n      }\n      nextStep {\n        action\n        text\n        reason\n      }\n    }\n  }\n  riskModel {\n    version\n    trainedAt\n    snapshots\n    auc\n    aucLower\n    aucUpper\n    npsBaselineAuc\n    contactsBaselineAuc\n    topDecileShare\n    brierScore\n    trainingCustomers\n    heldOutCustomers\n    heldOutChurners\n    calibration {\n      customers\n      meanPredicted\n      observedRate\n    }\n  }\n  atRisk: metrics(filter: $segment) {\n    revenueAtRisk\n  }\n}',
): typeof import('./graphql').ChurnRiskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation ClearLiveAgentPreference($customerId: ID!) {\n  clearLiveAgentPreference(customerId: $customerId) {\n    skipSelfService\n  }\n}',
): typeof import('./graphql').ClearLiveAgentPreferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ContactsPage($first: Int! = 1000, $after: String, $updatedSince: DateTime) {\n  contacts(first: $first, after: $after, updatedSince: $updatedSince) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      channel\n      reason\n      queue\n      agentId\n      startedAt\n      waitSeconds\n      handleSeconds\n      transfers\n      resolved\n      firstContactResolution\n      escalated\n      updatedAt\n    }\n  }\n}',
): typeof import('./graphql').ContactsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query CustomerCare($id: ID!) {\n  customer(id: $id) {\n    id\n    risk {\n      score\n      previousScore\n      scoredAt\n      modelVersion\n      drivers {\n        feature\n        label\n        points\n      }\n    }\n    alerts {\n      id\n      rule\n      status\n      triggeredAt\n      openedAt\n      dueAt\n      overdue\n      resolvedAt\n      history {\n        at\n        action\n        status\n        actorName\n        text\n      }\n    }\n  }\n  routingAdvice(customerId: $id) {\n    skipSelfService\n    reason\n    note\n    since\n    source\n  }\n}',
): typeof import('./graphql').CustomerCareDocument;
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
  source: 'query DashboardContext {\n  viewer {\n    name\n    role\n    mutations\n  }\n  measureCatalogue {\n    minimumSample\n    currency\n    measures {\n      name\n      label\n      unit\n      decimals\n      goodDirection\n      sampleNoun\n      sampleField\n      minimumSample\n      tooFewLabel\n    }\n  }\n}',
): typeof import('./graphql').DashboardContextDocument;
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
  source: 'query DrillAtRisk($filter: RiskFilter, $first: Int = 50, $after: String) {\n  churnRisk(\n    filter: $filter\n    minScore: 0\n    first: $first\n    after: $after\n    orderBy: SCORE_DESC\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      score\n      lifetimeValue\n      customer {\n        id\n        generation\n        tier\n        region\n      }\n    }\n  }\n}',
): typeof import('./graphql').DrillAtRiskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query DrillContacts($filter: ContactFilter, $first: Int = 50, $after: String) {\n  contacts(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      channel\n      reason\n      startedAt\n      waitSeconds\n      handleSeconds\n      resolved\n      firstContactResolution\n      escalated\n    }\n  }\n}',
): typeof import('./graphql').DrillContactsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query DrillCustomers($filter: CustomerFilter, $first: Int = 50, $after: String) {\n  customers(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      generation\n      tier\n      region\n      signupDate\n      churnedAt\n      lifetimeValue\n    }\n  }\n}',
): typeof import('./graphql').DrillCustomersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query DrillResponses($filter: SurveyResponseFilter, $first: Int = 50, $after: String) {\n  surveyResponses(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      type\n      score\n      channel\n      respondedAt\n      comment\n    }\n  }\n}',
): typeof import('./graphql').DrillResponsesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query DrillSessions($filter: SelfServiceSessionFilter, $first: Int = 50, $after: String) {\n  selfServiceSessions(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      customerId\n      entry\n      outcome\n      startedAt\n      steps\n    }\n  }\n}',
): typeof import('./graphql').DrillSessionsDocument;
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
  source: 'query IngestBacklog {\n  ingestBacklog {\n    pendingBatches\n    pendingRows\n    lagSeconds\n    lastAppliedAt\n  }\n}',
): typeof import('./graphql').IngestBacklogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation IngestContacts($rows: [ContactRowInput!]!, $apply: IngestApply = NOW) {\n  ingestContacts(rows: $rows, apply: $apply) {\n    inserted\n    updated\n    unchanged\n    queued\n    batchId\n    problemCount\n    problems {\n      row\n      field\n      value\n      expected\n      message\n    }\n  }\n}',
): typeof import('./graphql').IngestContactsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query LiveAgentPreferences($first: Int = 25, $after: String) {\n  liveAgentPreferences(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      customerId\n      reason\n      source\n      since\n      customer {\n        name\n        tier\n      }\n    }\n  }\n}',
): typeof import('./graphql').LiveAgentPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation MarkLiveAgentPreference($customerId: ID!, $reason: String!) {\n  markLiveAgentPreference(customerId: $customerId, reason: $reason) {\n    skipSelfService\n  }\n}',
): typeof import('./graphql').MarkLiveAgentPreferenceDocument;
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
  source: 'query NpsTrendByGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {\n  metrics(dimensions: [GENERATION], grain: $grain, filter: $filter) {\n    period\n    generation\n    nps\n    npsMarginOfError\n    npsResponses\n  }\n}',
): typeof import('./graphql').NpsTrendByGenerationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query OpenAlerts($first: Int = 50, $after: String, $rules: [AlertRule!], $overdue: Boolean, $tiers: [Tier!], $generations: [Generation!], $triggeredFrom: DateTime, $triggeredTo: DateTime, $customerId: ID) {\n  alertCounts {\n    unresolved\n    open\n    overdue\n  }\n  alerts(\n    first: $first\n    after: $after\n    filter: {statuses: [OPEN, ACKNOWLEDGED, CUSTOMER_CONTACTED], rules: $rules, overdue: $overdue, tiers: $tiers, generations: $generations, triggeredFrom: $triggeredFrom, triggeredTo: $triggeredTo, customerId: $customerId}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      rule\n      status\n      tier\n      value\n      triggerKey\n      triggeredAt\n      openedAt\n      dueAt\n      overdue\n      owner\n      customer {\n        id\n        name\n        lifetimeValue\n      }\n      history {\n        at\n        action\n        status\n        actorName\n        text\n      }\n    }\n  }\n}',
): typeof import('./graphql').OpenAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Overview($filter: MetricFilter, $compare: Comparison = PREVIOUS_PERIOD) {\n  overview(filter: $filter, compare: $compare) {\n    window {\n      from\n      to\n    }\n    comparisonWindow {\n      from\n      to\n    }\n    nps {\n      ...KpiComparisonFields\n    }\n    csatAvg {\n      ...KpiComparisonFields\n    }\n    csatTop2Pct {\n      ...KpiComparisonFields\n    }\n    cesAvg {\n      ...KpiComparisonFields\n    }\n    fcrRate {\n      ...KpiComparisonFields\n    }\n    contacts {\n      ...KpiComparisonFields\n    }\n    avgWaitSeconds {\n      ...KpiComparisonFields\n    }\n    deflectionRate {\n      ...KpiComparisonFields\n    }\n    trueDeflectionRate {\n      ...KpiComparisonFields\n    }\n    backfireRate {\n      ...KpiComparisonFields\n    }\n    womReach {\n      ...KpiComparisonFields\n    }\n    churnRate {\n      ...KpiComparisonFields\n    }\n    revenueAtRisk {\n      ...KpiComparisonFields\n    }\n  }\n}\n\nfragment KpiComparisonFields on KpiComparison {\n  current\n  previous\n  delta\n  deltaPct\n  marginOfError\n  sampleSize\n  previousSampleSize\n  significant\n  pValue\n}',
): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation RecordCustomerContact($id: ID!, $note: String) {\n  recordCustomerContact(id: $id, note: $note) {\n    id\n    status\n    customerContactedAt\n    overdue\n  }\n}',
): typeof import('./graphql').RecordCustomerContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query RecoveryEffectiveness($filter: MetricFilter, $grain: TimeGrain) {\n  recoveryEffectiveness(filter: $filter) {\n    byRecovery {\n      ...Outcome\n    }\n    byPolicy {\n      ...Outcome\n    }\n    trend(grain: $grain) {\n      grain\n      points {\n        period\n        periodEnd\n        partial\n        byRecovery {\n          group\n          contacts\n          npsAfter\n          npsResponsesAfter\n          churnRateAfter\n        }\n      }\n    }\n  }\n}\n\nfragment Outcome on RecoveryOutcome {\n  group\n  contacts\n  resolvedRate\n  npsAfter\n  npsResponsesAfter\n  csatAfter\n  csatResponsesAfter\n  churnRateAfter\n  recompensed\n  recompenseCost\n  recompenseAvg\n}',
): typeof import('./graphql').RecoveryEffectivenessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation ResolveAlert($id: ID!, $note: String) {\n  resolveAlert(id: $id, note: $note) {\n    id\n    status\n    resolvedAt\n    overdue\n  }\n}',
): typeof import('./graphql').ResolveAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query RiskBySegment($filter: MetricFilter!, $historyFrom: DateTime!, $historyTo: DateTime!) {\n  total: metrics(filter: $filter) {\n    churnRate\n    revenueAtRisk\n  }\n  byGeneration: metrics(dimensions: [GENERATION], filter: $filter) {\n    generation\n    churnRate\n    revenueAtRisk\n  }\n  byTier: metrics(dimensions: [TIER], filter: $filter) {\n    tier\n    churnRate\n    revenueAtRisk\n  }\n  history: riskHistory(from: $historyFrom, to: $historyTo) {\n    day\n    expectedLoss\n    scoredCustomers\n    atRiskCustomers\n    atRiskValue\n    threshold\n  }\n}',
): typeof import('./graphql').RiskBySegmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SegmentPreferences($filter: MetricFilter, $generations: [Generation!] = [BOOMER, MILLENNIAL]) {\n  segmentPreferences(filter: $filter, generations: $generations) {\n    generation\n    interactingCustomers\n    selfServiceAdoptionPct\n    liveAgentPreferencePct\n    selfServiceSharePct\n    nps\n    npsResponses\n    csatAvg\n    csatResponses\n    contacts\n    selfServiceSessions\n    deflectionRate\n    backfireRate\n    churnRate\n    channels {\n      channel\n      contactSharePct\n      contacts\n      nps\n      npsResponses\n      csatAvg\n      csatResponses\n      cesAvg\n    }\n  }\n}',
): typeof import('./graphql').SegmentPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query VoiceOfCustomer($filter: MetricFilter, $grain: TimeGrain = MONTH, $top: Int = 20) {\n  recurringCauses(filter: $filter, grain: $grain, top: $top) {\n    reasons {\n      reason\n      contacts\n      share\n      repeatContactRate\n      fcrRate\n      trend {\n        period\n        contacts\n      }\n    }\n    detractorComments\n    commentsAnalysed\n    detractorWords {\n      term\n      comments\n      share\n    }\n    detractorPhrases {\n      term\n      comments\n      share\n    }\n  }\n}',
): typeof import('./graphql').VoiceOfCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query WomReachTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {\n  metrics(grain: $grain, filter: $filter) {\n    period\n    womReach\n  }\n}',
): typeof import('./graphql').WomReachTrendDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
