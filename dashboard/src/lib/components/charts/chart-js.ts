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
import type { ChartKind, Series } from './chart-types';

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

function datasets(series: Series[], kind: ChartKind) {
  return series.flatMap((one, index) => {
    const color = PALETTE[index % PALETTE.length]!;
    const main = {
      label: one.label,
      data: one.values,
      borderColor: color,
      backgroundColor: kind === 'line' ? color : `${color}cc`,
      spanGaps: true,
      tension: 0.2,
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
): Chart {
  const config: ChartConfiguration = {
    type: kind === 'line' ? 'line' : 'bar',
    data: { labels, datasets: datasets(series, kind) },
    options: {
      indexAxis: kind === 'horizontalBar' ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { labels: { filter: (item) => !item.text.endsWith('(lower)') } },
        tooltip: { mode: 'index', intersect: false },
      },
      scales: { [kind === 'horizontalBar' ? 'x' : 'y']: { title: { display: true, text: unit } } },
    },
    plugins: [whiteBackground],
  };
  return new Chart(canvas, config);
}
