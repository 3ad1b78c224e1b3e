/*
 * handleSummary for every scenario: k6's end-of-test data as JSON in a file (for comparison between runs),
 * and a few lines on stdout with what the thresholds judge.
 */

/**
 * @param {string} scenario names the default file, loadtest/results/k6-<scenario>.json (relative to where
 *   k6 runs: the repository root); CX_SUMMARY overrides the path
 * @returns {(data: any) => Record<string, string>}
 */
export function summaryHandler(scenario) {
  return (data) => {
    const file = __ENV.CX_SUMMARY || `loadtest/results/k6-${scenario}.json`;
    return { [file]: `${JSON.stringify(data, null, 2)}\n`, stdout: describe(scenario, data, file) };
  };
}

/**
 * @param {string} scenario
 * @param {any} data
 * @param {string} file
 */
function describe(scenario, data, file) {
  const metrics = data.metrics;
  const duration = metrics.http_req_duration ? metrics.http_req_duration.values : {};
  const ms = (/** @type {number | undefined} */ value) =>
    value === undefined ? 'n/a' : `${value.toFixed(1)} ms`;
  const lines = [
    `${scenario}: ${count(metrics.http_reqs)} requests (${rate(metrics.http_reqs)}/s), ` +
      `${count(metrics.iterations)} iterations`,
    `  latency p50 ${ms(duration.med)}, p90 ${ms(duration['p(90)'])}, p95 ${ms(duration['p(95)'])}, ` +
      `max ${ms(duration.max)}`,
    `  errors ${metrics.cx_errors ? (100 * metrics.cx_errors.values.rate).toFixed(2) : '0.00'}%`,
  ];
  for (const [name, metric] of Object.entries(metrics)) {
    for (const [threshold, result] of Object.entries(/** @type {any} */ (metric).thresholds || {})) {
      lines.push(`  ${/** @type {any} */ (result).ok ? 'ok    ' : 'FAILED'} ${name} ${threshold}`);
    }
  }
  lines.push(`  summary written to ${file}`, '');
  return lines.join('\n');
}

/** @param {any} metric */
function count(metric) {
  return metric ? String(metric.values.count) : '0';
}

/** @param {any} metric */
function rate(metric) {
  return metric ? metric.values.rate.toFixed(1) : '0';
}
