import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the built CLI as a user would (turbo builds it before tests).
const main = resolve(__dirname, '../dist/main.js');
const jianbao = (args: string[], input?: string) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', input });

interface Report {
  related: { id: string; title: string; score: number; reasons: string[] }[];
  reused: { start: number; end: number; text: string; articleId: string; title: string; articleStart: number; articleEnd: number; similarity: number; kind: string }[];
  conflicts: { start: number; end: number; text: string; kind: string; message: string; expected: string; articleId: string | null }[];
}

describe('jianbao xref on real files (default archive)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-xref-'));
  const articles = JSON.parse(jianbao(['articles', '--json']).stdout) as { id: string; title: string; paragraphs: string[] }[];
  // A long paragraph of a seed article: its middle 60 characters go into a Markdown draft.
  const source = articles.map((a) => ({ a, p: a.paragraphs.find((p) => p.length > 150) })).find((x) => x.p)!;
  const passage = source.p!.slice(40, 100);
  const draft = `# 一篇新稿\n\n**编者按**：这是一段完全原创的开头，讲述记者在基层采访时的所见所闻。\n\n${passage}\n\n结尾也是新写的，说明下一步的打算和群众的期待。\n`;
  const file = join(dir, 'draft.md');
  writeFileSync(file, draft);

  it('reports the reused passage with offsets into the Markdown file as given', () => {
    const r = jianbao(['xref', file, '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(Object.keys(report)).toEqual(['related', 'reused', 'conflicts']);
    const hit = report.reused.find((x) => x.articleId === source.a.id);
    expect(hit).toBeDefined();
    expect(draft.slice(hit!.start, hit!.end)).toBe(hit!.text);
    expect(hit!.end - hit!.start).toBeGreaterThanOrEqual(0.8 * passage.trim().length);
    expect(hit!.kind).toBe('verbatim');
    expect(report.related[0]!.id).toBe(source.a.id);
    // The article range indexes its paragraphs joined by "\n".
    const body = source.a.paragraphs.join('\n');
    expect(body.slice(hit!.articleStart, hit!.articleEnd).replace(/\s/g, '')).toBe(hit!.text.replace(/\s/g, ''));
  });

  it('reads the draft from stdin with -, and prints a readable report without --json', () => {
    const fromStdin = jianbao(['xref', '-', '--json'], draft);
    expect(JSON.parse(fromStdin.stdout)).toEqual(JSON.parse(jianbao(['xref', file, '--json']).stdout));
    const text = jianbao(['xref', file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/重复使用 Reused passages \(1\)/);
    expect(text.stdout).toContain(source.a.title);
  });

  it('fails with one line on bad input', () => {
    const cases: [string[], RegExp, number][] = [
      [['xref'], /missing the draft/, 2],
      [['xref', join(dir, 'missing.md')], /draft not found/, 1],
      [['xref', file, '--date', 'yesterday'], /--date must be/, 2],
    ];
    for (const [args, message, code] of cases) {
      const r = jianbao(args);
      expect(r.status, args.join(' ')).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

// Evaluation data beside the repo (../shared, or JIANBAO_SHARED): skipped when absent.
const shared = process.env.JIANBAO_SHARED ?? resolve(__dirname, '../../../../shared');
const devDir = join(shared, 'eval', 'drafts-dev');

describe.skipIf(!existsSync(join(devDir, 'gold.json')))('jianbao xref on the dev drafts (../shared/eval/drafts-dev)', () => {
  const gold = existsSync(join(devDir, 'gold.json'))
    ? (JSON.parse(readFileSync(join(devDir, 'gold.json'), 'utf8')) as Record<string, { reused: { draftText: string; source: { title: string } }[]; titleErrors: unknown[]; numberErrors: unknown[] }>)
    : {};
  for (const [name, g] of Object.entries(gold)) {
    it(`${name}: every gold passage ≥ 80 % covered against its source article; no false contradictions`, () => {
      const draft = readFileSync(join(devDir, name), 'utf8');
      const report = JSON.parse(jianbao(['xref', join(devDir, name), '--json']).stdout) as Report;
      for (const span of g.reused) {
        const start = draft.indexOf(span.draftText);
        expect(start).toBeGreaterThanOrEqual(0);
        const end = start + span.draftText.length;
        let covered = 0;
        for (const r of report.reused.filter((x) => x.title === span.source.title)) covered += Math.max(0, Math.min(r.end, end) - Math.max(r.start, start));
        expect(covered, span.draftText).toBeGreaterThanOrEqual(0.8 * span.draftText.length);
      }
      if (!g.titleErrors.length && !g.numberErrors.length) expect(report.conflicts).toEqual([]);
    });
  }
});
