/**
 * Where a news page's article is: the live elements to mark when the user
 * marks "the article body" (the default), so the logo, the navigation with the
 * sister papers' names, the breadcrumb, the source line and the footer stay
 * unmarked.
 *
 * A light Readability-style score, not @mozilla/readability itself: Readability
 * parses a clone of the document and hands back serialised HTML, while marking
 * needs the live nodes (highlight Ranges); it also costs a clone of the whole
 * page. The score reads each paragraph's text once (Readability's own rule:
 * a paragraph's score goes to its parent, half of it to its grandparent).
 */

/** Page furniture: never the article, and skipped when found inside it. */
const FURNITURE_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'MENU']);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search']);
/** Class or id words of furniture on Chinese and Western news sites (crumb, 来源 lines, share bars, related lists). */
const FURNITURE_NAMES =
  /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|header|masthead|logo|footer|foot|copyright|share|sharing|social|comments?|related|recommend|sidebar|side|ad|ads|advert|tags?|source|info|meta|byline|location|position|pos|daohang|mianbao|laiyuan)([\s_-]|$)/i;

export function isFurniture(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  const names = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
  return names.trim() !== '' && FURNITURE_NAMES.test(names);
}

/**
 * What marking skips inside the article: furniture, except an element holding the
 * headline (<article><header><h1>…): its other furniture (a source line) is still skipped.
 */
export function skipFurniture(el: Element): boolean {
  return isFurniture(el) && !el.querySelector('h1');
}

function insideFurniture(el: Element, stop: Element | null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (isFurniture(e)) return true;
  return false;
}

export interface ArticleBody {
  /** The elements to mark, in document order: the article's text container and, when outside it, its headline. */
  roots: Element[];
  /** How it was found (for tests and the e2e build's report). */
  how: 'schema' | 'score';
}

/** Characters of prose in a paragraph that count it (short lines are captions, dates, links). */
const MIN_PARAGRAPH = 20;
/** Below this much paragraph text on the page there is no article to find (an index page, or one still loading). */
const MIN_BODY = 80;

/**
 * The article body of `doc`, or null when the page has none worth the name
 * (the caller then marks the page without its furniture).
 */
export function findArticleBody(doc: Document): ArticleBody | null {
  const body = doc.body;
  if (!body) return null;
  const schema = doc.querySelector('[itemprop="articleBody"]');
  if (schema && textLength(schema) >= MIN_BODY) return { roots: withHeadline(doc, schema), how: 'schema' };

  const scores = new Map<Element, number>();
  let total = 0;
  for (const p of doc.querySelectorAll('p, pre, td, blockquote')) {
    if (p.querySelector('p')) continue;
    const text = p.textContent ?? '';
    const length = text.replace(/\s+/g, '').length;
    if (length < MIN_PARAGRAPH || insideFurniture(p, null)) continue;
    total += length;
    // Readability's paragraph score: one, plus one per comma (Chinese and Western), plus one per 100 characters (at most 3).
    const commas = (text.match(/[，,、；;]/g) ?? []).length;
    const score = 1 + commas + Math.min(3, Math.floor(length / 100));
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  if (total < MIN_BODY) return null;
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) if (score > bestScore && el !== body && el !== doc.documentElement) (best = el), (bestScore = score);
  if (!best) return null;
  // An <article> or <main> just around the winner that adds no furniture text is the same story: take it (keeps the headline in).
  const wrapper = best.closest('article, [itemprop="articleBody"]');
  if (wrapper && wrapper !== body && !hasFurnitureText(wrapper, best)) best = wrapper;
  return { roots: withHeadline(doc, best), how: 'score' };
}

/** Whether `outer` holds text outside `inner` that sits in furniture (a source line, a crumb). */
function hasFurnitureText(outer: Element, inner: Element): boolean {
  for (const el of outer.querySelectorAll('*')) {
    if (inner.contains(el) || el.contains(inner)) continue;
    if (isFurniture(el) && (el.textContent ?? '').trim()) return true;
  }
  return false;
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

/** The root plus the page's headline when it is outside the root: the first <h1> (not in furniture) before it. */
function withHeadline(doc: Document, root: Element): Element[] {
  // An <h1> in a page header is the site's name (a logo); one in the article's own <header> is the headline.
  const h1 = [...doc.querySelectorAll('h1')].find((h) => isHeadline(h) && (h.textContent ?? '').trim());
  if (!h1 || root.contains(h1) || h1.contains(root)) return [root];
  const before = h1.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING;
  return before ? [h1, root] : [root, h1];
}

function isHeadline(h1: Element): boolean {
  for (let e: Element | null = h1; e; e = e.parentElement) {
    if (isFurniture(e) && !(e.tagName.toUpperCase() === 'HEADER' && e.parentElement?.closest('article'))) return false;
  }
  return true;
}
