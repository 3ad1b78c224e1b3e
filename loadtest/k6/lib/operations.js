/*
 * The operations from schema/operations each scenario sends besides the dashboard mix (whose list is in
 * dashboard-mix.js); a vitest test checks that they exist and are valid against schema/schema.graphql.
 */

/** Analysts' ad-hoc metric questions: every one takes a filter and a grain. */
export const ANALYST_OPERATIONS = [
  'MetricsByChannelGeneration',
  'NpsTrendByGeneration',
  'NpsCsatTrend',
  'ChannelSatisfaction',
];

/** A BI tool paging through records. */
export const BI_OPERATIONS = ['ContactsPage'];

/** A system pushing records in, and watching how far the ingest worker is behind. */
export const INGEST_OPERATIONS = ['IngestContacts', 'IngestBacklog'];
