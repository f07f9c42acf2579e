/**
 * Marks the archive's terms in a document.
 *
 * Prefers the CSS Custom Highlight API: ranges registered in CSS.highlights are
 * painted by `::highlight(jianbao-<kind>)` rules and the DOM is not touched, so
 * React pages and Trusted Types pages are safe. Where the API is missing, falls
 * back to wrapping the matched text in <mark> elements (DOM nodes created with
 * createElement, never HTML strings).
 *
 * Long pages are processed in time slices, blocks in the viewport first, with a
 * cap on the marks per term; content added later is picked up by a debounced
 * MutationObserver.
 */
import type { Matcher, TermKind, TermMatch } from './archive-types.js';
import { insideSkipped, isSkippedElement, locate, textBlocks, type TextBlock } from './text-blocks.js';

export const HIGHLIGHT_PREFIX = 'jianbao-';
export const WRAP_CLASS = 'jianbao-mark';

export interface Mark {
  termId: string;
  kind: TermKind;
  text: string;
  range: Range;
  nodes: Text[];
  /** Wrap mode only: the <mark> elements holding the text. */
  wrappers?: HTMLElement[];
}

export interface MarkerOptions {
  kinds: ReadonlySet<TermKind>;
  /** At most this many marks per term on one page. */
  capPerTerm?: number;
  /** Milliseconds of work per slice before yielding to the page. */
  sliceMs?: number;
  /** Force the <mark> fallback (tests); default: highlights when the API exists. */
  useHighlights?: boolean;
  mutationDebounceMs?: number;
}

export interface MarkerStats {
  marks: number;
  blocks: number;
  slices: number;
  longestSliceMs: number;
  /** The longest single block (one findAll and its marks): the floor for a slice. */
  longestBlockMs: number;
  /** Total time spent marking (the sum of the slices). */
  busyMs: number;
  startedAt: number;
  finishedAt: number;
}

type HighlightCtor = new (...ranges: Range[]) => Set<Range>;
interface HighlightRegistry {
  set(name: string, highlight: Set<Range>): void;
  get(name: string): Set<Range> | undefined;
  delete(name: string): boolean;
}

function highlightApi(win: Window): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const w = win as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
  return w.CSS?.highlights && w.Highlight ? { registry: w.CSS.highlights, Highlight: w.Highlight } : null;
}

/** Lets the page run: scheduler.yield where it exists, else a macrotask via MessageChannel (not clamped like setTimeout). */
function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export class Marker {
  readonly stats: MarkerStats = { marks: 0, blocks: 0, slices: 0, longestSliceMs: 0, longestBlockMs: 0, busyMs: 0, startedAt: 0, finishedAt: 0 };
  private readonly byNode = new Map<Text, Mark[]>();
  private readonly perTerm = new Map<string, number>();
  private readonly highlights = new Map<TermKind, Set<Range>>();
  private readonly api: ReturnType<typeof highlightApi>;
  private observer: MutationObserver | null = null;
  private dirty = new Set<Node>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly win: Window;

  constructor(
    private readonly doc: Document,
    private matcher: Matcher,
    private readonly options: MarkerOptions,
  ) {
    this.win = doc.defaultView!;
    const api = highlightApi(this.win);
    this.api = options.useHighlights === false ? null : api;
  }

  get usesHighlights(): boolean {
    return this.api !== null;
  }

  get markCount(): number {
    return this.stats.marks;
  }

  /** Every current mark (each once), in no particular order. */
  marks(): Mark[] {
    return [...new Set([...this.byNode.values()].flat())];
  }

  /** Marks the whole document: viewport first, then the rest, in slices. Resolves when done (or superseded). */
  async markDocument(): Promise<void> {
    const generation = ++this.generation;
    this.stats.startedAt = performance.now();
    const root = this.doc.body ?? this.doc.documentElement;
    const blocks: TextBlock[] = [];
    let sliceStart = performance.now();
    const budget = this.options.sliceMs ?? 8;
    const maybeYield = async (): Promise<boolean> => {
      const now = performance.now();
      if (now - sliceStart < budget) return true;
      this.endSlice(now - sliceStart);
      await yieldToPage(this.win);
      sliceStart = performance.now();
      return generation === this.generation;
    };
    let n = 0;
    for (const block of textBlocks(root)) {
      blocks.push(block);
      if (++n % 64 === 0 && !(await maybeYield())) return;
    }
    // Viewport first: the blocks a reader sees get marked in the first slices.
    const height = this.win.innerHeight;
    const visible: TextBlock[] = [];
    const rest: TextBlock[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const rect = blocks[i]!.container.getBoundingClientRect();
      (rect.bottom >= 0 && rect.top <= height && rect.height > 0 ? visible : rest).push(blocks[i]!);
      if (i % 256 === 255 && !(await maybeYield())) return;
    }
    for (const block of [...visible, ...rest]) {
      const t = performance.now();
      this.markBlock(block);
      const took = performance.now() - t;
      if (took > this.stats.longestBlockMs) this.stats.longestBlockMs = took;
      if (!(await maybeYield())) return;
    }
    this.endSlice(performance.now() - sliceStart);
    this.stats.blocks = blocks.length;
    this.stats.finishedAt = performance.now();
  }

  private endSlice(ms: number): void {
    this.stats.slices++;
    this.stats.busyMs += ms;
    if (ms > this.stats.longestSliceMs) this.stats.longestSliceMs = ms;
  }

  private markBlock(block: TextBlock): void {
    // Text may have changed since the block was collected (the page kept running between slices).
    if (block.nodes.some((n) => !n.isConnected)) return;
    const text = block.nodes.map((n) => n.data).join('');
    if (text !== block.text) return this.markSubtree(block.container);
    const matches = this.matcher.findAll(text).filter((m) => this.options.kinds.has(m.kind));
    const cap = this.options.capPerTerm ?? 100;
    const accepted: TermMatch[] = [];
    for (const m of matches) {
      const seen = this.perTerm.get(m.termId) ?? 0;
      if (seen >= cap) continue;
      if (this.overlapsExisting(block, m)) continue;
      this.perTerm.set(m.termId, seen + 1);
      accepted.push(m);
    }
    // Wrapping splits text nodes: go from the end so earlier offsets stay valid.
    for (let i = accepted.length - 1; i >= 0; i--) this.addMark(block, accepted[i]!);
  }

  /** True when the match starts inside a mark already there (a block re-marked while the first pass still runs). */
  private overlapsExisting(block: TextBlock, m: TermMatch): boolean {
    const { node, offset } = locate(block, m.start);
    const marks = this.byNode.get(node);
    if (!marks) return false;
    return marks.some((mark) => mark.range.comparePoint(node, offset) === 0 && !(mark.range.endContainer === node && mark.range.endOffset === offset));
  }

  private addMark(block: TextBlock, m: TermMatch): void {
    const start = locate(block, m.start);
    const end = locate(block, m.end, true);
    const firstIndex = block.nodes.indexOf(start.node);
    const lastIndex = block.nodes.indexOf(end.node);
    const nodes = block.nodes.slice(firstIndex, lastIndex + 1);
    const range = this.doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const mark: Mark = { termId: m.termId, kind: m.kind, text: m.text, range, nodes };
    if (this.api) {
      let highlight = this.highlights.get(m.kind);
      if (!highlight) {
        highlight = new this.api.Highlight();
        this.highlights.set(m.kind, highlight);
        // Named by kind only: the page can list CSS.highlights, and a name must not tell it which terms the archive holds.
        this.api.registry.set(`${HIGHLIGHT_PREFIX}${m.kind}`, highlight);
      }
      highlight.add(range);
    } else {
      mark.wrappers = this.wrap(mark, start, end);
      mark.nodes = mark.wrappers.map((w) => w.firstChild as Text);
      range.setStartBefore(mark.wrappers[0]!.firstChild!);
      range.setEndAfter(mark.wrappers[mark.wrappers.length - 1]!.firstChild!);
    }
    for (const node of mark.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mark);
      else this.byNode.set(node, [mark]);
    }
    this.stats.marks++;
  }

  /** Fallback: wraps each piece of the match (one per text node it spans) in <mark>. */
  private wrap(mark: Mark, start: { node: Text; offset: number }, end: { node: Text; offset: number }): HTMLElement[] {
    const wrappers: HTMLElement[] = [];
    const pieces = mark.nodes.map((node) => ({
      node,
      from: node === start.node ? start.offset : 0,
      to: node === end.node ? end.offset : node.data.length,
    }));
    for (const { node, from, to } of pieces) {
      if (to <= from) continue;
      let target = node;
      if (from > 0) target = target.splitText(from);
      if (to - from < target.data.length) target.splitText(to - from);
      const el = this.doc.createElement('mark');
      // The kind only: which term it is stays in this script (a term id is a hash a page could test names against).
      el.className = `${WRAP_CLASS} ${WRAP_CLASS}-${mark.kind}`;
      target.replaceWith(el);
      el.appendChild(target);
      wrappers.push(el);
    }
    this.observer?.takeRecords(); // our own DOM changes are not page content to re-mark
    return wrappers;
  }

  /** Removes the marks in a subtree (before re-marking it). */
  private unmarkIn(root: Node): void {
    for (const [node, marks] of this.byNode) {
      if (node.isConnected && !root.contains(node)) continue;
      for (const mark of marks) this.removeMark(mark);
    }
  }

  private removeMark(mark: Mark): void {
    for (const node of mark.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((m) => m !== mark);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
    if (mark.wrappers) {
      for (const el of mark.wrappers) if (el.isConnected) el.replaceWith(...el.childNodes);
      this.observer?.takeRecords();
    } else this.highlights.get(mark.kind)?.delete(mark.range);
    this.perTerm.set(mark.termId, Math.max(0, (this.perTerm.get(mark.termId) ?? 1) - 1));
    this.stats.marks--;
  }

  /** Re-marks one subtree now (new or changed content). */
  markSubtree(root: Node): void {
    const container = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
    if (!container || !container.isConnected || isSkippedElement(container) || insideSkipped(container)) return;
    this.unmarkIn(container);
    for (const block of textBlocks(container)) this.markBlock(block);
  }

  /** Watches for content that arrives after load; re-marks changed subtrees after a quiet period. */
  observe(): void {
    if (this.observer || !this.doc.body) return;
    this.observer = new MutationObserver((records) => {
      for (const r of records) {
        const target = r.type === 'characterData' ? r.target.parentNode : r.target;
        if (target) this.dirty.add(target);
      }
      clearTimeout(this.flushTimer);
      this.flushTimer = setTimeout(() => this.flush(), this.options.mutationDebounceMs ?? 250);
    });
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  private flush(): void {
    const roots = [...this.dirty].filter((n) => n.isConnected);
    this.dirty.clear();
    // Only the outermost changed subtrees: re-marking a parent covers its children.
    const outer = roots.filter((n) => !roots.some((o) => o !== n && o.contains(n)));
    const start = performance.now();
    for (const root of outer) {
      const block = blockContainer(root);
      if (block) this.markSubtree(block);
    }
    this.endSlice(performance.now() - start);
    this.stats.finishedAt = performance.now();
    // Marks in removed content: drop them so their nodes can be collected.
    for (const [node, marks] of this.byNode) if (!node.isConnected) for (const m of marks) this.removeMark(m);
    this.onChange?.();
  }

  /** Called after the observer re-marked something (the e2e build reports progress through it). */
  onChange: (() => void) | undefined;

  /** The mark under a viewport point, if any: highlights get no mouse events, so hit-test the caret position. */
  markAt(x: number, y: number): Mark | undefined {
    const caret = caretAt(this.doc, x, y);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
    const marks = this.byNode.get(caret.node as Text);
    if (!marks) return undefined;
    return marks.find((mark) => [...mark.range.getClientRects()].some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1));
  }

  /** Stops observing and removes every mark. */
  clear(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.flushTimer);
    for (const mark of this.marks()) this.removeMark(mark);
    if (this.api) for (const kind of this.highlights.keys()) this.api.registry.delete(`${HIGHLIGHT_PREFIX}${kind}`);
    this.highlights.clear();
    this.perTerm.clear();
    this.stats.marks = 0;
  }
}

function blockContainer(node: Node): Element | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return null;
  // Climb out of inline elements so a split term is re-matched over its whole block.
  let block: Element | null = el;
  while (block && /^(A|B|STRONG|EM|I|SPAN|FONT|U|S|SMALL|MARK|SUB|SUP|LABEL|Q|CITE|ABBR|TIME)$/.test(block.tagName.toUpperCase())) block = block.parentElement;
  return block;
}

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
