import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeInputs, probes, type FuzzInput } from '../fuzz/inputs.mjs';
import { runFuzz } from '../fuzz/run.mjs';
import { buildBundle, serializeBundle, type Article } from '../src/index.js';

// The CI part of the fuzz suite (the long run is `pnpm bench fuzz`): a fixed seed, ~300 random and
// mutated inputs across bundle loading, page parsing and xref, and the targeted probes at 200,000
// characters, each in a worker with a heap cap and a deadline. The deadline is generous (this
// machine runs under heavy load): it catches hangs such as the quadratic quantity scan
// (240,000 digits: 37 s), not slowness, which the bench measures.
const SEED = 20_261_207;
const DEADLINE_MS = (input: FuzzInput) => 30_000 + input.input.length / 20; // 30 s + 50 s per MB

const seeds = join(import.meta.dirname, '../../../seeds');
const pages = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seeds, f), 'utf8'));
const article = (id: string, title: string, body: string[]): Article => ({
  id, paper: '晋中日报', date: '2025-02-13', page: 'p.txt', title, titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: { text: '2月13日', iso: '2025-02-13' }, kind: 'news', source: null, paragraphs: body, continues: null, continuationOf: null,
});
const bundles = [
  serializeBundle(buildBundle({ pages: pages.slice(0, 1).map((text) => ({ name: 'p.txt', text: text.slice(0, 6000) })) }, { name: 'fuzz' })),
  serializeBundle(buildBundle({ articles: [article('a1', '千万工程推进会', ['市委书记张三出席并讲话，投资1.5亿元。']), article('a2', '集大原高铁贯通', ['全长300公里。'])] }, { name: 'fuzz 2' })),
];

describe('fuzz (CI part: fixed seed, short budget)', () => {
  it('no input crashes, hangs or exhausts the heap in bundle loading, page parsing or xref', async () => {
    const inputs = [...makeInputs(SEED, 300, { bundles, pages }), ...probes(1)];
    inputs.forEach((input, i) => {
      if (input.entry === 'bundle' && i % 4 === 0) input.async = true;
    });
    const results = await runFuzz(inputs, { deadlineMs: DEADLINE_MS, heapMb: 768 });
    const failures = results.filter((r) => r.status !== 'ok').map((r) => `${r.status}: ${r.name} (${r.chars} chars): ${r.error}`);
    expect(failures).toEqual([]);
    // Every entry point really ran, and bundles were both refused and loaded.
    const outcomes = new Set(results.filter((r) => r.entry === 'bundle').map((r) => r.outcome));
    expect(outcomes).toContain('refused');
    expect(outcomes).toContain('loaded');
    expect(results.filter((r) => r.entry === 'page').length).toBeGreaterThan(100);
    expect(results.filter((r) => r.entry === 'xref').length).toBeGreaterThan(100);
  }, 900_000);
});
