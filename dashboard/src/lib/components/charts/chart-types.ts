/** One line or set of bars; `band` draws a shaded interval around it (e.g. a 95% confidence interval). */
export interface Series {
  label: string;
  values: (number | null)[];
  band?: { label: string; lower: (number | null)[]; upper: (number | null)[] };
}

export type ChartKind = 'line' | 'bar' | 'horizontalBar';
