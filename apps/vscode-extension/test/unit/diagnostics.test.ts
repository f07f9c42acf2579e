import { describe, expect, it } from 'vitest';
import { articleBody } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { IntendedFindings, MAX_INTENDED, fixesFor } from '../../src/code-actions.js';
import type { XrefReport } from '../../src/core-contract.js';
import { findingKey, fingerprint, toDiagnostics, type JianbaoDiagnostic } from '../../src/diagnostics.js';
import { renderArticle } from '../../src/article-document.js';
import { DiagnosticSeverity } from './vscode-mock.js';
import { textDocument } from './text-document.js';

async function fixture() {
  const archive = await loadDefaultArchive();
  const article = archive.articles.find((a) => articleBody(a).length > 120)!;
  const body = articleBody(article);
  const draftIntro = '第一行。\n第二行：';
  const passage = body.slice(30, 80);
  const draft = `${draftIntro}${passage}\n晋中市市长常书铭说。`;
  const conflictAt = draft.indexOf('市长常书铭');
  const report: XrefReport = {
    related: [{ id: article.id, title: article.title, score: 1, reasons: ['reuse'], why: [] }],
    reused: [{
      start: draftIntro.length, end: draftIntro.length + passage.length, text: passage, articleId: article.id,
      title: article.title, articleStart: 30, articleEnd: 80, similarity: 0.93, kind: 'edited',
    }],
    conflicts: [{
      start: conflictAt, end: conflictAt + 5, text: '市长常书铭', kind: 'title', message: '常书铭现任市委书记',
      expected: '市委书记、市长', articleId: article.id,
    }],
  };
  return { archive, article, draft, passage, report, doc: textDocument(draft) };
}

describe('diagnostics from an xref report', () => {
  it('reports reuse as Information and conflicts as Warning, at the reported ranges', async () => {
    const { archive, draft, passage, report, doc } = await fixture();
    const ds = toDiagnostics(doc as never, archive, report, new Set());
    expect(ds.map((d) => d.severity)).toEqual([DiagnosticSeverity.Information, DiagnosticSeverity.Warning]);
    expect(doc.getText(ds[0]!.range as never)).toBe(passage);
    expect(doc.getText(ds[1]!.range as never)).toBe('市长常书铭');
    expect(ds[0]!.message).toContain('93%');
    expect(ds.every((d) => d.source === '剪报')).toBe(true);
    expect(draft).toContain(passage);
  });

  it('points related information at the same text in the jianbao: article document', async () => {
    const { archive, article, passage, report, doc } = await fixture();
    const [reuse] = toDiagnostics(doc as never, archive, report, new Set());
    const rel = reuse!.relatedInformation![0]!;
    expect(rel.location.uri.scheme).toBe('jianbao');
    expect(rel.location.uri.path).toContain(article.id);
    expect(textDocument(renderArticle(article)).getText(rel.location.range as never)).toBe(passage);
  });

  it('leaves out findings marked as intended, by text and article rather than offsets', async () => {
    const { archive, report, doc } = await fixture();
    const reuse = { type: 'reuse' as const, item: report.reused[0]! };
    const moved = { type: 'reuse' as const, item: { ...report.reused[0]!, start: 0, end: 5 } };
    expect(fingerprint(moved)).toBe(fingerprint(reuse));
    const ds = toDiagnostics(doc as never, archive, report, new Set([fingerprint(reuse)]));
    expect(ds.map((d) => d.code)).toEqual(['title']);
  });
});

describe('quick fixes', () => {
  it('replaces the title (not the name) with each of the archive\'s titles and offers "mark as intended"', async () => {
    const { archive, report, doc } = await fixture();
    const warning = toDiagnostics(doc as never, archive, report, new Set())[1] as JianbaoDiagnostic;
    const [fix, second, mark] = fixesFor(doc as never, warning as never, warning.finding);
    expect(fix!.title).toContain('市委书记');
    expect(fix!.isPreferred).toBe(true);
    expect(second!.isPreferred).toBe(false);
    const edit = (fix!.edit as unknown as { edits: { range: unknown; text: string }[] }).edits[0]!;
    expect(edit.text).toBe('市委书记');
    expect(doc.getText(edit.range as never)).toBe('市长');
    expect((second!.edit as unknown as { edits: { text: string }[] }).edits[0]!.text).toBe('市长');
    expect(mark!.command!.command).toBe('jianbao.markIntended');
    expect(mark!.command!.arguments![1]).toBe(fingerprint(warning.finding));
  });

  it('offers only "mark as intended" for reuse', async () => {
    const { archive, report, doc } = await fixture();
    const reuse = toDiagnostics(doc as never, archive, report, new Set())[0] as JianbaoDiagnostic;
    expect(fixesFor(doc as never, reuse as never, reuse.finding).map((a) => a.command?.command)).toEqual(['jianbao.markIntended']);
  });

  it('remembers intended findings in the workspace state', async () => {
    const store = new Map<string, unknown>();
    const memento = { get: <T>(k: string, d: T) => (store.has(k) ? store.get(k) as T : d), update: async (k: string, v: unknown) => void store.set(k, v) };
    const intended = new IntendedFindings(memento as never);
    const [a, b] = [findingKey('a'), findingKey('b')];
    await intended.add(a);
    await intended.add(a);
    await intended.add(b);
    expect([...new IntendedFindings(memento as never).all()]).toEqual([a, b]);
    await intended.clear();
    expect(intended.all().size).toBe(0);
  });

  it('stores short keys, never the draft\'s passages, and at most MAX_INTENDED of them (oldest dropped)', async () => {
    const store = new Map<string, unknown>();
    const memento = { get: <T>(k: string, d: T) => (store.has(k) ? store.get(k) as T : d), update: async (k: string, v: unknown) => void store.set(k, v) };
    const passage = '国务院总理李强在北京主持召开国务院常务会议。'.repeat(500);
    const reuse = { type: 'reuse', item: { articleId: 'a1', text: passage } } as never;
    const intended = new IntendedFindings(memento as never);
    await intended.add(fingerprint(reuse));
    expect(JSON.stringify(store.get('jianbao.intended'))).not.toContain('国务院');
    expect(intended.all().has(fingerprint(reuse))).toBe(true);
    for (let i = 0; i < MAX_INTENDED + 100; i++) await intended.add(findingKey(`reuse|a${i}|${passage}`));
    const kept = store.get('jianbao.intended') as string[];
    expect(kept).toHaveLength(MAX_INTENDED);
    expect(kept.every((k) => k.length === 17)).toBe(true);
    expect(kept.at(-1)).toBe(findingKey(`reuse|a${MAX_INTENDED + 99}|${passage}`));
    expect(intended.all().has(fingerprint(reuse))).toBe(false); // the oldest went first
    // A mark stored by an earlier version (the whole description) still silences its finding; junk is dropped.
    store.set('jianbao.intended', [`reuse|a1|${passage}`, 42, null]);
    expect([...intended.all()]).toEqual([fingerprint(reuse)]);
  });
});
