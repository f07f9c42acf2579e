/**
 * Hover on a term the archive knows: its kind, a person's titles with dates,
 * and the latest articles mentioning it as command links that open them.
 */
import * as vscode from 'vscode';
import { dateRange, personSummary, type Archive } from '@jianbao/core';
import { getLexicon, getMatcher } from './archive-service.js';
import type { Term, TermKind, TermMatch } from './core-contract.js';

const LATEST = 5;

export function kindLabel(kind: TermKind): string {
  switch (kind) {
    case 'person': return vscode.l10n.t('person');
    case 'place': return vscode.l10n.t('place');
    case 'organisation': return vscode.l10n.t('organisation');
    case 'policy': return vscode.l10n.t('policy');
    default: return String(kind);
  }
}

/** The match under `offset` in `text` (the longest when several overlap). */
export function termAt(matches: readonly TermMatch[], offset: number): TermMatch | undefined {
  let best: TermMatch | undefined;
  for (const m of matches) {
    if (m.start <= offset && offset < m.end && (!best || m.end - m.start > best.end - best.start)) best = m;
  }
  return best;
}

const escape = (s: string) => s.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');

export function openArticleLink(id: string): string {
  return `command:jianbao.openArticle?${encodeURIComponent(JSON.stringify([id]))}`;
}

export function hoverMarkdown(archive: Archive, term: Term): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['jianbao.openArticle'] };
  md.appendMarkdown(`**${escape(term.name)}** · ${kindLabel(term.kind)}`);
  if (term.aliases.length) md.appendMarkdown(` · ${vscode.l10n.t('also')} ${term.aliases.map(escape).join('、')}`);
  md.appendMarkdown('\n\n');
  // The same summary as the browser card and `jianbao terms`: distinct titles, newest first, at most five.
  const { titles, more } = personSummary(term);
  if (titles.length) {
    md.appendMarkdown(`${vscode.l10n.t('Titles in the archive:')}\n\n`);
    for (const r of titles) {
      const range = dateRange(r);
      md.appendMarkdown(`- ${escape(r.title)} (${range ? `${escape(range)}, ` : ''}${vscode.l10n.t('{0} articles', r.articles)})\n`);
    }
    if (more) md.appendMarkdown(`- ${vscode.l10n.t('+{0} more', more)}\n`);
    md.appendMarkdown('\n');
  }
  const ids = [...new Set(term.mentions.map((m) => m.articleId))];
  const articles = ids.map((id) => archive.get(id)).filter((a) => a !== undefined)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  if (articles.length) {
    md.appendMarkdown(`${vscode.l10n.t('Latest articles ({0} in all):', articles.length)}\n\n`);
    for (const a of articles.slice(0, LATEST)) {
      const details = [a.paper, a.date].filter(Boolean).join(', ');
      md.appendMarkdown(`- [${escape(a.title)}](${openArticleLink(a.id)})${details ? ` — ${escape(details)}` : ''}\n`);
    }
  }
  return md;
}

export class TermHoverProvider implements vscode.HoverProvider {
  constructor(private readonly archive: () => Archive | undefined) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const archive = this.archive();
    if (!archive) return undefined; // still loading: never block the editor
    const line = document.lineAt(position.line).text;
    const match = termAt(getMatcher(archive).findAll(line), position.character);
    if (!match) return undefined;
    const term = getLexicon(archive).get(match.termId);
    if (!term) return undefined;
    return new vscode.Hover(hoverMarkdown(archive, term), new vscode.Range(position.line, match.start, position.line, match.end));
  }
}
