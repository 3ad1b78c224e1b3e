import { formatCount, formatNumber, formatPercent, formatScore } from '$lib/format';

/** How the dashboard names, measures and rounds a measure it charts in several places. */
export interface MeasureDisplay {
  name: string;
  unit: string;
  format: (value: number | null | undefined) => string;
}

export const MEASURES = {
  nps: { name: 'NPS', unit: 'NPS points (−100 to 100)', format: formatNumber },
  avgCsat: { name: 'Average CSAT', unit: 'CSAT score (1–5)', format: formatScore },
  contacts: { name: 'Contacts', unit: 'contacts', format: formatCount },
  contactSharePct: {
    name: 'Share of contacts',
    unit: "% of the generation's contacts",
    format: formatPercent,
  },
} satisfies Record<string, MeasureDisplay>;
