// Per-draft CPU of crossReference on the xref bench's synthetic 5,000-character xwlb drafts (same generator and
// seed as `pnpm bench xref`), over several rounds, and every report written out so two builds can be compared
// result for result: `tsx src/xref-latency.ts [rounds] [out.json]`. Uses ../shared data/xwlb (exits when absent).
// XREF_CORE=/path/to/core/dist/index.js measures another build of core (a baseline worktree) with the same drafts;
// scripts/xref-latency-compare.mjs runs builds in turn, several processes each. Round 1 is each draft's first
// check (the articles it touches are touched for the first time since the archive was prepared, as hosts do with
// prepareCrossReference); later rounds repeat the same drafts. The last line is JSON for the comparing script.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import * as localCore from '@jianbao/core';
import { sharedPath } from './shared-data.js';
import { makeDraft, rng, storyArticle } from './suites/xref.js';

const core = (process.env.XREF_CORE ? await import(process.env.XREF_CORE) : localCore) as typeof localCore;
const { Archive, createBundle, crossReference } = core;
const rounds = Number(process.argv[2] ?? 3);
const out = process.argv[3];
const path = sharedPath('data', 'xwlb', 'stories.jsonl.gz');
if (!path) {
  console.log('data/xwlb absent: skipped');
  process.exit(0);
}
type Story = Parameters<typeof storyArticle>[0];
const stories = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Story);
const held = stories.filter((_, i) => i % 40 === 7 && stories[i]!.paragraphs.length);
const archive = new Archive(createBundle(stories.filter((_, i) => i % 40 !== 7).map(storyArticle), { name: 'xwlb' }));
const fillers = held.flatMap((s) => s.paragraphs.map((p) => p.replace(/^央视网消息（新闻联播）：/, ''))).filter((p) => p.length >= 100);
const buildStart = process.cpuUsage();
// As hosts do after loading an archive (older builds without it: a first small check builds the indexes).
if (typeof core.prepareCrossReference === 'function') await core.prepareCrossReference(archive);
crossReference(archive, '# 预热\n\n预热');
const prepareCpu = cpuMs(process.cpuUsage(buildStart));
const rand = rng(20260213);
const drafts = Array.from({ length: 40 }, (_, n) => makeDraft(archive, fillers, rand, 5000, held[(n * 7) % held.length]!.title).draft);
const warmRand = rng(7);
for (let n = 0; n < 8; n++) crossReference(archive, makeDraft(archive, fillers, warmRand, 5000, held[(n * 11 + 3) % held.length]!.title).draft);
const cpu: number[] = [];
const byRound: number[][] = [];
const load = [loadavg()[0]!];
let reports: unknown[] = [];
// XREF_PROFILE=file.cpuprofile: a CPU profile of the timed rounds only (after the index building and warm-up).
const profile = process.env.XREF_PROFILE;
const session = profile ? new Session() : undefined;
// XREF_PROFILE_ROUND=n: that round only (1: the first checks, 2: the same drafts again).
const profileRound = Number(process.env.XREF_PROFILE_ROUND ?? 0);
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  if (!profileRound) await session.post('Profiler.start');
}
for (let r = 0; r < rounds; r++) {
  if (session && profileRound === r + 1) {
    if (process.env.XREF_HEAP) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true } as never);
    else await session.post('Profiler.start');
  }
  reports = [];
  const roundCpu = cpu.length;
  for (const d of drafts) {
    const c = process.cpuUsage();
    const report = crossReference(archive, d);
    const used = process.cpuUsage(c);
    cpu.push(cpuMs(used));
    reports.push(report);
  }
  byRound.push(cpu.slice(roundCpu));
  const mine = cpu.slice(roundCpu).sort((a, b) => a - b);
  console.log(`round ${r + 1}: p50 ${mine[Math.ceil(mine.length / 2) - 1]!.toFixed(1)} p95 ${mine[Math.ceil(mine.length * 0.95) - 1]!.toFixed(1)}`);
  if (session && profileRound === r + 1) {
    const stopped = process.env.XREF_HEAP ? await session.post('HeapProfiler.stopSampling') : await session.post('Profiler.stop');
    writeFileSync(profile!, JSON.stringify(stopped.profile));
  }
}
load.push(loadavg()[0]!);
if (session && !profileRound) writeFileSync(profile!, JSON.stringify((await session.post('Profiler.stop')).profile));
const pct = (p: number) => [...cpu].sort((a, b) => a - b)[Math.min(cpu.length - 1, Math.ceil((p / 100) * cpu.length) - 1)]!;
console.log(`${drafts.length} drafts × ${rounds} rounds: CPU p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(1)} ms; load ${load.map((l) => l.toFixed(1)).join(' → ')}`);
const minOverRounds = drafts.map((_, i) => Math.min(...byRound.map((r) => r[i]!)));
const sortedPct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
console.log(JSON.stringify({ prepareCpu, heapMB: process.memoryUsage().heapUsed / 2 ** 20, load, p50: pct(50), p95: pct(95),
  firstP50: sortedPct(byRound[0]!, 50), firstP95: sortedPct(byRound[0]!, 95), minP50: sortedPct(minOverRounds, 50), minP95: sortedPct(minOverRounds, 95), byRound }));
if (out) writeFileSync(out, JSON.stringify(reports, null, 1));

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}
