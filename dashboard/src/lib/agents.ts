import type { ReviewStatus, SuperAgentVerdict } from '$lib/graphql/generated/graphql';

/*
 * Labels and naming of the people side (agents, super agents, exceptions): an agent is a person, and the API
 * masks the name for roles without personal data, so the id is always what names a row.
 */

export const VERDICT_LABELS: Record<SuperAgentVerdict, string> = {
  SUPER_AGENT: 'Super agent',
  TYPICAL: 'Typical',
  NEEDS_COACHING: 'Needs coaching',
  TOO_FEW: 'Too few to rank',
};

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  PENDING: 'Pending review',
  UPHELD: 'Upheld',
  CORRECTED: 'Corrected',
};

/** "Ada Lovelace (A1)" when the name may be shown, "A1" when it is masked or never imported; "No agent" without an id. */
export function agentLabel(id: string | null | undefined, name: string | null | undefined): string {
  if (id == null) return 'No agent';
  return name ? `${name} (${id})` : id;
}

/** A team, or what a row without one stands for. */
export function teamLabel(team: string | null | undefined): string {
  return team ?? 'No team known';
}

/** "a–b%": an interval as text, so it reads without the drawing. */
export function intervalText(low: number | null | undefined, high: number | null | undefined): string {
  if (low == null || high == null) return '—';
  return `${low.toFixed(1)}–${high.toFixed(1)}%`;
}

/** The page sizes the exception list offers (the API's exceptions connection takes up to 1,000). */
/** Agent scorecards shown before "Show all": a contact center has hundreds of agents; the CSV has every row. */
export const AGENT_ROWS_SHOWN = 25;

export const EXCEPTION_PAGE_SIZES = [5, 10, 25, 50, 100] as const;
