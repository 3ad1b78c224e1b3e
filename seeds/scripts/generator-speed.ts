/**
 * Times the generator alone (no database; wall and CPU time, as the machine may be shared) and prints a SHA-256 of every generated row, so a change to the
 * generator can be checked to keep its output identical:
 *   pnpm --filter @cx-pulse/api exec tsx ../seeds/scripts/generator-speed.ts [customers=20000] [seed=1] [until=2026-12-07] [months=12]
 */
import { createHash } from 'node:crypto';
import { generateCustomers } from '../src/index.js';

const [customers = 20_000, seed = 1] = process.argv.slice(2, 4).map(Number);
const until = new Date(`${process.argv[4] ?? '2026-12-07'}T00:00:00Z`);
const months = Number(process.argv[5] ?? 12);
const CHUNK = 5_000;
const hash = createHash('sha256');
const counts = { customers: 0, contacts: 0, surveys: 0, sessions: 0 };
let generatingMs = 0;
let cpuMicros = 0;
for (let from = 0; from < customers; from += CHUNK) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const batch = generateCustomers({ seed, months, until }, from, Math.min(CHUNK, customers - from));
  const used = process.cpuUsage(cpu);
  cpuMicros += used.user + used.system;
  generatingMs += performance.now() - started;
  for (const kind of ['customers', 'contacts', 'surveys', 'sessions'] as const) {
    counts[kind] += batch[kind].length;
    for (const row of batch[kind]) hash.update(JSON.stringify(row)).update('\n');
  }
}
console.log(
  `${customers} customers (seed ${seed}, ${months} months to ${until.toISOString().slice(0, 10)}): ` +
    `${(generatingMs / 1000).toFixed(2)} s, ${Math.round(customers / (generatingMs / 1000))} customers/s ` +
    `(CPU ${(cpuMicros / 1e6).toFixed(2)} s, ${Math.round(customers / (cpuMicros / 1e6))} customers per CPU-second); ` +
    `rows ${JSON.stringify(counts)}; sha256 ${hash.digest('hex')}`,
);
