/**
 * Why is a read slow on this database? Serves an already seeded database in-process with the result cache
 * off and, for the Overview and the 12-month metrics query: the SQL statements each sends, their query plans
 * (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN), the first run (pages perhaps not yet in memory) against
 * the repeated ones, and which tables those statements read have planner statistics.
 *   node --import tsx bench/cold-reads.bench.ts <sqlite file | postgres:// url> [--until YYYY-MM-DD] [--runs 15]
 * It adds an API key and nothing else.
 */
import { Command } from 'commander';
import type { Knex } from '@mikro-orm/knex';
import { initOrm } from '../src/app/orm.js';
import { loadConfig } from '../src/config.js';
import { selectRows } from '../src/database/dialect.js';
import { ApiKeyService } from '../src/modules/auth/api-key.service.js';
import { Role } from '../src/modules/auth/role.js';
import { createServer } from '../src/server/server.js';
import { reuseDatabase } from './bench-database.js';
import { loadDashboardMix } from './dashboard-mix.js';
import { readOperation } from './graphql-client.js';
import { summarize } from './timing.js';

const DAY_MS = 86_400_000;
const program = new Command('cold-reads')
  .argument('<database>')
  .option('--until <date>', 'end of the seeded history, exclusive (UTC)', '2026-12-07')
  .option('--runs <n>', 'repeated runs of each operation after the first', '15')
  .parse();
const options = program.opts<{ until: string; runs: string }>();
const location = program.args[0]!;
const database = reuseDatabase(location);
const orm = await initOrm(database.config);
const knex = orm.em.getKnex();
const dialect = database.config.dialect;

/** Statements of the operation in flight, by SQL text (bindings differ only by value). */
let captured: Map<string, unknown[]> | null = null;
// GraphQL queries read through the read connection (a second SQLite connection, or a replica).
for (const type of ['write', 'read'] as const) {
  orm.em
    .getDriver()
    .getConnection(type)
    .getKnex()
    .on('query', (query: { sql: string; bindings?: unknown[] }) => {
      if (captured && !captured.has(query.sql)) captured.set(query.sql, query.bindings ?? []);
    });
}

const config = loadConfig({ ...process.env, CX_RESULT_CACHE: 'off' }, { rateLimitPerMinute: 1_000_000 });
const app = await createServer(orm, { ...config, database: database.config }, { logger: false });
const { token } = await new ApiKeyService(orm.em.fork()).create('cold-reads', Role.EXECUTIVE);
const until = new Date(`${options.until}T00:00:00Z`);
const lastDay = new Date(until.getTime() - DAY_MS).toISOString().slice(0, 10);
const mix = (await loadDashboardMix()).dashboardMix(lastDay);
const overview = mix.find((call) => call.operation === 'Overview')!;
const from = new Date(Date.UTC(until.getUTCFullYear() - 1, until.getUTCMonth(), until.getUTCDate()));
const calls = {
  Overview: overview,
  'MetricsByChannelGeneration, 12 months': {
    operation: 'MetricsByChannelGeneration',
    variables: { filter: { from, to: until }, grain: 'MONTH' },
  },
};

async function send(operation: string, variables: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: { query: readOperation(operation), variables },
  });
  const elapsed = performance.now() - started;
  const body = response.json<{ errors?: { message: string }[] }>();
  if (body.errors?.length) throw new Error(`${operation}: ${body.errors.map((e) => e.message).join('; ')}`);
  return elapsed;
}

async function plan(sql: string, bindings: unknown[]): Promise<string[]> {
  const explain = dialect === 'sqlite' ? 'explain query plan' : 'explain';
  // PostgreSQL's statements arrive with their placeholders numbered ($1, $2 …, in order); knex binds `?`.
  const text = dialect === 'sqlite' ? sql : sql.replace(/\$\d+/g, '?');
  const rows = await selectRows(dialect, knex.raw(`${explain} ${text}`, bindings as Knex.RawBinding[]));
  return rows.map((row) => String(dialect === 'sqlite' ? row.detail : row['QUERY PLAN']));
}

const tablesRead = new Set<string>();
for (const [label, call] of Object.entries(calls)) {
  captured = new Map();
  const first = await send(call.operation, call.variables);
  const statements = captured;
  captured = null;
  const repeated: number[] = [];
  for (let run = 0; run < Number(options.runs); run++)
    repeated.push(await send(call.operation, call.variables));
  const summary = summarize(repeated);
  console.log(
    `\n## ${label}: first ${first.toFixed(1)} ms; then p50 ${summary.p50.toFixed(1)}, p95 ${summary.p95.toFixed(1)} ms over ${summary.runs} runs`,
  );
  for (const [sql, bindings] of statements) {
    if (!/^\s*(with|select)\b/i.test(sql)) continue;
    for (const [, table] of sql.matchAll(/\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi))
      tablesRead.add(table!);
    console.log(`\n${sql.replace(/\s+/g, ' ')}`);
    console.log(`    bindings ${JSON.stringify(bindings)}`);
    for (const line of await plan(sql, bindings)) console.log(`    ${line}`);
  }
}

console.log('\n## Planner statistics of the tables these statements read');
const names = await selectRows(
  dialect,
  knex.raw(
    dialect === 'sqlite'
      ? "select name from sqlite_master where type = 'table'"
      : 'select tablename as name from pg_tables where schemaname = current_schema()',
  ),
);
const existing = new Set(names.map((row) => String(row.name)));
for (const table of [...tablesRead].filter((name) => existing.has(name)).sort()) {
  if (dialect === 'sqlite') {
    const stats = await selectRows(
      dialect,
      knex.raw('select idx, stat from sqlite_stat1 where tbl = ?', [table]),
    );
    const [count] = await selectRows(dialect, knex.raw(`select count(*) as n from "${table}"`));
    const described = stats.map(
      (row) => `${typeof row.idx === 'string' ? row.idx : '(table)'} ${String(row.stat).split(' ')[0]}`,
    );
    console.log(`${table}: ${String(count!.n)} rows; sqlite_stat1: ${described.join(', ') || 'none'}`);
  } else {
    const [stats] = await selectRows(
      dialect,
      knex.raw(
        `select c.reltuples, s.n_live_tup, s.last_analyze, s.last_autoanalyze, s.last_vacuum, s.last_autovacuum,
                c.relallvisible, c.relpages
           from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = ?`,
        [table],
      ),
    );
    console.log(`${table}: ${JSON.stringify(stats)}`);
  }
}
await app.close();
await orm.close(true);
