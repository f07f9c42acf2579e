// Edited reuse on xwlb (src/reuse/plant.ts, seed fixed in advance): drafts of prose kept out of the archive with
// archive passages spliced in, one kind of edit each; the dev half (tuned on) and the held-out half (never tuned
// on) reported separately. `XREF_BASELINE=/path/to/other/packages/core/dist/index.js` runs the same set through
// another build of core (the baseline) and puts it beside. The `xref` suite keeps latency and the
// older synthetic set; this one is the per-edit-type quality measure.
// Uses ../shared/data/xwlb: skipped cleanly when absent.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as current from '@jianbao/core';
import type { Article } from '@jianbao/core';
import { EDIT_KINDS, plantReuse, SEED, type ReuseCase, type ReuseDraft } from '../reuse/plant.js';
import { fmt, table, type SuiteResult } from '../report.js';
import { REPO_ROOT } from '../shared-data.js';
import { loadXwlbArticles } from '../xwlb.js';

const MANIFEST = join(REPO_ROOT, 'benchmarks', 'reuse', `set-${SEED}.json`);

interface Passage { start: number; end: number; articleId: string; kind: string }
interface Core {
  Archive: new (bundle: unknown) => { articles: Article[]; get(id: string): Article | undefined };
  createBundle: (articles: Article[], meta: { name: string }) => unknown;
  crossReference: (archive: never, draft: string) => { reused: Passage[] };
  articleBody: (a: Article) => string;
}

/** The committed manifest: draft ids, case ids, kinds, story ids and offsets (no xwlb text). */
const manifestOf = (drafts: ReuseDraft[]) =>
  drafts.map((d) => ({ id: d.id, split: d.split, length: d.draft.length, cases: d.cases.map(({ source: _s, ...rest }) => rest) }));

function checkManifest(drafts: ReuseDraft[]): string {
  const mine = manifestOf(drafts);
  if (process.env.XREF_REUSE_WRITE === '1' || !existsSync(MANIFEST)) {
    writeFileSync(MANIFEST, '[\n' + mine.map((d) => JSON.stringify(d)).join(',\n') + '\n]\n');
    return `Manifest written to benchmarks/reuse/set-${SEED}.json.`;
  }
  const committed = JSON.stringify(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  return committed === JSON.stringify(mine) ? 'The regenerated set matches the committed manifest.' : '**The regenerated set differs from the committed manifest** (generator or archive changed): figures are not comparable with earlier runs.';
}

/** True when the article prints a 20-character stretch of the source's middle (layout-free): the same text told again. */
function holds(core: Core, archive: ReturnType<typeof build>, id: string, source: string): boolean {
  const article = archive.get(id);
  if (!article) return false;
  const flat = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  const p = flat(source);
  const mid = p.slice(Math.max(0, (p.length >> 1) - 10), (p.length >> 1) + 10);
  return mid.length >= 10 && flat(core.articleBody(article)).includes(mid);
}

const covered = (reused: Passage[], start: number, end: number, ok: (r: Passage) => boolean) => {
  const mark = new Uint8Array(end - start);
  for (const r of reused) if (ok(r)) for (let i = Math.max(r.start, start); i < Math.min(r.end, end); i++) mark[i - start] = 1;
  return mark.reduce((s, v) => s + v, 0) / Math.max(1, end - start);
};

interface Tally { n: number; found: number; verbatim: number; inner: number }
interface Outcome { by: Map<string, Tally>; reportedChars: number; inGold: number; ms: number }

function build(core: Core, stories: Article[]) {
  return new core.Archive(core.createBundle(stories, { name: 'xwlb' }));
}

function evaluate(core: Core, archive: ReturnType<typeof build>, drafts: ReuseDraft[]): Outcome {
  const by = new Map<string, Tally>();
  let reportedChars = 0;
  let inGold = 0;
  const t = performance.now();
  for (const d of drafts) {
    const report = core.crossReference(archive as never, d.draft);
    for (const r of report.reused) {
      reportedChars += r.end - r.start;
      for (const c of d.cases) inGold += Math.max(0, Math.min(r.end, c.end) - Math.max(r.start, c.start));
    }
    for (const c of d.cases) {
      const right = (r: Passage) => r.articleId === c.storyId || holds(core, archive, r.articleId, c.source);
      const key = `${d.split}|${c.kind}`;
      const s = by.get(key) ?? { n: 0, found: 0, verbatim: 0, inner: 0 };
      s.n++;
      if (covered(report.reused, c.start, c.end, right) >= 0.8) s.found++;
      if (covered(report.reused, c.start, c.end, (r) => right(r) && r.kind === 'verbatim') >= 0.8) s.verbatim++;
      if (c.inner && covered(report.reused, c.inner.start, c.inner.end, (r) => right(r) && r.kind === 'verbatim') >= 0.8) s.inner++;
      by.set(key, s);
    }
  }
  return { by, reportedChars, inGold, ms: performance.now() - t };
}

const LABEL: Record<string, string> = {
  verbatim: 'verbatim (found; reported verbatim)',
  light: 'light edits',
  inserted: 'inserted phrases',
  'clause-swap': 'clause swaps',
  'facts-number': 'changed figures',
  'facts-title': 'changed titles',
  'verbatim-inside': 'verbatim sentence in an edited paragraph (paragraph found; sentence reported verbatim)',
};

function cell(o: Outcome | null, split: string, kind: ReuseCase['kind']): string {
  const s = o?.by.get(`${split}|${kind}`);
  if (!s) return 'n/a';
  const extra = kind === 'verbatim' ? `; ${s.verbatim} verbatim` : kind === 'verbatim-inside' ? `; ${fmt(s.inner / s.n)} (${s.inner}) verbatim within` : '';
  return `${fmt(s.found / s.n)} (${s.found}/${s.n}${extra})`;
}

function all(o: Outcome | null, split: string, kinds: readonly string[]): string {
  if (!o) return 'n/a';
  let n = 0, found = 0;
  for (const k of kinds) {
    const s = o.by.get(`${split}|${k}`);
    if (s) { n += s.n; found += s.found; }
  }
  return `${fmt(found / Math.max(1, n))} (${found}/${n})`;
}

export async function run(): Promise<SuiteResult> {
  const title = 'xref reuse (edited passages on xwlb, per edit type)';
  const stories = loadXwlbArticles();
  if (!stories) return { title, body: '', skipped: 'data/xwlb absent' };
  const everything = plantReuse(stories);
  const note = checkManifest(everything);
  // XREF_REUSE_SPLIT=dev while tuning: the held-out half is not even run.
  const only = process.env.XREF_REUSE_SPLIT;
  const drafts = only ? everything.filter((d) => d.split === only) : everything;
  const { isFiller } = await import('../reuse/plant.js');
  const archiveStories = stories.filter((s) => !isFiller(s.id));
  const load0 = loadavg()[0]!;
  const outcomes: { name: string; o: Outcome }[] = [];
  const basePath = process.env.XREF_BASELINE;
  const cores: { name: string; core: Core }[] = [];
  if (basePath) cores.push({ name: `baseline (${process.env.XREF_BASELINE_NAME ?? basePath})`, core: (await import(pathToFileURL(basePath).href)) as Core });
  cores.push({ name: 'now', core: current as unknown as Core });
  for (const { name, core } of cores) {
    const archive = build(core, archiveStories);
    core.crossReference(archive as never, '# 预热\n\n预热');
    outcomes.push({ name, o: evaluate(core, archive, drafts) });
  }
  const base = outcomes.length > 1 ? outcomes[0]!.o : null;
  const now = outcomes[outcomes.length - 1]!.o;
  const edited = EDIT_KINDS.filter((k) => k !== 'verbatim');
  const rows: string[][] = [];
  for (const kind of EDIT_KINDS) rows.push([LABEL[kind]!, cell(base, 'heldout', kind), cell(now, 'heldout', kind), cell(base, 'dev', kind), cell(now, 'dev', kind)]);
  rows.push(['all edited kinds', all(base, 'heldout', edited), all(now, 'heldout', edited), all(base, 'dev', edited), all(now, 'dev', edited)]);
  const prec = (o: Outcome | null) => (o ? `${fmt(o.inGold / Math.max(1, o.reportedChars))} of ${o.reportedChars} reported characters inside spliced passages; ${fmt(o.ms, 0)} ms for all drafts` : 'n/a');
  const count = (split: string) => drafts.filter((d) => d.split === split).reduce((n, d) => n + d.cases.length, 0);
  return {
    title,
    body: [
      `Seed ${SEED}; ${drafts.length} drafts (~5,000 characters), ${count('dev')} dev and ${count('heldout')} held-out passages (split by source story). Archive: ${archiveStories.length} xwlb stories (1 in 40 kept out as the drafts' own prose). A passage is found when ≥ 80 % of its characters are reported as reuse of its story (or of one printing the same text). Load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores. ${note}`,
      '',
      table(['edit type', 'held-out baseline', 'held-out now', 'dev baseline', 'dev now'], rows),
      '',
      ...outcomes.map(({ name, o }) => `Character precision, ${name}: ${prec(o)}.`),
    ].join('\n'),
  };
}
