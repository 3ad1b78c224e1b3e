import { EntitySchema } from '@mikro-orm/core';
import { Dimension } from '../dimension.js';
import { FACT_AGGREGATES, type FactAggregate, type FactFamily } from '../aggregates.js';

export type RollupFamily = FactFamily | 'churn';

/**
 * A pre-aggregated table: per UTC day and combination of `dimensions`, the sums and counts of a family
 * from which its measures derive exactly. Unknown dimension values are stored as '' (keys cannot be null).
 */
export interface RollupTable {
  table: string;
  family: RollupFamily;
  dimensions: readonly Dimension[];
}

/** The churn family's sums: signups by signup day, churns by churn day. */
export const CHURN_AGGREGATES = ['signups', 'churns'] as const;

/**
 * Several narrow rollups rather than one wide one (docs/architecture.md, "What speed costs"); within a family the
 * smallest comes first, as a query takes the first that holds its dimensions and filters. At a year of
 * data, (day, channel, generation) holds at most 365 × 6 × 5 rows, a third of the same with tier.
 */
export const ROLLUP_TABLES: readonly RollupTable[] = [
  {
    table: 'rollup_surveys_channel_generation',
    family: 'surveys',
    dimensions: [Dimension.CHANNEL, Dimension.GENERATION],
  },
  {
    table: 'rollup_surveys_channel_region',
    family: 'surveys',
    dimensions: [Dimension.CHANNEL, Dimension.REGION],
  },
  {
    table: 'rollup_surveys_channel_generation_tier',
    family: 'surveys',
    dimensions: [Dimension.CHANNEL, Dimension.GENERATION, Dimension.TIER],
  },
  {
    // Agents handle few queues and channels each: at a year of data and 200 agents, some 300,000 rows.
    // TEAM is read from the agent's current record when asked, so no agents import changes a rollup.
    table: 'rollup_surveys_agent_queue_channel',
    family: 'surveys',
    dimensions: [Dimension.AGENT, Dimension.QUEUE, Dimension.CHANNEL],
  },
  {
    table: 'rollup_contacts_channel_generation',
    family: 'contacts',
    dimensions: [Dimension.CHANNEL, Dimension.GENERATION],
  },
  {
    table: 'rollup_contacts_channel_region',
    family: 'contacts',
    dimensions: [Dimension.CHANNEL, Dimension.REGION],
  },
  {
    table: 'rollup_contacts_reason_channel',
    family: 'contacts',
    dimensions: [Dimension.REASON, Dimension.CHANNEL],
  },
  {
    table: 'rollup_contacts_agent_queue_channel',
    family: 'contacts',
    dimensions: [Dimension.AGENT, Dimension.QUEUE, Dimension.CHANNEL],
  },
  {
    table: 'rollup_contacts_channel_generation_tier',
    family: 'contacts',
    dimensions: [Dimension.CHANNEL, Dimension.GENERATION, Dimension.TIER],
  },
  {
    table: 'rollup_sessions_entry_region',
    family: 'selfService',
    dimensions: [Dimension.ENTRY, Dimension.REGION],
  },
  {
    table: 'rollup_sessions_entry_generation_tier',
    family: 'selfService',
    dimensions: [Dimension.ENTRY, Dimension.GENERATION, Dimension.TIER],
  },
  {
    // Without a segment (the executive overview's churn rate): the customers active at a window's start
    // sum one row per day of history here, a tenth of the rows of the segmented one below.
    table: 'rollup_customers_days',
    family: 'churn',
    dimensions: [],
  },
  {
    // One segment at a time (the risk views' churn rate by generation and by tier): a window's start sums a
    // few rows a day instead of the 35 of every segment combination below (43 ms at 1M contacts on SQLite).
    table: 'rollup_customers_generation',
    family: 'churn',
    dimensions: [Dimension.GENERATION],
  },
  {
    table: 'rollup_customers_tier',
    family: 'churn',
    dimensions: [Dimension.TIER],
  },
  {
    table: 'rollup_customers_generation_region_tier',
    family: 'churn',
    dimensions: [Dimension.GENERATION, Dimension.REGION, Dimension.TIER],
  },
];

/** The aggregates a rollup of `family` stores, by name: every additive aggregate of the family (aggregates.ts). */
export function rollupAggregates(family: RollupFamily): readonly string[] {
  if (family === 'churn') return CHURN_AGGREGATES;
  const aggregates: Readonly<Record<string, FactAggregate>> = FACT_AGGREGATES[family];
  return Object.values(aggregates)
    .filter((aggregate) => aggregate.additive)
    .map((aggregate) => aggregate.name);
}

/** The column holding an aggregate: npsResponses → nps_responses. */
export function aggregateColumn(aggregate: string): string {
  return aggregate.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The key columns of a rollup: day, then its dimensions. */
export function keyColumns(rollup: RollupTable): string[] {
  return ['day', ...rollup.dimensions];
}

/** Entities of the rollups, generated from their definitions so that migrations follow them. */
export const ROLLUP_ENTITIES = ROLLUP_TABLES.map(
  (rollup) =>
    new EntitySchema({
      name: rollup.table,
      tableName: rollup.table,
      properties: {
        day: { type: 'datetime', primary: true },
        ...Object.fromEntries(
          rollup.dimensions.map((dimension) => [dimension, { type: 'text', primary: true }]),
        ),
        ...Object.fromEntries(
          rollupAggregates(rollup.family).map((aggregate) => [
            aggregateColumn(aggregate),
            { type: 'bigint', default: 0 },
          ]),
        ),
      },
    }),
);
