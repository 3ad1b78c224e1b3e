import { formatPercent } from '$lib/format';
import type { MeasureUnit } from '$lib/graphql/generated/graphql';
import { formatMeasure, measureInfo, type Display, type MeasureInfo } from '$lib/presentation';

/** How a chart names a measure, states its unit and formats its values. */
export interface MeasureDisplay {
  name: string;
  unit: string;
  format: (value: number | null | undefined) => string;
}

/** Measures the dashboard computes itself from API fields, which the API's catalogue therefore lacks. */
const DASHBOARD_MEASURES: Record<string, MeasureDisplay> = {
  contactSharePct: {
    name: 'Share of contacts',
    unit: "% of the generation's contacts",
    format: formatPercent,
  },
};

/** The range of a unit that is a scale ('1–5'), or null for one that is not. */
export function scaleOf(unit: MeasureUnit): string | null {
  switch (unit) {
    case 'NPS_POINTS':
      return '−100 to 100';
    case 'SCORE_5':
      return '1–5';
    case 'SCORE_7':
      return '1–7';
    default:
      return null;
  }
}

/** The unit of a catalogued measure as a chart's axis states it. */
function unitText(display: Display, info: MeasureInfo): string {
  switch (info.unit) {
    case 'NPS_POINTS':
      return `NPS points (${scaleOf(info.unit)})`;
    case 'SCORE_5':
    case 'SCORE_7':
      return `${info.label} score (${scaleOf(info.unit)})`;
    case 'PERCENT':
      return '%';
    case 'SECONDS':
      return 'seconds';
    case 'MONEY':
      return display.currency;
    case 'PEOPLE':
      return 'people';
    case 'COUNT':
      return info.label.toLowerCase();
  }
}

/**
 * A measure as a chart shows it: from the API's measure catalogue (label, unit, rounding), or for the few
 * the dashboard derives itself, from DASHBOARD_MEASURES.
 */
export function chartMeasure(display: Display, name: string): MeasureDisplay {
  const own = DASHBOARD_MEASURES[name];
  if (own) return own;
  const info = measureInfo(display, name);
  return {
    name: info.label,
    unit: unitText(display, info),
    format: (value) => formatMeasure(display, info, value),
  };
}
