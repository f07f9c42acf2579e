// The long fuzz run: ≥ 10,000 inputs (fixed seed) across bundle loading, page parsing and xref, each
// in a worker with a heap cap and a deadline, plus the targeted probes at 1 MB. Reports crashes,
// hangs (over the deadline: 1 s per MB of input, at least 5 s, scaled by the machine's load) and
// memory failures, the slowest inputs per entry point and the largest heap seen. The unit test
// (core test/fuzz.test.ts) runs ~300 inputs of the same generator in CI.
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, serializeBundle } from '@jianbao/core';
import { makeInputs, probes } from '../../../packages/core/fuzz/inputs.mjs';
import { runFuzz, type FuzzResult } from '../../../packages/core/fuzz/run.mjs';
import { fmt, table, type SuiteResult } from '../report.js';

const SEED = 16_016;
const COUNT = Number(process.env.JIANBAO_FUZZ_COUNT ?? 10_000);
const HEAP_MB = 768;

export async function run(): Promise<SuiteResult> {
  const seeds = fileURLToPath(new URL('../../../seeds/', import.meta.url));
  const pages = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seeds, f), 'utf8'));
  const bundles = [
    serializeBundle(buildBundle({ pages: [{ name: 'p.txt', text: pages[0]!.slice(0, 6000) }] }, { name: 'fuzz' })),
    serializeBundle(buildBundle({ pages: [{ name: 'q.txt', text: pages[1]!.slice(0, 2000) }] }, { name: 'fuzz 2' })),
  ];
  const load = loadavg()[0]!;
  // Busy machine, slower answers: the deadline grows with the load per core (never below 1 s per MB).
  const factor = Math.max(1, load / cpus().length);
  const deadline = (chars: number) => Math.max(5_000, (chars / 1e6) * 1_000) * factor;
  const inputs = [...makeInputs(SEED, COUNT, { bundles, pages }), ...probes(5)];
  inputs.forEach((input, i) => {
    if (input.entry === 'bundle' && i % 4 === 0) input.async = true;
  });
  const started = performance.now();
  let done = 0;
  const tally: Record<string, number> = {};
  const results = await runFuzz(inputs, {
    deadlineMs: (input) => deadline(input.input.length),
    heapMb: HEAP_MB,
    onResult: (r) => {
      tally[`${r.entry} ${r.status}`] = (tally[`${r.entry} ${r.status}`] ?? 0) + 1;
      if (r.status !== 'ok') process.stderr.write(`  fuzz: ${r.status}: ${r.name} (${r.chars} chars): ${(r.error ?? '').split('\n')[0]}\n`);
      if (++done % 500 === 0) process.stderr.write(`  fuzz: ${done} of ${inputs.length} ${JSON.stringify(tally)}\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = (['bundle', 'page', 'xref'] as const).map((entry) => {
    const mine = results.filter((r) => r.entry === entry);
    const count = (s: FuzzResult['status']) => mine.filter((r) => r.status === s).length;
    const slowest = mine.reduce((a, b) => (b.ms / Math.max(b.chars, 1e5) > a.ms / Math.max(a.chars, 1e5) ? b : a));
    const heap = mine.reduce((m, r) => Math.max(m, r.heapMb ?? 0), 0);
    return [entry, mine.length, count('crash'), count('hang'), count('memory'), `${fmt(slowest.ms, 0)} ms (${slowest.chars} chars, ${slowest.name})`, fmt(heap, 0)];
  });
  const failures = results.filter((r) => r.status !== 'ok').slice(0, 20).map((r) => `- ${r.status}: ${r.name} (${r.chars} chars): ${(r.error ?? '').split('\n')[0]}`);
  return {
    title: `Fuzz: ${inputs.length} inputs across bundle loading, page parsing and xref`,
    body: [
      table(['entry point', 'inputs', 'crashes', 'hangs', 'memory', 'slowest per 100k characters', 'max heap MB'], rows),
      '',
      `Seed ${SEED}; heap cap ${HEAP_MB} MB per worker; deadline max(5 s, 1 s per MB) × ${fmt(factor, 1)} (load average ${fmt(load, 1)} on ${cpus().length} cores); ${fmt(seconds, 0)} s in all.`,
      failures.length ? `\nFailures:\n${failures.join('\n')}` : '\nNo crashes, hangs or memory failures.',
    ].join('\n'),
  };
}
