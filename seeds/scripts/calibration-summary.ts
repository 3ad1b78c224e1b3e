/**
 * Prints the figures the demo data is calibrated to, measured on generated rows (no database):
 *   pnpm --filter @cx-pulse/api exec tsx ../seeds/scripts/calibration-summary.ts [customers=20000] [seed=1] [until=2026-12-07]
 */
import {
  CHANNELS,
  generateCustomers,
  generationOf,
  windowOf,
  type ContactRow,
  type SurveyRow,
} from '../src/index.js';

const [customers = 20_000, seed = 1] = process.argv.slice(2, 4).map(Number);
const until = new Date(`${process.argv[4] ?? '2026-12-07'}T00:00:00Z`);
const options = { seed, months: 12, until };
const batch = generateCustomers(options, 0, customers);
const window = windowOf(options);
const DAY_MS = 86_400_000;
const time = (iso: string) => Date.parse(iso);
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const nps = (rows: SurveyRow[]) => {
  const scores = rows.filter((r) => r.type === 'nps').map((r) => r.score);
  return (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
};

const activeAtStart = batch.customers.filter((c) => time(c.signup_date) < window.start);
const churned = activeAtStart.filter((c) => c.churned_at !== null).length;
console.log(`customers ${customers}, seed ${seed}, 12 months up to ${until.toISOString().slice(0, 10)}`);
console.log(
  `rows: ${batch.surveys.length} surveys, ${batch.contacts.length} contacts, ${batch.sessions.length} sessions`,
);
console.log(`annual churn (customers active at the start): ${pct(churned, activeAtStart.length)}`);
const snapshot = window.end - 90 * DAY_MS;
const activeAtSnapshot = batch.customers.filter(
  (c) => time(c.signup_date) < snapshot && (c.churned_at === null || time(c.churned_at) >= snapshot),
);
console.log(
  `churn within the last 90 days (active 90 days before the end): ${pct(
    activeAtSnapshot.filter((c) => c.churned_at !== null).length,
    activeAtSnapshot.length,
  )}`,
);
console.log(`NPS overall ${nps(batch.surveys).toFixed(1)}`);
for (const channel of CHANNELS) {
  const rows = batch.surveys.filter((s) => s.channel === channel);
  const csat = mean(rows.filter((s) => s.type === 'csat').map((s) => s.score));
  console.log(`  ${channel.padEnd(10)} NPS ${nps(rows).toFixed(1).padStart(6)}  CSAT ${csat.toFixed(2)}`);
}
const byId = new Map(batch.customers.map((c) => [c.customer_id, c]));
for (const generation of ['boomer', 'millennial'] as const) {
  const contacts = batch.contacts.filter(
    (k: ContactRow) => generationOf(byId.get(k.customer_id)!.birth_year) === generation,
  );
  const share = (channels: string[]) =>
    pct(contacts.filter((k) => channels.includes(k.channel)).length, contacts.length);
  console.log(
    `  ${generation}: chat+social ${share(['chat', 'social'])}, phone+in_person+email ${share(['phone', 'in_person', 'email'])}`,
  );
}
const sessions = batch.sessions;
console.log(
  `deflection (resolved sessions) ${pct(sessions.filter((s) => s.outcome === 'resolved').length, sessions.length)}, ` +
    `escalated ${pct(sessions.filter((s) => s.outcome === 'escalated').length, sessions.length)}`,
);
const surveysOf = new Map<string, SurveyRow[]>();
for (const s of batch.surveys) surveysOf.set(s.customer_id, [...(surveysOf.get(s.customer_id) ?? []), s]);
const escalated = sessions.filter((s) => s.outcome === 'escalated');
const backfired = escalated.filter((session) =>
  (surveysOf.get(session.customer_id) ?? []).some(
    (r) =>
      ((r.type === 'nps' && r.score <= 6) || (r.type === 'csat' && r.score <= 2)) &&
      time(r.responded_at) > time(session.started_at) &&
      time(r.responded_at) <= time(session.started_at) + 7 * DAY_MS,
  ),
);
console.log(`backfire rate ${pct(backfired.length, escalated.length)} of escalated sessions`);
