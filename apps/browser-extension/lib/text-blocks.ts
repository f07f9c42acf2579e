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
export function* textBlocks(root: Node): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let current: TextBlock | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      // A block-level element ends the run of its parent (a <div> inside a <div> separates text around it).
      if (!INLINE_TAGS.has((node as Element).tagName.toUpperCase()) && current) {
        if (current.text.trim()) yield current;
        current = null;
      }
      continue;
    }
    const text = node as Text;
    const data = text.data;
    if (!data) continue;
    const container = blockOf(text);
    if (!container) continue;
    if (!current || current.container !== container) {
      if (current?.text.trim()) yield current;
      current = { container, nodes: [], starts: [], text: '' };
    }
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += data;
  }
  if (current?.text.trim()) yield current;
}

/** Maps an offset in a block's concatenated text to a (node, offset) pair; `end` biases to the earlier node at a boundary. */
export function locate(block: TextBlock, offset: number, end = false): { node: Text; offset: number } {
  let lo = 0;
  let hi = block.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = block.starts[mid]!;
    if (start < offset || (!end && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: block.nodes[lo]!, offset: offset - block.starts[lo]! };
}
