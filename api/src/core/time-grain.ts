/** Length of the UTC calendar buckets a measure is split into (its GraphQL enum: modules/metrics/time-grain.ts). */
export enum TimeGrain {
  DAY = 'day',
  WEEK = 'week',
  MONTH = 'month',
  QUARTER = 'quarter',
  YEAR = 'year',
}
