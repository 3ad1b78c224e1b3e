/**
 * recurringCauses at scale: N detractor comments over 2025 (demo-like sentences of 8 to 16 words, from
 * N / 10 customers) plus 2,000 planted comments of 3,300 words, then the answer time of a year and of a
 * month window, and the longest event-loop stall meanwhile (what a cheap request would wait).
 *
 *   pnpm --filter @cx-pulse/api exec node --import tsx bench/recurring-causes.bench.ts --comments 1000000
 *   … --postgres postgres://postgres@127.0.0.1:5432/postgres   (PostgreSQL instead of a SQLite file)
 *   … --reuse /tmp/causes.sqlite   (a SQLite file or postgres:// URL: seeded when empty, kept afterwards)
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { toDbValue } from '../src/database/dialect.js';
import { initOrm } from '../src/app/orm.js';
import { RecurringCausesService } from '../src/modules/metrics/recurring-causes.service.js';
import { TimeGrain } from '../src/modules/metrics/time-grain.js';
import { createPostgresDatabase, createSqliteDatabase, reuseDatabase } from './bench-database.js';

/** A SQLite file to keep between runs, created when missing. */
function reuseSqlite(path: string) {
  return {
    config: { dialect: 'sqlite' as const, path, url: `sqlite:${path}` },
    location: path,
    reused: true,
  };
}

const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '1000000' },
    postgres: { type: 'string' },
    reuse: { type: 'string' },
  },
});
const COMMENTS = Number(values.comments);
const PLANTED = 2_000;
const CUSTOMERS = Math.max(100, Math.round(COMMENTS / 10));
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 86_400_000;
/** Rows per insert: SQLite's knex dialect writes a compound SELECT, of at most 500 terms. */
const BATCH = 400;

const WORDS = (
  'waited hold minutes agent app crashing refund slow billing charged twice password reset login ' +
  'transferred three times nobody called back promised chat bot useless queue long website error ' +
  'card declined delivery late rude helpful finally resolved fee unexpected statement branch closed'
).split(' ');

/** A deterministic pseudo-random generator, so that every run inserts the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

const database = values.reuse
  ? values.reuse.startsWith('postgres')
    ? reuseDatabase(values.reuse)
    : { ...reuseSqlite(values.reuse), drop: () => Promise.resolve() }
  : values.postgres
    ? await createPostgresDatabase(values.postgres, `cx_bench_causes_${process.pid}`)
    : createSqliteDatabase();
const orm = await initOrm(database.config);
const dialect = database.config.dialect;
const knex = orm.em.getConnection().getKnex();
const db = (date: Date) => toDbValue(dialect, date);
try {
  const [{ n: seeded }] = (await knex('survey_responses').count({ n: '*' })) as [{ n: number | string }];
  if (Number(seeded) === 0) await seed();
  await measure();
} finally {
  await orm.close(true);
  await database.drop();
}

async function seed(): Promise<void> {
  const started = performance.now();
  const now = db(new Date());
  for (let first = 0; first < CUSTOMERS; first += BATCH) {
    const rows = [];
    for (let i = first; i < Math.min(first + BATCH, CUSTOMERS); i++) {
      rows.push({
        external_id: `C${i}`,
        created_at: now,
        updated_at: now,
        birth_year: 1980,
        generation: 'millennial',
        signup_date: db(new Date(Date.UTC(2024, 0, 1))),
      });
    }
    await knex('customers').insert(rows);
  }
  const next = random(7);
  const long = Array.from({ length: 3_300 }, (_, i) => `planted${i}`).join(' ');
  for (let first = 0; first < COMMENTS + PLANTED; first += BATCH) {
    const rows = [];
    for (let i = first; i < Math.min(first + BATCH, COMMENTS + PLANTED); i++) {
      const words = Array.from(
        { length: 8 + Math.floor(next() * 9) },
        () => WORDS[Math.floor(next() * WORDS.length)],
      );
      rows.push({
        external_id: `R${i}`,
        created_at: now,
        updated_at: now,
        customer_id: 1 + (i % CUSTOMERS),
        type: 'nps',
        score: Math.floor(next() * 7),
        comment: i < COMMENTS ? words.join(' ') : long,
        responded_at: db(new Date(YEAR_START + Math.floor(next() * YEAR_MS))),
      });
    }
    await knex('survey_responses').insert(rows);
  }
  // As autovacuum would, soon after a load: statistics, and the visibility map that index-only scans need.
  if (dialect === 'postgresql') await knex.raw('vacuum analyze survey_responses');
  process.stderr.write(
    `inserted ${COMMENTS.toLocaleString('en')} + ${PLANTED.toLocaleString('en')} comments on ${dialect} in ` +
      `${Math.round((performance.now() - started) / 1000)} s\n`,
  );
}

async function measure(): Promise<void> {
  for (const [name, filter] of [
    ['year', { from: new Date(YEAR_START), to: new Date(YEAR_START + YEAR_MS) }],
    ['month', { from: new Date(Date.UTC(2025, 5, 1)), to: new Date(Date.UTC(2025, 6, 1)) }],
  ] as const) {
    for (let run = 1; run <= 3; run++) {
      let stall = 0;
      let tick = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        stall = Math.max(stall, now - tick - 5);
        tick = now;
      }, 5);
      const begun = performance.now();
      const causes = await new RecurringCausesService(orm.em.fork()).causes(filter, TimeGrain.MONTH, {
        top: 20,
        minCustomers: 5,
      });
      const ms = performance.now() - begun;
      clearInterval(timer);
      console.log(
        `${dialect} ${name} run ${run}: ${Math.round(ms)} ms, longest event-loop stall ${Math.round(stall)} ms, ` +
          `${causes.detractorComments.toLocaleString('en')} comments, ${causes.commentsAnalysed.toLocaleString('en')} analysed, ` +
          `top word "${causes.detractorWords?.[0]?.term}"`,
      );
    }
  }
}
