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
import { MaxWaitDebounce } from './debounce.js';
import { Slices } from './slices.js';
import { insideSkipped, isSkippedElement, locate, textBlocks, walkTextBlocks, type TextBlock } from './text-blocks.js';

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
  /** Quiet time after the page's last change before late content is marked (default 250 ms)… */
  mutationDebounceMs?: number;
  /** …but never later than this after the first unmarked change (default 1 s): a page that never stops changing still gets marked. */
  mutationMaxWaitMs?: number;
  /** Text nodes walked or checked between looks at the slice's budget (default 1024; a larger block is marked in pieces). */
  nodesPerCheck?: number;
  /** Mark only inside these roots, skipping elements `skip` accepts (the article body); default: the whole page. */
  scope?: MarkScope;
  /** Mark in document order rather than viewport first (with capPerTerm 1: each term's first mention). */
  documentOrder?: boolean;
}

export interface MarkScope {
  /** The elements to mark in (document order); `null` roots mean the document's body. */
  roots: Element[] | null;
  /** Descendants to leave out (page furniture inside the article). */
  skip(el: Element): boolean;
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
  /** When the first mark was painted (performance.now()): what a reader sees first. */
  firstMarkAt: number;
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

export class Marker {
  readonly stats: MarkerStats = { marks: 0, blocks: 0, slices: 0, longestSliceMs: 0, longestBlockMs: 0, busyMs: 0, startedAt: 0, finishedAt: 0, firstMarkAt: 0 };
  private readonly byNode = new Map<Text, Mark[]>();
  private readonly perTerm = new Map<string, number>();
  private readonly highlights = new Map<TermKind, Set<Range>>();
  private readonly api: ReturnType<typeof highlightApi>;
  private observer: MutationObserver | null = null;
  private dirty = new Set<Node>();
  private readonly debounce: MaxWaitDebounce;
  /** True while a (sliced) flush runs: a flush asked for meanwhile runs after it. */
  private flushing = false;
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
    this.debounce = new MaxWaitDebounce(() => void this.flush(), options.mutationDebounceMs ?? 250, options.mutationMaxWaitMs ?? 1000);
  }

  private get nodesPerCheck(): number {
    return this.options.nodesPerCheck ?? 1024;
  }

  private slices(generation: number): Slices {
    return new Slices(this.win, this.options.sliceMs ?? 8, this.stats, () => generation === this.generation);
  }

  get usesHighlights(): boolean {
    return this.api !== null;
  }

  get markCount(): number {
    return this.stats.marks;
  }

  /** Every current mark in document order (for next/previous). */
  orderedMarks(): Mark[] {
    return this.marks()
      .filter((m) => m.nodes.every((n) => n.isConnected))
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  /** Every current mark (each once), in no particular order. */
  marks(): Mark[] {
    return [...new Set([...this.byNode.values()].flat())];
  }

  /** Marks the whole document: viewport first, then the rest, in slices. Resolves when done (or superseded). */
  async markDocument(): Promise<void> {
    const generation = ++this.generation;
    this.stats.startedAt = performance.now();
    const slices = this.slices(generation);
    const blocks: TextBlock[] = [];
    for (const root of this.roots()) {
      const found = await this.collect(root, slices);
      if (!found) return;
      blocks.push(...found);
    }
    // Viewport first: the blocks a reader sees get marked in the first slices.
    const height = this.win.innerHeight;
    const visible: TextBlock[] = [];
    const rest: TextBlock[] = [];
    for (let i = 0; i < blocks.length && !this.options.documentOrder; i++) {
      const rect = blocks[i]!.container.getBoundingClientRect();
      (rect.bottom >= 0 && rect.top <= height && rect.height > 0 ? visible : rest).push(blocks[i]!);
      if (i % 256 === 255 && !(await slices.next())) return;
    }
    const ordered = this.options.documentOrder ? blocks : [...visible, ...rest];
    for (const block of ordered) if (!(await this.markBlockInSlices(block, slices))) return;
    slices.end();
    this.stats.blocks = blocks.length;
    this.stats.finishedAt = performance.now();
  }

  /** The text blocks under root, walked in slices (also inside one huge block); null when superseded. */
  private async collect(root: Node, slices: Slices): Promise<TextBlock[] | null> {
    const blocks: TextBlock[] = [];
    for (const block of walkTextBlocks(root, this.nodesPerCheck, this.options.scope?.skip)) {
      if (block) blocks.push(block);
      else if (!(await slices.next())) return null;
    }
    return blocks;
  }

  /**
   * Marks one block, yielding to the page inside it when it is large: its text
   * is checked and its marks added a piece at a time (the match itself is one
   * findAll over the block's whole text, so terms that cross text nodes match).
   * The page may change the block between pieces: each mark is added only if
   * the text nodes it spans are still as they were; otherwise the block is left
   * to the mutation flush. Resolves false when superseded.
   */
  private async markBlockInSlices(block: TextBlock, slices: Slices): Promise<boolean> {
    const every = this.nodesPerCheck;
    if (!this.api || block.nodes.length <= every) {
      // Small blocks in one go; the <mark> fallback splits nodes as it wraps, so it always marks a block at once.
      const t = performance.now();
      // Changed since it was collected (the page kept running between slices): left to the mutation flush.
      if (block.nodes.every((n) => n.isConnected) && block.nodes.map((n) => n.data).join('') === block.text) this.markBlock(block);
      else this.requeue(block);
      this.stats.longestBlockMs = Math.max(this.stats.longestBlockMs, performance.now() - t);
      return slices.next();
    }
    for (let i = 0; i < block.nodes.length; i++) {
      if (!this.nodeIntact(block, i)) return this.requeue(block), slices.next();
      if (i % every === every - 1 && !(await slices.next())) return false;
    }
    const t = performance.now();
    const matches = this.matcher.findAll(block.text);
    this.stats.longestBlockMs = Math.max(this.stats.longestBlockMs, performance.now() - t);
    const cap = this.options.capPerTerm ?? 100;
    for (const m of matches) {
      if (!this.options.kinds.has(m.kind)) continue;
      const seen = this.perTerm.get(m.termId) ?? 0;
      if (seen >= cap) continue;
      const start = locate(block, m.start);
      const end = locate(block, m.end, true);
      for (let i = start.index; i <= end.index; i++) if (!this.nodeIntact(block, i)) return this.requeue(block), slices.next();
      if (this.overlapsExisting(block, m)) continue;
      this.perTerm.set(m.termId, seen + 1);
      this.addMark(block, m);
      // Every mark: in a parent of 200,000 children one Range costs ~1 ms (the browser finds each node's index by walking its siblings).
      if (slices.due() && !(await slices.next())) return false;
    }
    return slices.next();
  }

  /** Whether the block's i-th text node is still in the page with the text it had when the block was collected. */
  private nodeIntact(block: TextBlock, i: number): boolean {
    const node = block.nodes[i]!;
    const from = block.starts[i]!;
    const to = i + 1 < block.starts.length ? block.starts[i + 1]! : block.text.length;
    return node.isConnected && node.data.length === to - from && node.data === block.text.slice(from, to);
  }

  /** A block the page changed while it was being marked: re-marked by the next mutation flush. */
  private requeue(block: TextBlock): void {
    this.dirty.add(block.container);
    this.debounce.call();
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
    if (!this.stats.firstMarkAt) this.stats.firstMarkAt = performance.now();
    const start = locate(block, m.start);
    const end = locate(block, m.end, true);
    const nodes = block.nodes.slice(start.index, end.index + 1);
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
    for (const scoped of this.inScope(container)) {
      this.unmarkIn(scoped);
      for (const block of textBlocks(scoped, this.options.scope?.skip)) this.markBlock(block);
    }
  }

  /** The roots marking starts from: the scope's, else the body. */
  private roots(): Element[] {
    const roots = this.options.scope?.roots?.filter((r) => r.isConnected);
    return roots?.length ? roots : [this.doc.body ?? this.doc.documentElement];
  }

  /**
   * The parts of a changed subtree that are to be marked: itself when it lies in a
   * scope root (and not in furniture there), else the scope roots inside it.
   */
  private inScope(container: Element): Element[] {
    const scope = this.options.scope;
    if (!scope) return [container];
    for (const root of this.roots()) {
      if (!root.contains(container)) continue;
      for (let el: Element | null = container; el && el !== root; el = el.parentElement) if (scope.skip(el)) return [];
      return [container];
    }
    return this.roots().filter((root) => container.contains(root));
  }

  /**
   * Watches for content that arrives after load; re-marks changed subtrees after
   * a quiet period, or after the maximum wait on a page that never goes quiet.
   * Safe to start before markDocument: changes made while it runs are caught.
   */
  observe(): void {
    if (this.observer || !this.doc.body) return;
    this.observer = new MutationObserver((records) => {
      for (const r of records) {
        const target = r.type === 'characterData' ? r.target.parentNode : r.target;
        if (target) this.dirty.add(target);
      }
      this.debounce.call();
    });
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  /** Re-marks the changed subtrees, in slices; resolves when done or superseded. */
  private async flush(): Promise<void> {
    if (this.flushing) return void this.debounce.call(); // again once the running flush is done
    this.flushing = true;
    const generation = this.generation;
    const slices = this.slices(generation);
    try {
      const roots = [...this.dirty].filter((n) => n.isConnected);
      this.dirty.clear();
      // Only the outermost changed subtrees: re-marking a parent covers its children.
      const containers = new Set<Element>();
      for (const root of roots) {
        const block = blockContainer(root);
        if (block && block.isConnected && !isSkippedElement(block) && !insideSkipped(block)) containers.add(block);
      }
      const scoped = new Set([...containers].flatMap((c) => this.inScope(c)));
      const outer = [...scoped].filter((n) => ![...scoped].some((o) => o !== n && o.contains(n)));
      for (const container of outer) {
        if (!container.isConnected) continue;
        this.unmarkIn(container);
        const blocks = await this.collect(container, slices);
        if (!blocks) return;
        for (const block of blocks) if (!(await this.markBlockInSlices(block, slices))) return;
      }
      slices.end();
      this.stats.finishedAt = performance.now();
      // Marks in removed content: drop them so their nodes can be collected.
      for (const [node, marks] of this.byNode) if (!node.isConnected) for (const m of marks) this.removeMark(m);
      this.onChange?.();
    } finally {
      this.flushing = false;
    }
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
    this.debounce.cancel();
    this.dirty.clear();
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
