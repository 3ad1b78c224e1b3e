/**
 * One line or set of bars; `band` draws a shaded interval around it (e.g. a 95% confidence interval);
 * `samples` is the n behind each value: below the chart's minimum sample a value is drawn hollow and grey.
 */
export interface Series {
  label: string;
  values: (number | null)[];
  band?: { label: string; lower: (number | null)[]; upper: (number | null)[] };
  samples?: (number | null)[];
}

export type ChartKind = 'line' | 'bar' | 'horizontalBar';

/** What the drawing needs beside the data: the minimum sample, partial periods and a click handler. */
export interface ChartOptions {
  /** Values resting on fewer rows than this are drawn hollow and grey (null: no minimum). */
  minimumSample: number | null;
  /** Category indexes whose period the window covers only in part: drawn hollow on lines. */
  partial: boolean[];
  /** Called with the category index and the series' position when a bar or point is clicked. */
  onPick?: ((index: number, series: number) => void) | undefined;
  /** The unit of each series' n, for the tooltip ("responses"). */
  sampleNoun?: string | undefined;
}
