// Runs src/xref-latency.ts for several builds of core in turn (one process each, the order rotated every run, so
// load drifts fall on every build alike) and prints per build: CPU p50/p95 over all rounds, the first round's p95
// (each draft's first check after the archive was prepared: what an editor meets), and the p95 of each draft's
// minimum over rounds; each per run and pooled over runs.
// node scripts/xref-latency-compare.mjs RUNS ROUNDS name=/abs/core/dist/index.js ... (name=. : this worktree's core)
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';

const [runs, rounds, ...builds] = process.argv.slice(2);
const named = builds.map((b) => { const [name, path] = b.split('='); return { name, path: path === '.' ? '' : path, res: [] }; });
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const f = (x) => x.toFixed(1);
for (let r = 0; r < Number(runs); r++) {
  for (let k = 0; k < named.length; k++) {
    const b = named[(k + r) % named.length];
    const out = execFileSync('pnpm', ['exec', 'tsx', 'src/xref-latency.ts', rounds], { env: { ...process.env, XREF_CORE: b.path }, encoding: 'utf8', maxBuffer: 1 << 26 });
    const j = JSON.parse(out.trim().split('\n').at(-1));
    b.res.push(j);
    console.log(`run ${r + 1} ${b.name}: p50 ${f(j.p50)} p95 ${f(j.p95)} first-round p95 ${f(j.firstP95)} min-over-rounds p95 ${f(j.minP95)}; prepare ${Math.round(j.prepareCpu)} ms CPU, heap ${Math.round(j.heapMB)} MB; load ${j.load.map(f).join('→')}`);
  }
}
console.log(`\npooled over ${runs} runs (load now ${loadavg().map(f).join(' ')}):`);
for (const b of named) {
  const all = b.res.flatMap((j) => j.byRound.flat());
  const first = b.res.flatMap((j) => j.byRound[0]);
  const mins = b.res.flatMap((j) => j.byRound[0].map((_, i) => Math.min(...j.byRound.map((x) => x[i]))));
  console.log(`${b.name}: all p50 ${f(pct(all, 50))} p95 ${f(pct(all, 95))} | first round p50 ${f(pct(first, 50))} p95 ${f(pct(first, 95))} | per-draft min p50 ${f(pct(mins, 50))} p95 ${f(pct(mins, 95))} | p95 per run ${b.res.map((j) => f(j.p95)).join(' ')} | first-round p95 per run ${b.res.map((j) => f(j.firstP95)).join(' ')}`);
}
