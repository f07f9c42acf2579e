/**
 * Shows the hover card after the pointer dwells on a marked term. Highlights
 * receive no mouse events, so the term under the pointer is found by hit
 * testing the caret position (Marker.markAt). Only trusted (user) events count:
 * a page cannot script the card open or click in it.
 */
import type { CardData } from './messages.js';
import { HoverCard } from './hover-card.js';
import type { Mark, Marker } from './marker.js';

export interface HoverOptions {
  dwellMs?: number;
  hideDelayMs?: number;
  loadCard(termId: string): Promise<CardData | null>;
  openArticle(id: string): void;
  /** The next or previous mark from the keyboard (ArrowRight/ArrowLeft in the card). */
  step?(delta: 1 | -1): void;
  exposeForTests?: boolean;
}

export class HoverController {
  readonly card: HoverCard;
  private dwellTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private shown: { termId: string; mark: Mark } | null = null;
  private readonly cache = new Map<string, Promise<CardData | null>>();
  private returnFocus: HTMLElement | null = null;
  /** When the pointer last moved (event time), for the e2e build's hover-to-card latency figure. */
  private lastMoveAt = 0;
  /** Test builds: pointer moves seen and ignored as untrusted, and dwells started (on documentElement's dataset). */
  private untrustedMoves = 0;
  private dwellsStarted = 0;
  private readonly listeners: [string, EventListener, AddEventListenerOptions][] = [];

  constructor(
    private readonly doc: Document,
    private readonly marker: () => Marker | null,
    private readonly options: HoverOptions,
  ) {
    this.card = new HoverCard(doc, {
      onOpenArticle: (id) => {
        this.hide();
        options.openArticle(id);
      },
      onClose: () => this.hide(true),
      onStep: options.step ? (delta) => options.step!(delta) : undefined,
      exposeForTests: options.exposeForTests ?? false,
    });
    this.listen('mousemove', (e) => this.onMove(e as MouseEvent), { passive: true, capture: true });
    this.listen('keydown', (e) => this.onKeydown(e as KeyboardEvent), { capture: true });
    this.listen('mousedown', (e) => {
      if (e.isTrusted && this.card.visible && !this.card.contains(e.target)) this.hide();
    }, { capture: true });
    this.listen('scroll', () => this.card.visible && !this.card.hasFocus() && this.hide(), { passive: true, capture: true });
  }

  private listen(type: string, fn: EventListener, opts: AddEventListenerOptions): void {
    this.doc.addEventListener(type, fn, opts);
    this.listeners.push([type, fn, opts]);
  }

  private onMove(e: MouseEvent): void {
    if (!e.isTrusted) {
      if (this.options.exposeForTests) this.doc.documentElement.dataset.jianbaoUntrustedMoves = String(++this.untrustedMoves);
      return;
    }
    if (this.card.contains(e.target)) {
      clearTimeout(this.hideTimer);
      clearTimeout(this.dwellTimer);
      return;
    }
    const { clientX: x, clientY: y } = e;
    this.lastMoveAt = e.timeStamp;
    clearTimeout(this.dwellTimer);
    this.dwellTimer = setTimeout(() => this.dwell(x, y), this.options.dwellMs ?? 300);
    if (this.options.exposeForTests) this.doc.documentElement.dataset.jianbaoDwells = String(++this.dwellsStarted);
  }

  private dwell(x: number, y: number): void {
    const mark = this.marker()?.markAt(x, y);
    if (!mark) {
      if (this.card.visible && !this.card.hasFocus()) {
        clearTimeout(this.hideTimer);
        this.hideTimer = setTimeout(() => this.hide(), this.options.hideDelayMs ?? 250);
      }
      return;
    }
    clearTimeout(this.hideTimer);
    if (this.shown?.mark === mark && this.card.visible) return;
    void this.open(mark);
  }

  /** Opens the card for a mark (also used by the reader page for keyboard access). */
  async open(mark: Mark): Promise<void> {
    this.shown = { termId: mark.termId, mark };
    const anchor = anchorOf(mark);
    this.card.showLoading(mark.text, anchor);
    let data = this.cache.get(mark.termId);
    if (!data) {
      data = this.options.loadCard(mark.termId).catch(() => null);
      this.cache.set(mark.termId, data);
    }
    const card = await data;
    if (this.shown?.mark !== mark) return; // the pointer moved on meanwhile
    if (!card) return this.hide();
    this.card.show(card, anchorOf(mark));
    if (this.options.exposeForTests) {
      this.card.host.dataset.e2eLatency = JSON.stringify({ moveAt: this.lastMoveAt, shownAt: performance.now(), dwellMs: this.options.dwellMs ?? 300 });
    }
  }

  /**
   * Opens a mark's card from the keyboard (the next/previous-mark command): scrolls the term into view and
   * moves focus into the card, so Tab, the arrows, Enter and Esc work there; Esc returns focus where it was.
   */
  async openFromKeyboard(mark: Mark): Promise<void> {
    if (!this.card.hasFocus()) this.returnFocus = this.doc.activeElement instanceof HTMLElement && this.doc.activeElement !== this.doc.body ? this.doc.activeElement : null;
    const el = mark.nodes[0]?.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    await this.open(mark);
    if (this.shown?.mark === mark) this.card.focus();
  }

  private onKeydown(e: KeyboardEvent): void {
    if (!e.isTrusted || !this.card.visible) return;
    if (e.key === 'Escape') {
      this.hide(true);
      return;
    }
    // Tab from the page while the card is open moves into it, so it is reachable without a mouse.
    if (e.key === 'Tab' && !e.shiftKey && !this.card.hasFocus()) {
      this.returnFocus = this.doc.activeElement instanceof HTMLElement ? this.doc.activeElement : null;
      if (this.card.focus()) e.preventDefault();
    }
  }

  hide(restoreFocus = false): void {
    clearTimeout(this.hideTimer);
    clearTimeout(this.dwellTimer);
    const hadFocus = this.card.hasFocus();
    this.card.hide();
    this.shown = null;
    if ((restoreFocus || hadFocus) && this.returnFocus?.isConnected) this.returnFocus.focus();
    else if (hadFocus) (this.doc.activeElement as HTMLElement | null)?.blur?.();
    this.returnFocus = null;
  }

  /** Forgets cached cards (the archive changed). */
  resetCache(): void {
    this.cache.clear();
  }

  destroy(): void {
    this.hide();
    for (const [type, fn, opts] of this.listeners) this.doc.removeEventListener(type, fn, opts);
    this.card.host.remove();
  }
}

function anchorOf(mark: Mark): DOMRect {
  const rects = mark.range.getClientRects();
  return rects[0] ?? mark.range.getBoundingClientRect();
}
