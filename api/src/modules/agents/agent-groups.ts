import type { Knex } from '@mikro-orm/knex';
import { isCsat, isDetractor, isNps, isPromoter } from '../../core/conditions.js';
import { DAY_SECONDS } from '../../core/time.js';
import { withinDaysAfter } from '../metrics/rollups/agent-days.js';
import { checkWindowOrder } from '../../core/filters.js';
import type { MetricFilter } from '../metrics/dto/metric-filter.input.js';
import { FACT_TABLES } from '../metrics/fact-queries.js';
import { validateMetricsRequest } from '../metrics/metrics.service.js';
import type { SqlBuilder } from '../metrics/sql-builder.js';
import { ScorecardGrouping } from './dto/agent-scorecard.type.js';

export { DAY_SECONDS };

/**
 * The columns a row per agent or team is keyed by: the agent id `agentId` (the contact's f.agent_id, or the
 * rollup's), the agent's record `a`.
 */
const keys = (by: ScorecardGrouping, agentId: string) =>
  by === ScorecardGrouping.AGENT
    ? { agentId, agentName: 'a.name', team: 'a.team' }
    : { agentId: 'null', agentName: 'null', team: 'a.team' };

/** Names of the key columns in a grouped row. */
export const KEY_NAMES = new Set(['agentId', 'agentName', 'team']);

/** The contacts with their customer `c` and agent `a`: what every agent query reads. */
export const CONTACTS_WITH_AGENT =
  'from contacts f join customers c on c.id = f.customer_id left join agents a on a.external_id = f.agent_id';

/** The key's select list and group by clause, over the contacts `f` or over the rollup's `agentId` column. */
export function groupKey(
  by: ScorecardGrouping,
  agentColumn = 'f.agent_id',
): { select: string; groupBy: string } {
  const { agentId, agentName, team } = keys(by, agentColumn);
  return {
    select: `${agentId} as "agentId", ${agentName} as "agentName", ${team} as team`,
    groupBy: `group by ${[agentId, agentName, team].filter((column) => column !== 'null').join(', ')}`,
  };
}

/** Checks a filter by the rules of the contact measures (every filter list they accept, agents, teams and queues among them). */
export function checkContactFilter(filter: MetricFilter): void {
  checkWindowOrder(filter);
  validateMetricsRequest({ measures: ['contacts'], dimensions: [], grain: null, filter });
}

/**
 * The condition on the contacts of a window and segment, after checking the filter by the rules of the
 * contact measures (every filter list they accept, agents, teams and queues among them).
 */
export function contactConditions(builder: SqlBuilder, filter: MetricFilter): Knex.Raw {
  checkContactFilter(filter);
  return builder.and([
    ...builder.window('f.started_at', filter),
    ...builder.dimensionFilters(FACT_TABLES.contacts.columns, filter),
  ]);
}

/** `column` falls after the start of the contact f, within `days`. */
export const withinDaysAfterContact = (builder: SqlBuilder, column: string, days: number) =>
  withinDaysAfter(builder.dialect, 'f', column, days);

/** Merges grouped rows by key: one entry per agent (or team), its sums by name. */
export function sumsByKey(
  rows: Record<string, unknown>[],
): Map<string, { key: Record<string, unknown>; sums: Record<string, number> }> {
  const merged = new Map<string, { key: Record<string, unknown>; sums: Record<string, number> }>();
  for (const row of rows) {
    const id = keyOf(row);
    let entry = merged.get(id);
    if (!entry) merged.set(id, (entry = { key: row, sums: {} }));
    for (const [name, value] of Object.entries(row))
      if (!KEY_NAMES.has(name)) entry.sums[name] = Number(value ?? 0);
  }
  return merged;
}

export const keyOf = (row: Record<string, unknown>) =>
  JSON.stringify([row.agentId ?? null, row.team ?? null]);

/** By agent id (or team) by code point, the unknown last. */
export function compareKeys(
  a: { agentId: string | null; team: string | null },
  b: { agentId: string | null; team: string | null },
): number {
  for (const [x, y] of [
    [a.agentId, b.agentId],
    [a.team, b.team],
  ]) {
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x! < y! ? -1 : 1;
  }
  return 0;
}

/** The survey sums (`prefix`NpsResponses, …) over responses aliased r. */
export function surveySums(prefix: string, countWhere: (condition: string) => string): string {
  return (
    `${countWhere(isNps('r'))} as "${prefix}NpsResponses", ` +
    `${countWhere(isPromoter('r'))} as "${prefix}Promoters", ` +
    `${countWhere(isDetractor('r'))} as "${prefix}Detractors", ` +
    `${countWhere(isCsat('r'))} as "${prefix}CsatResponses", ` +
    `sum(case when ${isCsat('r')} then r.score else 0 end) as "${prefix}CsatSum"`
  );
}

/** The survey aggregates of `surveySums(prefix)`, by the names the survey measures derive from. */
export function surveyAggregates(sums: Record<string, number>, prefix: string): Record<string, number> {
  return {
    npsResponses: sums[`${prefix}NpsResponses`] ?? 0,
    promoters: sums[`${prefix}Promoters`] ?? 0,
    detractors: sums[`${prefix}Detractors`] ?? 0,
    csatResponses: sums[`${prefix}CsatResponses`] ?? 0,
    csatSum: sums[`${prefix}CsatSum`] ?? 0,
  };
}
