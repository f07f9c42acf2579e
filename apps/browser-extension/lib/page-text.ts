/**
 * The article text of the page, for "check this page against the archive".
 * Self-contained (no imports, no closures) because it is also injected with
 * scripting.executeScript. Picks <article> or the element holding the most
 * paragraph text, and joins its paragraphs with newlines.
 */
export function extractArticleText(): { title: string; text: string } {
  const skip = 'script,style,noscript,nav,header,footer,aside,form,button,textarea,input,[data-jianbao-ui]';
  const paragraphText = (root: Element): string[] =>
    [...root.querySelectorAll('p, h1, h2, h3, li, blockquote')]
      .filter((p) => !p.closest(skip) && !p.querySelector('p'))
      .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((s) => s.length > 0);
  const candidates = [...document.querySelectorAll('article, main, [itemprop="articleBody"], .article, .content, #content, body')];
  let best: { text: string[]; length: number } = { text: [], length: 0 };
  for (const c of candidates) {
    const text = paragraphText(c);
    const length = text.reduce((n, s) => n + s.length, 0);
    // Prefer a tighter container unless the bigger one holds clearly more text.
    if (length > best.length * 1.3) best = { text, length };
  }
  let text = best.text.join('\n');
  if (!text) text = (document.body?.innerText ?? '').trim();
  const h1 = document.querySelector('h1')?.textContent?.trim();
  return { title: h1 || document.title, text: text.slice(0, 200_000) };
}
