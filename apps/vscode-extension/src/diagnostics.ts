/**
 * Cross-referencing a draft against the archive, shown as diagnostics:
 * reused passages as Information, a wrong title or number as Warning, each
 * with related information pointing into the archive article (a jianbao:
 * document + range). Findings the editor marked as intended are left out.
 */
import * as vscode from 'vscode';
import type { Archive, Article } from '@jianbao/core';
import { articleBody, fnv1a } from '@jianbao/core';
import { articleRange, articleUri } from './article-document.js';
import { crossReferenceAsync, getMatcher, prepareCrossReference } from './archive-service.js';
import type { TermMatch, XrefConflict, XrefReport, XrefReuse } from './core-contract.js';
import { plainText } from './markdown.js';
import type { ServerConnection } from './server-connection.js';

/** What turning a report into diagnostics reads: the articles it names and the term matcher (local or the server's). */
export interface CheckSource {
  get(id: string): Article | undefined;
  findTerms(text: string): TermMatch[];
}

function checkSource(archive: Archive | CheckSource): CheckSource {
  if ('findTerms' in archive) return archive;
  return { get: (id) => archive.get(id), findTerms: (text) => getMatcher(archive).findAll(text) };
}

export const SOURCE = '剪报';

/** Where the quick fix edits (draft offsets) and the texts it offers (one fix each). */
export interface Replacement {
  start: number;
  end: number;
  options: string[];
}

export type Finding =
  | { type: 'reuse'; item: XrefReuse }
  | { type: 'conflict'; item: XrefConflict; replace: Replacement };

/**
 * What a conflict's quick fix replaces. A title conflict spans the titles and the
 * person's name (市长常书铭) and `expected` lists the archive's current titles
 * (市委书记、…): the fix replaces the titles only, keeping the name the matcher
 * finds at the end. A number conflict's text is the number itself.
 */
export function replacementFor(archive: Archive | CheckSource, item: XrefConflict): Replacement {
  // Core's fix is a whole correct phrase for exactly the span it names (太原市市长 → 省委常委、太原市委书记).
  if (item.fix) return { start: item.fix.start, end: item.fix.end, options: [item.fix.text] };
  const options = item.kind === 'title' ? item.expected.split('、').filter(Boolean) : [item.expected];
  if (item.kind === 'title') {
    const name = checkSource(archive).findTerms(item.text).filter((m) => m.kind === 'person' && m.end === item.text.length).pop();
    if (name && name.start > 0) return { start: item.start, end: item.start + name.start, options };
  }
  return { start: item.start, end: item.end, options };
}

/**
 * Identifies a finding across edits (offsets move as the draft changes; text and
 * article do not), as a short key: the workspace state keeps keys, never the
 * draft's passages (a reused passage can be pages long).
 */
export function fingerprint(f: Finding): string {
  return findingKey(f.type === 'reuse'
    ? `reuse|${f.item.articleId}|${f.item.text}`
    : `${f.item.kind}|${f.item.articleId}|${f.item.text}|${f.item.expected}`);
}

/** `k` + 16 hex digits: two 32-bit FNV-1a hashes of the description (different starting states), so keys do not collide in practice. */
export function findingKey(description: string): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `k${hex(fnv1a(description))}${hex(fnv1a(`\u0000${description}`))}`;
}

export const isFindingKey = (key: string): boolean => /^k[0-9a-f]{16}$/.test(key);

export interface JianbaoDiagnostic extends vscode.Diagnostic {
  finding: Finding;
}

function rangeOf(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

export function toDiagnostics(
  document: vscode.TextDocument, from: Archive | CheckSource, report: XrefReport, intended: ReadonlySet<string>,
): JianbaoDiagnostic[] {
  const archive = checkSource(from);
  const out: JianbaoDiagnostic[] = [];
  for (const item of report.reused) {
    const finding: Finding = { type: 'reuse', item };
    if (intended.has(fingerprint(finding))) continue;
    const percent = Math.round(item.similarity * 100);
    const message = item.kind === 'verbatim'
      ? vscode.l10n.t('Passage reused verbatim from the archive: 《{0}》', plainText(item.title) ?? '')
      : vscode.l10n.t('Passage reused from the archive with edits ({0}% similar): 《{1}》', percent, plainText(item.title) ?? '');
    const d = new vscode.Diagnostic(rangeOf(document, item.start, item.end), message, vscode.DiagnosticSeverity.Information) as JianbaoDiagnostic;
    d.source = SOURCE;
    d.code = 'reuse';
    d.finding = finding;
    const article = archive.get(item.articleId);
    if (article) {
      d.relatedInformation = [new vscode.DiagnosticRelatedInformation(
        new vscode.Location(articleUri(article), articleRange(article, item.articleStart, item.articleEnd)),
        vscode.l10n.t('The archive\'s passage in 《{0}》 ({1})', plainText(article.title) ?? '', [plainText(article.paper), plainText(article.date)].filter(Boolean).join(', ') || (plainText(article.id) ?? '')),
      )];
    }
    out.push(d);
  }
  for (const item of report.conflicts) {
    const finding: Finding = { type: 'conflict', item, replace: replacementFor(archive, item) };
    if (intended.has(fingerprint(finding))) continue;
    // Built from core's fields in the UI language (core's own message is Chinese: appended, it mixed languages).
    const source = item.articleTitle
      ? vscode.l10n.t('Source: 《{0}》, {1}', item.articleTitle, item.articleDate ?? item.articleId ?? '')
      : '';
    const message = conflictMessage(item, plainText(source, 400) ?? '');
    const d = new vscode.Diagnostic(rangeOf(document, item.start, item.end), message.trim(), vscode.DiagnosticSeverity.Warning) as JianbaoDiagnostic;
    d.source = SOURCE;
    d.code = item.kind;
    d.finding = finding;
    const article = item.articleId ? archive.get(item.articleId) : undefined;
    if (article) {
      // Conflicts name the article, not a span in it: point at the expected text where the article has it.
      const at = articleBody(article).indexOf(item.expected);
      const range = at >= 0 ? articleRange(article, at, at + item.expected.length) : articleRange(article, 0, 0);
      d.relatedInformation = [new vscode.DiagnosticRelatedInformation(
        new vscode.Location(articleUri(article), range),
        vscode.l10n.t('The archive has "{0}" in 《{1}》', plainText(item.expected) ?? '', plainText(article.title) ?? ''),
      )];
    }
    out.push(d);
  }
  return out;
}

/** A conflict worded in the UI language from core's data: why a title is wrong (not a post they hold, a former post) when core says. */
export function conflictMessage(item: XrefConflict, source: string): string {
  const expected = plainText(item.expected) ?? '';
  const person = plainText(item.person) ?? '';
  if (item.kind === 'title' && item.reason === 'former' && item.former && person) {
    const where = [plainText(item.former.articleTitle) ? `《${plainText(item.former.articleTitle)}》` : '', plainText(item.former.date) ?? ''].filter(Boolean).join(', ');
    return vscode.l10n.t('Former title: "{0}" is a post {1} held before (last seen {2}); the archive now has "{3}". {4}', item.text, person, where, expected, source);
  }
  if (item.kind === 'title' && item.reason === 'not-held' && person) {
    return vscode.l10n.t('Title not held: the archive does not give {0} the title "{1}"; it has "{2}". {3}', person, item.text, expected, source);
  }
  return item.kind === 'title'
    ? vscode.l10n.t('Title differs from the archive: "{0}", the archive has "{1}". {2}', item.text, expected, source)
    : vscode.l10n.t('Number differs from the archive: "{0}", the archive has "{1}". {2}', item.text, expected, source);
}

export type CheckMode = 'onType' | 'onSave' | 'onCommand';

/** Runs xref on drafts as configured (debounced while typing, on save, or on command) and publishes the results. */
export class DraftChecker implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('jianbao');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly reports = new Map<string, XrefReport>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's findings were updated (the related view follows it). */
  readonly onDidCheck = this.changed.event;

  constructor(
    private readonly archive: () => Promise<Archive | undefined>,
    private readonly intended: () => ReadonlySet<string>,
    private readonly isDraft: (document: vscode.TextDocument) => boolean,
    private readonly server?: ServerConnection,
  ) {}

  get mode(): CheckMode {
    return vscode.workspace.getConfiguration('jianbao').get<CheckMode>('check', 'onType');
  }

  report(uri: vscode.Uri): XrefReport | undefined {
    return this.reports.get(uri.toString());
  }

  /** Whether a check of the document waits for the typing delay (tests wait on this, never on a clock). */
  isScheduled(uri: vscode.Uri): boolean {
    return this.timers.has(uri.toString());
  }

  /** Schedules a check after the configured delay (typing), replacing any pending one. */
  schedule(document: vscode.TextDocument): void {
    if (!this.isDraft(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = vscode.workspace.getConfiguration('jianbao').get<number>('checkDelay', 600);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.check(document);
    }, delay));
  }

  async check(document: vscode.TextDocument): Promise<XrefReport | undefined> {
    if (!this.isDraft(document) || document.isClosed) return undefined;
    const server = this.server;
    if (server?.configured) {
      const version = document.version;
      // The draft goes to the newsroom server in the request body (never stored or logged there, nor here).
      const remote = await server.via(async (client) => {
        const { revision: _revision, articles: _articles, ...report } = await client.xref(document.getText(), { markdown: document.languageId === 'markdown' });
        const ids = new Set([...report.reused.map((r) => r.articleId), ...report.conflicts.flatMap((c) => (c.articleId ? [c.articleId] : []))]);
        await Promise.all([...ids].map((id) => server.article(client, id)));
        const { matcher } = await server.terms(client);
        return { report, source: { get: (id: string) => server.cachedArticle(id), findTerms: (text: string) => matcher.findAll(text) } };
      }, async () => undefined);
      if (remote) {
        if (document.version !== version || document.isClosed) return undefined;
        return this.publish(document, remote.source, remote.report);
      }
    }
    const archive = await this.archive();
    if (!archive) return undefined;
    // On a large archive the first check would otherwise build the fingerprint index in one blocking piece (~2 s for 20,000 stories).
    await prepareCrossReference(archive);
    if (document.isClosed) return undefined;
    const version = document.version;
    // In slices (its phases): in one piece the first check of a 5,000-character draft froze the host for 200–270 ms on xwlb.
    const report = await crossReferenceAsync(archive, document.getText(), { markdown: document.languageId === 'markdown' });
    if (document.version !== version || document.isClosed) return undefined; // a newer check follows
    return this.publish(document, archive, report);
  }

  private publish(document: vscode.TextDocument, source: Archive | CheckSource, report: XrefReport): XrefReport {
    this.reports.set(document.uri.toString(), report);
    this.collection.set(document.uri, toDiagnostics(document, source, report, this.intended()));
    this.changed.fire(document.uri);
    return report;
  }

  /**
   * Our diagnostics with their findings. Diagnostics handed to a code action
   * provider are copies made by the extension host, so findings are looked up
   * here by code, range and message.
   */
  findingFor(uri: vscode.Uri, d: vscode.Diagnostic): Finding | undefined {
    const ours = this.collection.get(uri) as readonly JianbaoDiagnostic[] | undefined;
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    return ours?.find((o) => o.code === code && o.message === d.message && o.range.isEqual(d.range))?.finding;
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.reports.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
    this.changed.dispose();
  }
}
