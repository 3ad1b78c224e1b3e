/*
 * What the dashboard's pages send on load (dashboard/src/routes/**\/+page.server.ts and the layout), with
 * the variables they send for the default filters: the last 30 days, compared with the 30 before, every
 * channel and segment. Plain JavaScript without k6 imports, so that both the k6 scenarios and `pnpm bench`
 * (Node) use the same list; each reads the documents from schema/operations its own way.
 */

const DAY_MS = 86400000;
/** The dashboard's default window ("Last 30 days"); its trends then use daily buckets. */
const WINDOW_DAYS = 30;
/** Rows per page of the risk ranking and of the alerts list, as the dashboard asks. */
const RISK_PAGE_SIZE = 25;
const ALERTS_PAGE_SIZE = 50;
/** The customer page's timeline length. */
const TIMELINE_LENGTH = 200;

/**
 * @typedef {{ operation: string, variables: Record<string, unknown> }} OperationCall
 * @typedef {{ page: string, calls: OperationCall[] }} PageLoad
 */

/**
 * The page loads of one visit to every page, in the order a user opening each page would send them.
 * @param {string} lastDay the last day of the window, YYYY-MM-DD (UTC, inclusive): today on a live system
 * @param {string} customerId a customer whose page is opened (C0000001 exists in every seeded data set)
 * @returns {PageLoad[]}
 */
export function dashboardPageLoads(lastDay, customerId = 'C0000001') {
  const end = Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS;
  const filter = {
    from: new Date(end - WINDOW_DAYS * DAY_MS).toISOString(),
    to: new Date(end).toISOString(),
    channels: null,
    generations: null,
    regions: null,
    tiers: null,
  };
  const segment = { generations: null, regions: null, tiers: null };
  return [
    {
      page: '/',
      calls: [
        // The layout's load, once per full page load.
        { operation: 'FilterOptions', variables: {} },
        { operation: 'Overview', variables: { filter, compare: 'PREVIOUS_PERIOD' } },
        { operation: 'NpsCsatTrend', variables: { filter, grain: 'DAY' } },
        { operation: 'ChannelMeasures', variables: { filter } },
        { operation: 'DeflectionFunnel', variables: { filter } },
        { operation: 'RiskBySegment', variables: { filter, historyFrom: filter.from, historyTo: filter.to } },
        { operation: 'AlertCounts', variables: {} },
      ],
    },
    {
      page: '/channels',
      calls: [
        { operation: 'ChannelMeasures', variables: { filter } },
        { operation: 'ChannelSatisfaction', variables: { filter, grain: 'DAY' } },
      ],
    },
    {
      page: '/risk',
      calls: [
        { operation: 'RiskBySegment', variables: { filter, historyFrom: filter.from, historyTo: filter.to } },
        {
          operation: 'ChurnRisk',
          variables: { filter: segment, segment, minScore: 0, first: RISK_PAGE_SIZE, after: null },
        },
      ],
    },
    {
      page: '/segments',
      calls: [
        {
          operation: 'SegmentPreferences',
          variables: { filter, generations: ['BOOMER', 'MILLENNIAL'] },
        },
      ],
    },
    { page: '/self-service', calls: [{ operation: 'DeflectionFunnel', variables: { filter } }] },
    {
      page: '/alerts',
      calls: [
        {
          operation: 'OpenAlerts',
          variables: { first: ALERTS_PAGE_SIZE, after: null, rules: null, overdue: null },
        },
      ],
    },
    {
      page: '/customers/[id]',
      calls: [
        { operation: 'CustomerHistory', variables: { id: customerId, last: TIMELINE_LENGTH } },
        { operation: 'CustomerCare', variables: { id: customerId } },
      ],
    },
  ];
}

/**
 * Every operation call of one visit, in order.
 * @param {string} lastDay
 * @param {string} [customerId]
 * @returns {OperationCall[]}
 */
export function dashboardMix(lastDay, customerId) {
  return dashboardPageLoads(lastDay, customerId).flatMap((load) => load.calls);
}

/**
 * The names of the operations the mix sends, each once.
 * @returns {string[]}
 */
export function dashboardOperationNames() {
  return [...new Set(dashboardMix('2026-01-01').map((call) => call.operation))];
}
