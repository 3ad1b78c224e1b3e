import 'reflect-metadata';
import { loadConfig } from '../src/config.js';
import { dialectOf, followingRows, selectRows } from '../src/database/dialect.js';
import { initOrm } from '../src/app/orm.js';
import { ScorecardGrouping } from '../src/modules/agents/dto/agent-scorecard.type.js';
import { afterSelfService, SuperAgentService } from '../src/modules/agents/super-agent.service.js';
import { SqlBuilder } from '../src/modules/metrics/sql-builder.js';

/*
 * superAgents with each form of "after self-service" (afterSelfService), on a seeded database (CX_DATABASE_URL),
 * for the last 90 days up to UNTIL (default 2026-12-01), by agent and by team:
 *
 *   CX_DATABASE_URL=postgres://postgres@127.0.0.1:5432/cx-bench node --import tsx bench/super-agents.bench.ts
 *
 * "exists" probes the failed sessions for every contact of the window (what the API ran everywhere before,
 * and still runs on SQLite); "set" builds the contacts that follow a failed session once (what it runs on
 * PostgreSQL). Both must return the same rows (checked). Median wall time of RUNS (default 5) after a warm-up;
 * on PostgreSQL also EXPLAIN ANALYZE's execution time, its JIT time (the per-contact EXISTS makes the planner's
 * cost estimate pass jit_above_cost and jit_optimize_above_cost) and the planner's cost estimate.
 */
const RUNS = Number(process.env.RUNS ?? 5);
const until = new Date(process.env.UNTIL ?? '2026-12-01T00:00:00Z');
const filter = { from: new Date(until.getTime() - 90 * 86_400_000), to: until };

const orm = await initOrm(loadConfig(process.env).database);
const dialect = dialectOf(orm.em);
const knex = orm.em.getKnex();
const run = (sql: string) => selectRows(dialect, knex.raw(sql));

const [{ contacts } = { contacts: 0 }] = await run('select count(*) as contacts from contacts');
console.log(
  `superAgents, last 90 days up to ${until.toISOString().slice(0, 10)}, on ${dialect} with ` +
    `${Number(contacts).toLocaleString('en')} contacts; median of ${RUNS} runs (shared machine: wall times vary with load)`,
);
console.log(
  `| grouping | query | median ms | min ms |${dialect === 'postgresql' ? ' EXPLAIN ms | of which JIT ms | planner cost |' : ''}`,
);
console.log(`|---|---|---:|---:|${dialect === 'postgresql' ? '---:|---:|---:|' : ''}`);
for (const by of [ScorecardGrouping.AGENT, ScorecardGrouping.TEAM]) {
  const { hard, totals, about } = new SuperAgentService(orm.em.fork()).queries(filter, by);
  const now = [totals.toQuery(), about.toQuery()];
  const condition = hard.toQuery();
  if (!now.every((sql) => sql.includes(condition))) throw new Error('the condition is not in the queries');
  const builder = new SqlBuilder(orm.em.fork());
  const inForm = (form: 'set' | 'exists') =>
    now.map((sql) => sql.replace(condition, afterSelfService(builder, filter, form).toQuery()));
  const exists = inForm('exists');
  const set = inForm('set');
  const results = await Promise.all([...exists, ...set].map(run));
  const sorted = (rows: Record<string, unknown>[]) =>
    JSON.stringify(rows.map((row) => JSON.stringify(row)).sort());
  if (sorted(results[0]!) !== sorted(results[2]!) || sorted(results[1]!) !== sorted(results[3]!))
    throw new Error(`the two forms differ (${by})`);
  const api = followingRows(dialect);
  for (const [label, queries] of [
    [`exists: EXISTS per contact${api === 'exists' ? " (the API's here)" : ''}`, exists],
    [`set: contacts after failed sessions, built once${api === 'set' ? " (the API's here)" : ''}`, set],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      // The two queries of one ranking, run together as the service runs them.
      await Promise.all(queries.map(run));
      times.push(performance.now() - started);
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    let plan = '';
    if (dialect === 'postgresql') {
      const [row] = await run(`explain (analyze, format json) ${queries[0]}`);
      const [explained] = row!['QUERY PLAN'] as {
        'Execution Time': number;
        JIT?: { Timing: { Total: number | { Total: number } } };
        Plan: { 'Total Cost': number };
      }[];
      const jit = explained!.JIT?.Timing.Total;
      const jitMs = jit == null ? 0 : typeof jit === 'number' ? jit : jit.Total;
      plan = ` ${explained!['Execution Time'].toFixed(0)} | ${jitMs.toFixed(0)} | ${explained!.Plan['Total Cost'].toFixed(0)} |`;
    }
    console.log(`| ${by} | ${label} | ${median.toFixed(0)} | ${Math.min(...times).toFixed(0)} |${plan}`);
  }
}
await orm.close();
