// Per-draft CPU of crossReference on the xref bench's synthetic 5,000-character xwlb drafts (same generator and
// seed as `pnpm bench xref`), over several rounds, and every report written out so two builds can be compared
// result for result: `tsx src/xref-latency.ts [rounds] [out.json]`. Uses ../shared data/xwlb (exits when absent).
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { Archive, createBundle, crossReference } from '@jianbao/core';
import { sharedPath } from './shared-data.js';
import { makeDraft, rng, storyArticle } from './suites/xref.js';

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
crossReference(archive, '# 预热\n\n预热');
const rand = rng(20260213);
const drafts = Array.from({ length: 40 }, (_, n) => makeDraft(archive, fillers, rand, 5000, held[(n * 7) % held.length]!.title).draft);
const warmRand = rng(7);
for (let n = 0; n < 8; n++) crossReference(archive, makeDraft(archive, fillers, warmRand, 5000, held[(n * 11 + 3) % held.length]!.title).draft);
const cpu: number[] = [];
const load = [loadavg()[0]!];
let reports: unknown[] = [];
// XREF_PROFILE=file.cpuprofile: a CPU profile of the timed rounds only (after the index building and warm-up).
const profile = process.env.XREF_PROFILE;
const session = profile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
for (let r = 0; r < rounds; r++) {
  reports = [];
  const roundCpu = cpu.length;
  for (const d of drafts) {
    const c = process.cpuUsage();
    const report = crossReference(archive, d);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    reports.push(report);
  }
  const mine = cpu.slice(roundCpu).sort((a, b) => a - b);
  console.log(`round ${r + 1}: p50 ${mine[Math.ceil(mine.length / 2) - 1]!.toFixed(1)} p95 ${mine[Math.ceil(mine.length * 0.95) - 1]!.toFixed(1)}`);
}
load.push(loadavg()[0]!);
if (session) writeFileSync(profile!, JSON.stringify((await session.post('Profiler.stop')).profile));
const pct = (p: number) => [...cpu].sort((a, b) => a - b)[Math.min(cpu.length - 1, Math.ceil((p / 100) * cpu.length) - 1)]!;
console.log(`${drafts.length} drafts × ${rounds} rounds: CPU p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(1)} ms; load ${load.map((l) => l.toFixed(1)).join(' → ')}`);
if (out) writeFileSync(out, JSON.stringify(reports, null, 1));
