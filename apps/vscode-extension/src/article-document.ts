/**
 * Archive articles as read-only `jianbao:` virtual documents. The document is a
 * short Markdown header followed by the article body exactly as core's
 * `articleBody` (paragraphs joined by "\n"), so body offsets reported by xref
 * map to editor ranges by shifting the line by the header's height.
 */
import * as vscode from 'vscode';
import { articleBody, type Article } from '@jianbao/core';
import { markdownText, plainText } from './markdown.js';

export const SCHEME = 'jianbao';

/**
 * `jianbao:/article/<id>/<title>.md`: the id is what counts (URI-encoded: an id
 * may hold `/` or `%`); the title makes the tab readable.
 */
export function articleUri(article: Pick<Article, 'id' | 'title'>): vscode.Uri {
  const safe = (plainText(article.title, 40) ?? '').replace(/[\\/?#%\s]+/g, ' ').trim() || 'article';
  return vscode.Uri.from({ scheme: SCHEME, path: `/article/${encodeURIComponent(article.id)}/${safe}.md` });
}

export function articleIdOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== SCHEME) return undefined;
  const raw = /^\/article\/([^/]+)/.exec(uri.path)?.[1];
  try {
    return raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The Markdown header above the body: archive fields escaped (no links, images
 * or HTML from archive text in the preview), one line each, capped. The body
 * below it stays exactly the article's text, so xref offsets map onto it.
 */
export function articleHeader(article: Article): string[] {
  const meta = [article.paper, article.date, article.section, article.byline].map((f) => markdownText(f)).filter(Boolean).join(' · ');
  const lines = [`# ${markdownText(article.title) ?? markdownText(article.id) ?? ''}`, ''];
  const subtitle = typeof article.subtitle === 'string' ? article.subtitle.split('\n').map((l) => markdownText(l)).filter(Boolean).slice(0, 5) : [];
  if (subtitle.length) lines.push(...subtitle.map((l) => `*${l}*`), '');
  if (meta) lines.push(`> ${meta}`, '');
  return lines;
}

export function renderArticle(article: Article): string {
  return [...articleHeader(article), articleBody(article)].join('\n') + '\n';
}

/** The editor range of body offsets [start, end) in the rendered article document. */
export function articleRange(article: Article, start: number, end: number): vscode.Range {
  const top = articleHeader(article).length;
  const body = articleBody(article);
  const position = (offset: number) => {
    const before = body.slice(0, Math.max(0, Math.min(offset, body.length)));
    const line = before.split('\n').length - 1;
    return new vscode.Position(top + line, before.length - (before.lastIndexOf('\n') + 1));
  };
  return new vscode.Range(position(start), position(end));
}

export class ArticleDocumentProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** `article`: the server's article when one is set and answers, else the local archive's. */
  constructor(private readonly article: (id: string) => Promise<Article | undefined>) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = articleIdOf(uri);
    const article = id ? await this.article(id) : undefined;
    if (!article) return vscode.l10n.t('This article is not in the current archive ({0}).', id ?? uri.toString());
    return renderArticle(article);
  }

  /** After the archive changes, open article documents re-render. */
  refresh(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) if (uri.scheme === SCHEME) this.changed.fire(uri);
  }
}
