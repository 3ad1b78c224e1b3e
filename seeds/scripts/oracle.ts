import { simulateActivity } from '../src/activity.js';
import { churnTime } from '../src/churn.js';
import { createProfile } from '../src/customers.js';
import { dissatisfactionAt } from '../src/dissatisfaction.js';
import { Random } from '../src/random.js';
import { windowOf } from '../src/window.js';
const [n = 5000, seed = 7] = process.argv.slice(2).map(Number);
const window = windowOf({ seed, months: 12, until: new Date('2026-12-07T00:00:00Z') });
const snap = window.end - 90 * 86400000;
const rows: { d: number; y: number }[] = [];
let startActive = 0,
  startChurn = 0,
  endActive = 0,
  endHigh = 0;
for (let i = 0; i < n; i++) {
  const p = createProfile(new Random(seed, i, 1), window, 'C', i + 1);
  const ev = simulateActivity(new Random(seed, i, 2), p, window);
  const t = churnTime(new Random(seed, i, 3), p, ev, window);
  if (p.signupAt < window.start) {
    startActive++;
    if (t !== null) startChurn++;
  }
  if (t === null) {
    endActive++;
    if (dissatisfactionAt(ev, Math.max(window.start, p.signupAt), window.end) >= 2.5) endHigh++;
  }
  if (p.signupAt >= snap || (t !== null && t < snap)) continue;
  const from = Math.max(window.start, p.signupAt);
  rows.push({
    d: dissatisfactionAt(
      ev.filter((e) => e.at < snap),
      from,
      snap,
    ),
    y: t !== null ? 1 : 0,
  });
}
rows.sort((a, b) => a.d - b.d);
const pos = rows.filter((r) => r.y).length,
  neg = rows.length - pos;
let rank = 0,
  sum = 0;
for (let s = 0; s < rows.length;) {
  let e = s;
  while (e < rows.length && rows[e]!.d === rows[s]!.d) e++;
  const avg = (s + 1 + e) / 2;
  for (let i = s; i < e; i++) if (rows[i]!.y) sum += avg;
  s = e;
}
const auc = (sum - (pos * (pos + 1)) / 2) / (pos * neg);
const top = rows.slice(Math.floor(rows.length * 0.9)).filter((r) => r.y).length;
const q = (f: number) => rows[Math.floor(rows.length * f)]!.d.toFixed(2);
console.log(
  `endHigh ${((100 * endHigh) / endActive).toFixed(2)}% annual ${((100 * startChurn) / startActive).toFixed(1)}% 90d ${((100 * pos) / rows.length).toFixed(1)}% oracleAUC ${auc.toFixed(3)} top10 ${((100 * top) / pos).toFixed(0)}% D q50 ${q(0.5)} q90 ${q(0.9)} q99 ${q(0.99)}`,
);
for (const lo of [0, 0.5, 1, 2, 2.5, 3, 4]) {
  const g = rows.filter((r) => r.d >= lo && r.d < lo + (lo < 1 || lo === 2 || lo === 2.5 ? 0.5 : 1));
  console.log(
    `  D ${lo}: n ${g.length} churn ${((100 * g.filter((r) => r.y).length) / g.length).toFixed(1)}%`,
  );
}
