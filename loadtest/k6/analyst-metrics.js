import { sleep } from 'k6';
import { apiTarget, readOperations, sendOperation, thresholds } from './lib/graphql.js';
import { ANALYST_OPERATIONS } from './lib/operations.js';
import { summaryHandler } from './lib/summary.js';

/*
 * Analysts asking ad-hoc metric questions: a ramp of virtual users (up to CX_VUS, default 10, over
 * CX_DURATION, default 2m, in three stages), each sending one of the metric operations with a random
 * window (30 days to 2 years up to CX_LAST_DAY or today), grain and segment, then thinking 1-3 s.
 * Key role: analyst.
 */

const GRAINS = ['DAY', 'WEEK', 'MONTH', 'QUARTER'];
const WINDOW_DAYS = [30, 90, 365, 730];
const GENERATIONS = [null, ['BOOMER'], ['MILLENNIAL'], ['GEN_X', 'GEN_Z']];
const DAY_MS = 86400000;

const documents = readOperations(ANALYST_OPERATIONS, (path) => open(path));
const target = apiTarget();
const end = Date.parse(`${__ENV.CX_LAST_DAY || new Date().toISOString().slice(0, 10)}T00:00:00Z`) + DAY_MS;
const vus = Number(__ENV.CX_VUS || 10);
const stage = `${Math.max(1, Math.round(durationSeconds(__ENV.CX_DURATION || '2m') / 3))}s`;

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    analysts: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: stage, target: vus },
        { duration: stage, target: vus },
        { duration: stage, target: 0 },
      ],
      gracefulRampDown: '10s',
    },
  },
  thresholds: thresholds(1000),
};

export default function () {
  const days = pick(WINDOW_DAYS);
  sendOperation(target, documents, {
    operation: pick(ANALYST_OPERATIONS),
    variables: {
      filter: {
        from: new Date(end - days * DAY_MS).toISOString(),
        to: new Date(end).toISOString(),
        generations: pick(GENERATIONS),
      },
      grain: pick(GRAINS),
    },
  });
  sleep(1 + 2 * Math.random());
}

export const handleSummary = summaryHandler('analyst-metrics');

/**
 * @template T
 * @param {T[]} values
 * @returns {T}
 */
function pick(values) {
  return /** @type {T} */ (values[Math.floor(Math.random() * values.length)]);
}

/** @param {string} text a k6 duration such as 90s, 2m or 1h */
function durationSeconds(text) {
  const match = /^(\d+)(s|m|h)$/.exec(text);
  if (!match) throw new Error(`CX_DURATION: expected e.g. 90s, 2m or 1h, got "${text}"`);
  const unit = match[2] === 'h' ? 3600 : match[2] === 'm' ? 60 : 1;
  return Number(match[1]) * unit;
}
