/**
 * Splits a DOM subtree into blocks of text: the text nodes that read as one
 * run (a paragraph and its inline <b>, <a>, <span>…), so a term split across
 * inline tags is matched once over the concatenated text and the match is
 * mapped back to (node, offset) pairs.
 */

/** Elements whose text is not page prose, or is the user's own input: never marked. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'TITLE',
]);

/** Inline elements: their text joins the surrounding block's run. Everything else starts a new block. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL', 'LABEL', 'MARK',
  'Q', 'RUBY', 'RB', 'RT', 'RP', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'WBR',
]);

/** Marks the extension's own UI (the hover card host, reader chrome) so it is never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-jianbao-ui';

export interface TextBlock {
  /** The nearest non-inline ancestor: where the run lives (used for viewport ordering). */
  container: Element;
  nodes: Text[];
  /** Start offset of each node in the concatenated text. */
  starts: number[];
  text: string;
}

export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  // isContentEditable also covers descendants of an editable root, which the walker reaches only if the root was not rejected.
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === '' || el.getAttribute('contenteditable') === 'true') return true;
  return el.getAttribute('aria-hidden') === 'true';
}

/** True when some ancestor of `node` (up to `root`'s document) is skipped: for roots handed in by a MutationObserver. */
export function insideSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isSkippedElement(el)) return true;
  return false;
}

function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/**
 * Walks `root` in document order and yields its text blocks. A generator so the
 * caller can time-slice a very long page.
 */
export function* textBlocks(root: Node, skip?: (el: Element) => boolean): Generator<TextBlock, void, undefined> {
  for (const block of walkTextBlocks(root, Infinity, skip)) if (block) yield block;
}

/**
 * The same, also yielding null every `pauseEvery` nodes walked: a point where
 * the caller may yield to the page even inside one block (a paragraph of
 * 200,000 inline text nodes is one block; issue 16).
 */
export function* walkTextBlocks(root: Node, pauseEvery = Infinity, skip?: (el: Element) => boolean): Generator<TextBlock | null, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && node !== root && (isSkippedElement(node as Element) || skip?.(node as Element)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  // A block's text as pieces, joined once when the block ends: 200,000 `+=` build a rope whose flattening stalls.
  let current: TextBlock | null = null;
  let pieces: string[] = [];
  let length = 0;
  const finish = (): TextBlock | null => {
    if (!current) return null;
    const block = current;
    block.text = pieces.join('');
    current = null;
    pieces = [];
    length = 0;
    return block.text.trim() ? block : null;
  };
  let walked = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++walked >= pauseEvery) {
      walked = 0;
      yield null;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      // A block-level element ends the run of its parent (a <div> inside a <div> separates text around it).
      if (!INLINE_TAGS.has((node as Element).tagName.toUpperCase()) && current) {
        const done = finish();
        if (done) yield done;
      }
      continue;
    }
    const text = node as Text;
    const data = text.data;
    if (!data) continue;
    const container = blockOf(text);
    if (!container) continue;
    if (!current || current.container !== container) {
      const done = finish();
      if (done) yield done;
      current = { container, nodes: [], starts: [], text: '' };
    }
    current.starts.push(length);
    current.nodes.push(text);
    pieces.push(data);
    length += data.length;
  }
  const done = finish();
  if (done) yield done;
}

/** Maps an offset in a block's concatenated text to a (node, offset) pair; `end` biases to the earlier node at a boundary. */
export function locate(block: TextBlock, offset: number, end = false): { node: Text; offset: number; index: number } {
  let lo = 0;
  let hi = block.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = block.starts[mid]!;
    if (start < offset || (!end && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: block.nodes[lo]!, offset: offset - block.starts[lo]!, index: lo };
}
