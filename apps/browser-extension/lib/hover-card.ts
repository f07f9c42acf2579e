/**
 * The hover card: a closed shadow root (the page can neither style nor read
 * it), archive text set as text only, kept inside the viewport, dark-mode
 * aware, reachable with Tab and dismissed with Esc.
 *
 * The host is a plain <div>, never a custom element name: a page that defines
 * that name first gets its own constructor run on our host and, through
 * attachInternals(), the "closed" shadow root (issue 16). A <div> cannot be
 * upgraded, and it is created and given its shadow root from the content
 * script's isolated world, with the prototype methods captured when this
 * module loads.
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { dateRange } from '@jianbao/core';
import type { CardData } from './messages.js';
import { h } from './dom.js';
import { t, tCount } from './i18n.js';
import { OWN_UI_ATTRIBUTE } from './text-blocks.js';

const CSS = `
:host { all: initial !important; display: block !important; }
:host([hidden]) { display: none !important; }
/* Positioned inside the shadow root, where the page cannot override left/top. */
.card { position: fixed; z-index: 2147483647; left: 0; top: 0; box-sizing: border-box; width: min(360px, calc(100vw - 16px)); max-height: min(420px, calc(100vh - 16px)); overflow: auto;
  font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif;
  color: #1d1d1f; background: #fff; border: 1px solid #d0d0d7; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18);
  padding: 10px 12px; text-align: left; }
header { display: flex; align-items: baseline; gap: 8px; }
.name { font-size: 16px; font-weight: 600; }
.kind { font-size: 12px; padding: 0 6px; border-radius: 8px; background: #eef; color: #334; }
.kind.person { background: #fde8d7; color: #7a3500; } .kind.place { background: #dff3e4; color: #1c5b2c; }
.kind.organisation { background: #e1ebfb; color: #173f7a; } .kind.policy { background: #f1e4f8; color: #5a2377; }
.copy { margin-left: auto; border: 1px solid #d0d0d7; background: transparent; font: inherit; font-size: 12px; cursor: pointer; color: inherit; padding: 1px 8px; border-radius: 6px; white-space: nowrap; }
.copy + .close { margin-left: 0; }
.copied { color: #1c7a3a; font-size: 12px; }
.close { margin-left: auto; border: 0; background: transparent; font: inherit; font-size: 18px; line-height: 1; cursor: pointer; color: inherit; padding: 2px 6px; border-radius: 6px; }
.aliases, .meta, .empty, .total { color: #5f6068; font-size: 12px; }
h3 { font-size: 12px; font-weight: 600; color: #5f6068; margin: 10px 0 4px; }
ul { list-style: none; margin: 0; padding: 0; }
/* A title on its own line, its dates and article count under it: long compound titles stay readable. */
.roles li { display: block; margin: 0 0 4px; } .roles .meta { display: block; }
.article { display: block; width: 100%; text-align: left; border: 0; background: transparent; font: inherit; color: inherit;
  padding: 6px; margin: 0 -6px; border-radius: 6px; cursor: pointer; }
.article:hover, .article:focus-visible, .close:focus-visible, .copy:focus-visible { background: #f0f2f7; outline: 2px solid #4a6cf7; outline-offset: -2px; }
.title { display: block; font-weight: 600; }
.snippet { display: block; font-size: 13px; color: #3a3a40; }
@media (prefers-color-scheme: dark) {
  .card { color: #ececf1; background: #1f2024; border-color: #3a3b42; box-shadow: 0 8px 28px rgba(0,0,0,.6); }
  .aliases, .meta, .empty, .total, h3 { color: #a4a6b0; } .snippet { color: #cfd0d6; }
  .article:hover, .article:focus-visible, .close:focus-visible { background: #2c2e35; }
  .copy { border-color: #3a3b42; } .copied { color: #7ad38f; }
  .kind.person { background: #5a2c0c; color: #ffd9bd; } .kind.place { background: #183f24; color: #c6efd2; }
  .kind.organisation { background: #18335c; color: #cfe0ff; } .kind.policy { background: #3e1b52; color: #efd6fb; }
}`;

/** Captured at load: the content script never calls a method a page could have replaced on the instance or prototype. */
const attachShadow = Element.prototype.attachShadow;

/** The host's marker attribute and value: says what it is, never which term it shows. */
export const CARD_HOST_SELECTOR = `div[${OWN_UI_ATTRIBUTE}="card"]`;

export interface HoverCardOptions {
  onOpenArticle(id: string): void;
  onClose(): void;
  /** ArrowRight / ArrowLeft in the card: the next or previous mark on the page (keyboard reading). */
  onStep?(delta: 1 | -1): void;
  /** e2e builds mirror what the card shows onto the host, since tests cannot enter a closed shadow root. */
  exposeForTests?: boolean;
}

export class HoverCard {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly card: HTMLElement;
  private anchor: DOMRect | null = null;
  private data: CardData | null = null;
  /** Bumped by each placement: a slower earlier computePosition never moves the card after a later one. */
  private placing = 0;

  constructor(
    private readonly doc: Document,
    private readonly options: HoverCardOptions,
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute(OWN_UI_ATTRIBUTE, 'card');
    this.host.hidden = true;
    this.root = attachShadow.call(this.host, { mode: 'closed' });
    adoptStyles(doc, this.root, CSS);
    this.card = h(doc, 'div', { class: 'card', attrs: { role: 'dialog', 'aria-modal': 'false', tabindex: '-1' } });
    this.root.append(this.card);
    this.root.addEventListener('keydown', (e) => this.onKeydown(e as KeyboardEvent));
    this.root.addEventListener('click', (e) => this.onClick(e as MouseEvent));
  }

  get visible(): boolean {
    return !this.host.hidden && this.host.isConnected;
  }

  /** True when the event happened inside the card (events are retargeted to the host outside the shadow root). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  showLoading(name: string, anchor: DOMRect): void {
    this.render([h(this.doc, 'header', {}, h(this.doc, 'span', { class: 'name' }, name)), h(this.doc, 'p', { class: 'empty' }, t('cardLoading'))], name);
    this.place(anchor);
  }

  show(data: CardData, anchor: DOMRect): void {
    const d = this.doc;
    const kindLabel = t(`kind_${data.term.kind}`);
    const parts: Node[] = [
      h(d, 'header', {},
        h(d, 'span', { class: 'name' }, data.term.name),
        h(d, 'span', { class: `kind ${data.term.kind}` }, kindLabel),
        h(d, 'button', { class: 'copy', attrs: { type: 'button', 'data-action': 'copy', title: t('cardCopyTitle') } }, t('cardCopy')),
        h(d, 'button', { class: 'close', attrs: { type: 'button', 'aria-label': t('cardClose'), 'data-action': 'close' } }, '×'),
      ),
    ];
    if (data.term.aliases.length) parts.push(h(d, 'div', { class: 'aliases' }, `${t('cardAliases')}${data.term.aliases.join('、')}`));
    const titles = Array.isArray(data.titles) ? data.titles : [];
    if (data.term.kind === 'person' && titles.length) {
      // Distinct titles, newest first: the range of dates that print each and in how many articles.
      parts.push(h(d, 'h3', {}, t('cardRoles')));
      const rows = titles.map((r) =>
        h(d, 'li', {}, h(d, 'span', {}, String(r.title)), h(d, 'span', { class: 'meta' }, `${dateRange(r) || t('undated')} · ${tCount('cardTitleArticles', Number(r.articles), String(r.articles))}`)),
      );
      if (data.moreTitles > 0) rows.push(h(d, 'li', { class: 'more' }, h(d, 'span', { class: 'meta' }, t('cardMoreTitles', String(data.moreTitles)))));
      parts.push(h(d, 'ul', { class: 'roles' }, ...rows));
    }
    parts.push(h(d, 'h3', {}, t('cardArticles', String(data.total))));
    if (!data.articles.length) parts.push(h(d, 'p', { class: 'empty' }, t('cardNoArticles')));
    parts.push(
      h(d, 'ul', { class: 'articles' },
        ...data.articles.map((a) =>
          h(d, 'li', {},
            h(d, 'button', { class: 'article', attrs: { type: 'button', 'data-id': a.id } },
              h(d, 'span', { class: 'title' }, a.title),
              h(d, 'span', { class: 'meta' }, [a.paper, a.date ?? t('undated')].filter(Boolean).join(' · ')),
              h(d, 'span', { class: 'snippet' }, a.snippet),
            ),
          ),
        ),
      ),
    );
    parts.push(h(d, 'p', { class: 'copied', attrs: { role: 'status', 'aria-live': 'polite' } }));
    this.data = data;
    this.render(parts, data.term.name);
    this.place(anchor);
    if (this.options.exposeForTests) {
      this.host.dataset.e2eTerm = data.term.name;
      this.host.dataset.e2eKind = kindLabel;
      this.host.dataset.e2eText = this.card.textContent ?? '';
      this.host.dataset.e2eBackground = getComputedStyle(this.card).backgroundColor;
      this.host.dataset.e2eArticles = JSON.stringify([...this.card.querySelectorAll('.article .title')].map((n) => n.textContent));
    }
  }

  private render(parts: Node[], label: string): void {
    this.card.replaceChildren(...parts);
    this.card.setAttribute('aria-label', label);
    if (!this.host.isConnected) (this.doc.documentElement ?? this.doc.body).append(this.host);
    this.host.hidden = false;
  }

  /**
   * Placed by Floating UI: below the term, flipped above when there is more room there, shifted sideways to stay in
   * the viewport, and its height limited to the room on that side, so it never covers the term it explains.
   */
  private place(anchor: DOMRect): void {
    this.anchor = anchor;
    const run = ++this.placing;
    const margin = 8;
    const reference = { getBoundingClientRect: () => anchor, getClientRects: () => [anchor] };
    const card = this.card;
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: margin, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: margin }),
        size({
          padding: margin,
          apply: ({ availableHeight }) => void (card.style.maxHeight = `${Math.max(60, Math.min(420, Math.floor(availableHeight)))}px`),
        }),
      ],
    }).then(({ x, y }) => {
      if (run !== this.placing || this.anchor !== anchor) return;
      card.style.left = `${Math.round(x)}px`;
      card.style.top = `${Math.round(y)}px`;
      if (this.options.exposeForTests) {
        const r = card.getBoundingClientRect();
        this.host.dataset.e2eRect = JSON.stringify({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
        this.host.dataset.e2eAnchor = JSON.stringify({ left: anchor.left, top: anchor.top, right: anchor.right, bottom: anchor.bottom });
      }
    });
  }

  /** The card's entry as plain text, for the clipboard: name, kind, aliases, titles, articles. */
  entryText(): string {
    const data = this.data;
    if (!data) return '';
    const lines = [`${data.term.name}（${t(`kind_${data.term.kind}`)}）`];
    if (data.term.aliases.length) lines.push(`${t('cardAliases')}${data.term.aliases.join('、')}`);
    for (const r of Array.isArray(data.titles) ? data.titles : []) lines.push(`${String(r.title)}　${dateRange(r) || t('undated')}`);
    lines.push(t('cardArticles', String(data.total)));
    for (const a of data.articles) lines.push(`《${a.title}》${[a.paper, a.date ?? t('undated')].filter(Boolean).join('，')}`);
    return lines.join('\n');
  }

  private async copy(): Promise<void> {
    const text = this.entryText();
    const status = this.card.querySelector('.copied');
    let done = false;
    try {
      await this.doc.defaultView!.navigator.clipboard.writeText(text);
      done = true;
    } catch {
      // Not a secure context, or the page's permissions policy forbids it: a selection copy inside the shadow root.
      const area = this.doc.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.cssText = 'position:fixed;opacity:0;left:0;top:0;width:1px;height:1px';
      this.root.append(area);
      area.select();
      done = this.doc.execCommand('copy');
      area.remove();
    }
    if (status) status.textContent = t(done ? 'cardCopied' : 'cardCopyFailed');
    if (this.options.exposeForTests) this.host.dataset.e2eCopied = done ? text : '';
  }

  /** Moves keyboard focus into the card (Tab while it is open). */
  focus(): boolean {
    if (!this.visible) return false;
    const first = this.card.querySelector<HTMLElement>('.article') ?? this.card.querySelector<HTMLElement>('button') ?? this.card;
    first.focus();
    return true;
  }

  hasFocus(): boolean {
    return this.doc.activeElement === this.host;
  }

  hide(): void {
    this.host.hidden = true;
    this.anchor = null;
    this.data = null;
    if (this.options.exposeForTests) delete this.host.dataset.e2eTerm;
  }

  get anchorRect(): DOMRect | null {
    return this.anchor;
  }

  private onKeydown(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.options.onClose();
      return;
    }
    if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && this.options.onStep) {
      e.preventDefault();
      e.stopPropagation();
      this.options.onStep(e.key === 'ArrowRight' ? 1 : -1);
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const items = [...this.card.querySelectorAll<HTMLElement>('.article')];
      const at = items.indexOf(this.root.activeElement as HTMLElement);
      const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      if (next) (next.focus(), e.preventDefault());
    }
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted) return;
    const target = (e.target as Element | null)?.closest?.('button');
    if (!target) return;
    if (target.dataset.action === 'close') return this.options.onClose();
    if (target.dataset.action === 'copy') return void this.copy();
    if (target.dataset.id) this.options.onOpenArticle(target.dataset.id);
  }
}

/**
 * Styles for the shadow root as a constructed stylesheet: not subject to the
 * page's style-src CSP (an inline <style> would be on strict pages).
 */
function adoptStyles(doc: Document, root: ShadowRoot, css: string): void {
  const win = doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
  try {
    const sheet = new (win?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
