import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { ChartKind, ChartOptions, Series } from './chart-types';

/*
 * Only the Chart.js parts the dashboard draws are registered, so the bundle leaves out the rest (pie,
 * radar, time scales…). This module is loaded lazily by Chart.svelte, after the page is readable.
 */
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

const PALETTE = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2'];

/** A white background, so that a downloaded PNG is readable in any viewer (canvas is transparent). */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

const THIN = '#94a3b8';

/** A label of several words on lines of about 16 characters. */
function wrapLabel(label: string): string | string[] {
  if (label.length <= 16) return label;
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= 16) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function datasets(series: Series[], kind: ChartKind, options: ChartOptions) {
  const thin = (one: Series, i: number) =>
    options.minimumSample != null && (one.samples?.[i] ?? Infinity) < options.minimumSample;
  return series.flatMap((one, index) => {
    const color = PALETTE[index % PALETTE.length]!;
    const fill = kind === 'line' ? color : `${color}cc`;
    const main = {
      label: one.label,
      legendColor: color,
      data: one.values,
      borderColor: one.values.map((_, i) => (thin(one, i) ? THIN : color)),
      // Too few rows: hollow and grey, never a full bar; a partial period: a hollow point.
      backgroundColor: one.values.map((_, i) =>
        thin(one, i) ? 'transparent' : kind === 'line' && options.partial[i] ? '#fff' : fill,
      ),
      borderWidth: kind === 'line' ? 2 : one.values.map((_, i) => (thin(one, i) ? 1.5 : 0)),
      borderDash: [],
      pointRadius: one.values.map((_, i) => (options.partial[i] || thin(one, i) ? 4 : 3)),
      // A value of exactly 0 (an NPS of 0) still shows as a sliver, not as missing data.
      minBarLength: 3,
      spanGaps: true,
      tension: 0.2,
      // Curves through the points without overshooting them (no NPS above 100 between two points of 100).
      cubicInterpolationMode: 'monotone' as const,
      segment:
        kind === 'line'
          ? {
              borderDash: (context: { p1DataIndex: number }) =>
                options.partial[context.p1DataIndex] ? [5, 4] : undefined,
            }
          : undefined,
    };
    if (!one.band) return [main];
    const edge = { borderWidth: 0, pointRadius: 0, backgroundColor: `${color}26`, spanGaps: true };
    return [
      { ...edge, label: `${one.band.label} (lower)`, data: one.band.lower, fill: false },
      // Filled down to the lower edge just before it: the shaded band; the legend names it once.
      { ...edge, label: one.band.label, data: one.band.upper, fill: '-1' },
      main,
    ];
  });
}

export function drawChart(
  canvas: HTMLCanvasElement,
  kind: ChartKind,
  labels: string[],
  series: Series[],
  unit: string,
  options: ChartOptions,
  formatValue: (value: number | null) => string,
): Chart {
  const byLabel = new Map(series.map((one) => [one.label, one]));
  const seriesOrder = series.map((one) => one.label);
  const chartLabel = (datasetIndex: number): string | undefined =>
    (config.data.datasets[datasetIndex] as { label?: string } | undefined)?.label;
  const config: ChartConfiguration = {
    type: kind === 'line' ? 'line' : 'bar',
    data: { labels, datasets: datasets(series, kind, options) },
    options: {
      indexAxis: kind === 'horizontalBar' ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: false,
      // A point is a few pixels wide: a click on a line chart picks the point nearest to it (any series).
      ...(kind === 'line'
        ? {
            interaction: { mode: 'nearest' as const, intersect: false },
            hover: { mode: 'nearest' as const, intersect: false },
          }
        : {}),
      onClick: (_event, elements) => {
        const [element] = elements;
        const label = element ? chartLabel(element.datasetIndex) : undefined;
        const series = element ? Math.max(0, seriesOrder.indexOf(label ?? '')) : 0;
        if (element && options.onPick) options.onPick(element.index, series);
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = options.onPick && elements.length ? 'pointer' : 'default';
      },
      plugins: {
        legend: {
          labels: {
            filter: (item) => !item.text.endsWith('(lower)'),
            // The series' own colour, whatever its first point looks like (hollow when thin or partial).
            generateLabels: (chart) =>
              Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => {
                const dataset = chart.data.datasets[item.datasetIndex ?? -1] as
                  { legendColor?: string } | undefined;
                return dataset?.legendColor
                  ? { ...item, fillStyle: dataset.legendColor, strokeStyle: dataset.legendColor }
                  : item;
              }),
          },
        },
        tooltip: {
          mode: 'index',
          intersect: false,
          callbacks: {
            label: (item) => {
              const one = byLabel.get(item.dataset.label ?? '');
              const value = formatValue(item.parsed[kind === 'horizontalBar' ? 'x' : 'y'] ?? null);
              const n = one?.samples?.[item.dataIndex];
              const few =
                n != null && options.minimumSample != null && n < options.minimumSample ? ', too few' : '';
              return `${item.dataset.label}: ${value}${n != null ? ` (n = ${n.toLocaleString('en-US')}${options.sampleNoun ? ` ${options.sampleNoun}` : ''}${few})` : ''}`;
            },
          },
        },
      },
      scales: {
        [kind === 'horizontalBar' ? 'x' : 'y']: { title: { display: true, text: unit } },
        // Long category labels wrap onto lines rather than being cut off on narrow screens.
        [kind === 'horizontalBar' ? 'y' : 'x']: {
          ticks: {
            // Every category of a bar chart is named; a long time axis names every few periods.
            autoSkip: kind === 'line',
            maxRotation: 45,
            callback: (_value, index) => wrapLabel(labels[index] ?? ''),
          },
        },
      },
    },
    plugins: [whiteBackground],
  };
  return new Chart(canvas, config);
}
