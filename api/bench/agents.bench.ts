import 'reflect-metadata';
import { loadConfig } from '../src/config.js';
import { dialectOf, selectRows } from '../src/database/dialect.js';
import { initOrm } from '../src/app/orm.js';
import { ScorecardGrouping } from '../src/modules/agents/dto/agent-scorecard.type.js';
import { ScorecardService } from '../src/modules/agents/scorecard.service.js';
import { SuperAgentService } from '../src/modules/agents/super-agent.service.js';
import { ExceptionService } from '../src/modules/exceptions/exception.service.js';
import { Dimension } from '../src/modules/metrics/dimension.js';
import { MetricsService } from '../src/modules/metrics/metrics.service.js';

/*
 * Query times of the agent views on a seeded database (CX_DATABASE_URL), median of RUNS after a warm-up:
 *
 *   CX_DATABASE_URL=sqlite:/tmp/cx-1m.sqlite pnpm cx seed --customers 400000 --months 12 --until 2026-12-01
 *   CX_DATABASE_URL=sqlite:/tmp/cx-1m.sqlite node --import tsx bench/agents.bench.ts
 *
 * (400,000 customers over a year give about 1,000,000 contacts; the same with a postgres:// URL.)
 * UNTIL (default 2026-12-01) ends the windows: the last month for scorecards, 90 days for the rankings.
 */
const RUNS = Number(process.env.RUNS ?? 5);
const DAY_MS = 86_400_000;
const until = new Date(process.env.UNTIL ?? '2026-12-01T00:00:00Z');
const month = { from: new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth() - 1, 1)), to: until };
const quarter = { from: new Date(until.getTime() - 90 * DAY_MS), to: until };

const orm = await initOrm(loadConfig(process.env).database);
const em = () => orm.em.fork();
const CASES: [string, () => Promise<unknown>][] = [
  [
    'agentScorecards by AGENT, last month',
    () => new ScorecardService(em()).scorecards(month, ScorecardGrouping.AGENT, 30),
  ],
  [
    'agentScorecards by TEAM, last month',
    () => new ScorecardService(em()).scorecards(month, ScorecardGrouping.TEAM, 30),
  ],
  [
    'superAgents by AGENT, last 90 days',
    () => new SuperAgentService(em()).ranking(quarter, ScorecardGrouping.AGENT, 30),
  ],
  [
    'superAgents by TEAM, last 90 days',
    () => new SuperAgentService(em()).ranking(quarter, ScorecardGrouping.TEAM, 30),
  ],
  ['exceptionReport, last 90 days', () => new ExceptionService(em()).report(quarter)],
  [
    'exceptions (first page of 50), last 90 days',
    () => new ExceptionService(em()).page(quarter, { first: 50 }),
  ],
  [
    'metrics fcrRate, nps by TEAM, last month (rollups)',
    () =>
      new MetricsService(em()).metrics({
        measures: ['fcrRate', 'nps'],
        dimensions: [Dimension.TEAM],
        grain: null,
        filter: month,
      }),
  ],
];
const [{ contacts } = { contacts: 0 }] = await selectRows(
  dialectOf(orm.em),
  orm.em.getKnex().raw('select count(*) as contacts from contacts'),
);
// CPU time of this process too: on SQLite the query runs in it, and on a busy machine the wall time mostly waits.
console.log(
  `| query (${Number(contacts ?? 0).toLocaleString('en')} contacts) | median ms | min ms | CPU ms (median) |`,
);
console.log('|---|---:|---:|---:|');
for (const [label, run] of CASES) {
  await run();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await run();
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const fastest = Math.min(...times);
  console.log(
    `| ${label} | ${median(times).toFixed(0)} | ${fastest.toFixed(0)} | ${median(cpu).toFixed(0)} |`,
  );
}
await orm.close();
