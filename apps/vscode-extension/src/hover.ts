/**
 * Hover on a term the archive knows: its kind, a person's titles with dates,
 * and the latest articles mentioning it as command links that open them.
 */
import * as vscode from 'vscode';
import { dateRange, personSummary, type Archive, type Article } from '@jianbao/core';
import { getLexicon, getMatcher } from './archive-service.js';
import type { Term, TermKind, TermMatch } from './core-contract.js';
import { commandLink, markdownLink, markdownText } from './markdown.js';
import type { ServerConnection } from './server-connection.js';
import { articleCount } from './counts.js';

/** Where a hover finds the articles it lists: the local archive, or the server's term card. */
export interface ArticleLookup {
  get(id: string): Pick<Article, 'id' | 'title' | 'paper' | 'date'> | undefined;
}

const LATEST = 5;

export function kindLabel(kind: TermKind): string {
  switch (kind) {
    case 'person': return vscode.l10n.t('person');
    case 'place': return vscode.l10n.t('place');
    case 'organisation': return vscode.l10n.t('organisation');
    case 'policy': return vscode.l10n.t('policy');
    default: return typeof kind === 'string' ? kind : '';
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

/** The command link that opens an article: arguments JSON- and URI-encoded (an id may hold `)`). */
export function openArticleLink(id: string): string {
  return commandLink('jianbao.openArticle', [id]);
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const dateOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The hover's Markdown. Every archive field goes through markdownText (escaped,
 * capped, skipped when not a string): the lexicon and articles come from a
 * bundle file, which may be hostile or damaged.
 */
export function hoverMarkdown(archive: ArticleLookup, term: Term, total?: number): vscode.MarkdownString {
  // No theme icons: with them, `$(alert)` in an archive title rendered as an icon even when escaped for Markdown.
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = { enabledCommands: ['jianbao.openArticle'] };
  const name = markdownText(term.name) ?? markdownText(term.id) ?? '';
  md.appendMarkdown(`**${name}** · ${markdownText(kindLabel(term.kind)) ?? ''}`);
  const aliases = list<unknown>(term.aliases).slice(0, 10).map((a) => markdownText(a)).filter((a) => a);
  if (aliases.length) md.appendMarkdown(` · ${vscode.l10n.t('also')} ${aliases.join('、')}`);
  md.appendMarkdown('\n\n');
  // The same summary as the browser card and `jianbao terms`: distinct titles, newest first, at most five; every field escaped.
  const { titles, more } = personSummary(term);
  if (titles.length) {
    md.appendMarkdown(`${vscode.l10n.t('Titles in the archive:')}\n\n`);
    for (const r of titles) {
      const range = markdownText(dateRange(r));
      md.appendMarkdown(`- ${markdownText(r.title) ?? ''} \\(${range ? `${range}, ` : ''}${markdownText(articleCount(r.articles)) ?? ''}\\)\n`);
    }
    if (more) md.appendMarkdown(`- ${markdownText(vscode.l10n.t('+{0} more', more)) ?? ''}\n`);
    md.appendMarkdown('\n');
  }
  const ids = [...new Set(list<unknown>(term.mentions).filter(isObject).map((m) => m.articleId).filter((id) => typeof id === 'string'))] as string[];
  const articles = ids.map((id) => archive.get(id)).filter((a) => a !== undefined)
    .sort((a, b) => dateOf(b.date).localeCompare(dateOf(a.date)));
  if (articles.length) {
    md.appendMarkdown(`${vscode.l10n.t('Latest articles ({0} in all):', total ?? articles.length)}\n\n`);
    for (const a of articles.slice(0, LATEST)) {
      const details = [markdownText(a.paper), markdownText(a.date)].filter(Boolean).join(', ');
      const label = markdownText(a.title) ?? markdownText(a.id) ?? '';
      md.appendMarkdown(`- ${markdownLink(label, openArticleLink(a.id))}${details ? ` — ${details}` : ''}\n`);
    }
  }
  return md;
}

export class TermHoverProvider implements vscode.HoverProvider {
  constructor(private readonly archive: () => Archive | undefined, private readonly server?: ServerConnection) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const server = this.server;
    if (server?.configured) {
      // The server's terms and card; the local archive's hover when the server cannot answer.
      const remote = await server.via(async (client) => {
        const { matcher, lexicon } = await server.terms(client);
        const match = termAt(matcher.findAll(line), position.character);
        const term = match && lexicon.get(match.termId);
        if (!match || !term) return null;
        const card = await client.term(term.id);
        const byId = new Map((card?.articles ?? []).map((a) => [a.id, { id: a.id, title: a.title, paper: a.paper ?? null, date: a.date }]));
        return new vscode.Hover(hoverMarkdown({ get: (id) => byId.get(id) }, term, card?.articleCount), new vscode.Range(position.line, match.start, position.line, match.end));
      }, async () => undefined);
      if (remote !== undefined) return remote ?? undefined;
    }
    return this.localHover(line, position);
  }

  private localHover(line: string, position: vscode.Position): vscode.Hover | undefined {
    const archive = this.archive();
    if (!archive) return undefined; // still loading: never block the editor
    const match = termAt(getMatcher(archive).findAll(line), position.character);
    if (!match) return undefined;
    const term = getLexicon(archive).get(match.termId);
    if (!term) return undefined;
    return new vscode.Hover(hoverMarkdown(archive, term), new vscode.Range(position.line, match.start, position.line, match.end));
  }
}
