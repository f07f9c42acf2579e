// Fact checks on the planted-error set (src/facts/plant.ts, seed fixed in advance): each case is a small draft made
// from one xwlb sentence with one planted change (or none), checked against the whole xwlb archive. Rates are
// reported for the dev half (tuned on) and the held-out half (never tuned on) separately.
// Uses ../shared/data/xwlb: skipped cleanly when absent.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { Archive, createBundle, crossReference, type XrefReport } from '@jianbao/core';
import { plantCases, SEED, type FactCase } from '../facts/plant.js';
import { fmt, table, type SuiteResult } from '../report.js';
import { REPO_ROOT } from '../shared-data.js';
import { loadXwlbArticles } from '../xwlb.js';

/** The committed manifest of the set (ids, offsets, labels, the short planted strings; no xwlb text). */
const MANIFEST = join(REPO_ROOT, 'benchmarks', 'facts', `set-${SEED}.json`);
const manifestOf = (cases: FactCase[]) => cases.map(({ draft: _draft, ...rest }) => rest);

/** The regenerated set against the committed manifest: any drift (generator or archive changed) is reported, not hidden. */
function checkManifest(cases: FactCase[]): string {
  const mine = JSON.stringify(manifestOf(cases), null, 0);
  if (process.env.XREF_FACTS_WRITE === '1' || !existsSync(MANIFEST)) {
    writeFileSync(MANIFEST, '[\n' + manifestOf(cases).map((c) => JSON.stringify(c)).join(',\n') + '\n]\n');
    return `Manifest written to benchmarks/facts/set-${SEED}.json.`;
  }
  const committed = JSON.stringify(JSON.parse(readFileSync(MANIFEST, 'utf8')), null, 0);
  return committed === mine ? 'The regenerated set matches the committed manifest.' : '**The regenerated set differs from the committed manifest** (generator or archive changed): figures are not comparable with earlier runs.';
}

/** What a case measures: found (a conflict of the right kind on the planted span) or quiet (none there). */
function outcome(c: FactCase, report: XrefReport): { hit: boolean; right: boolean } {
  const over = report.conflicts.filter((x) => x.start < c.end && c.start < x.end);
  if (c.kind === 'control') return { hit: report.conflicts.length > 0, right: false };
  if (c.kind === 'legit-differs') return { hit: over.length > 0, right: false };
  const kind = c.kind === 'title' ? 'title' : 'number';
  const mine = over.filter((x) => x.kind === kind);
  return { hit: mine.length > 0, right: mine.some((x) => x.expected.includes(c.original) || (c.kind === 'number-chinese' && x.expected.length > 0)) };
}

const LABEL: Record<string, string> = {
  'number-copied': 'numbers changed in copied sentences: found',
  'number-restated': 'numbers changed in restated clauses: found',
  'number-chinese': 'Chinese numerals changed: found',
  title: 'titles changed: found',
  control: 'controls: any conflict (lower is better)',
  'legit-differs': 'figure of another period: quiet',
};

export function evaluate(archive: Archive, cases: FactCase[]): Map<string, { n: number; hit: number; right: number }> {
  const by = new Map<string, { n: number; hit: number; right: number }>();
  const add = (key: string, o: { hit: boolean; right: boolean }) => {
    const s = by.get(key) ?? { n: 0, hit: 0, right: 0 };
    s.n++;
    if (o.hit) s.hit++;
    if (o.right) s.right++;
    by.set(key, s);
  };
  for (const c of cases) {
    const o = outcome(c, crossReference(archive, c.draft));
    add(`${c.split}|${c.kind}`, o);
    if (c.kind === 'title' || c.kind === 'control') add(`${c.split}|${c.kind}:${c.sub}`, o);
  }
  return by;
}

export async function run(): Promise<SuiteResult> {
  const stories = loadXwlbArticles();
  if (!stories) return { title: 'xref facts (planted errors on xwlb)', body: '', skipped: 'data/xwlb absent' };
  const cases = plantCases(stories);
  const manifestNote = checkManifest(cases);
  const load0 = loadavg()[0]!;
  let t = performance.now();
  const archive = new Archive(createBundle(stories, { name: 'xwlb' }));
  crossReference(archive, '# 预热\n\n预热');
  const buildMs = performance.now() - t;
  t = performance.now();
  const by = evaluate(archive, cases);
  const evalMs = performance.now() - t;
  const rows: (string | number)[][] = [];
  const keys = [...new Set([...by.keys()].map((k) => k.split('|')[1]!))].sort();
  for (const key of keys) {
    const kind = key.split(':')[0]!;
    const cell = (split: string) => {
      const s = by.get(`${split}|${key}`);
      if (!s) return 'n/a';
      const rate = kind === 'legit-differs' ? (s.n - s.hit) / s.n : s.hit / s.n;
      const right = kind.startsWith('number') || kind === 'title' ? ` (expected right ${s.right})` : '';
      return `${fmt(rate)} (${kind === 'legit-differs' ? s.n - s.hit : s.hit}/${s.n})${right}`;
    };
    rows.push([key.includes(':') ? `  ${key}` : LABEL[key] ?? key, cell('dev'), cell('heldout')]);
  }
  return {
    title: 'xref facts (planted errors on xwlb)',
    body: [
      `Seed ${SEED}; ${cases.length} cases (${cases.filter((c) => c.split === 'dev').length} dev, ${cases.filter((c) => c.split === 'heldout').length} held-out; split by story). Archive: all ${stories.length} xwlb stories (built in ${fmt(buildMs, 0)} ms); cases checked in ${fmt(evalMs, 0)} ms. Load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores. ${manifestNote}`,
      '',
      table(['measure', 'dev', 'held-out'], rows),
    ].join('\n'),
  };
}
