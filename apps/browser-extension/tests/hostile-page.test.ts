import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { browser } from 'wxt/browser';
import { buildMatcher } from '@jianbao/core';
import { HoverCard, CARD_HOST_SELECTOR } from '../lib/hover-card.js';
import { Marker } from '../lib/marker.js';
import { TERM_KINDS } from '../lib/archive-types.js';
import type { CardData } from '../lib/messages.js';

// Issue 16, items 2 and 3: what a page can learn from or do to the card and the marks.
const matcher = buildMatcher([
  { termId: 'p-1234abcd', kind: 'person', forms: ['李晓雯'] },
  { termId: 'g-5678abcd', kind: 'place', forms: ['晋中'] },
]);
const data: CardData = {
  term: { id: 'p-1234abcd', name: '李晓雯', kind: 'person', aliases: [] },
  titles: [],
  moreTitles: 0,
  articles: [{ id: 'a1', title: '秘密标题', paper: '晋中日报', date: '2025-01-01', snippet: '……' }],
  total: 1,
};
const anchor = { left: 10, top: 10, right: 60, bottom: 30, width: 50, height: 20, x: 10, y: 10 } as DOMRect;

beforeAll(() => {
  browser.i18n.getMessage = ((key: string) => key) as typeof browser.i18n.getMessage; // fakeBrowser has no i18n
});

afterEach(() => {
  document.body.innerHTML = '';
  for (const el of document.querySelectorAll(CARD_HOST_SELECTOR)) el.remove();
});

describe('the hover card against a hostile page', () => {
  test('its host is a plain <div> with a closed shadow root, whatever custom elements the page defined first', () => {
    let constructed = 0;
    for (const name of ['jianbao-card', 'jianbao-ui', 'x-card']) {
      customElements.define(name, class extends HTMLElement {
        constructor() {
          super();
          constructed++;
          this.attachShadow({ mode: 'open' });
        }
      });
    }
    const card = new HoverCard(document, { onOpenArticle() {}, onClose() {} });
    card.show(data, anchor);
    expect(constructed).toBe(0);
    const host = document.querySelector(CARD_HOST_SELECTOR) as HTMLElement;
    expect(host).toBe(card.host);
    expect(host.localName).toBe('div');
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
    // Only what it is, nothing of what it shows.
    expect([...host.attributes].map((a) => `${a.name}=${a.value}`).join(' ')).not.toMatch(/李晓雯|秘密|p-1234/);
  });

  test('a page that replaces attachShadow after the content script loaded cannot open the card', () => {
    const original = Element.prototype.attachShadow;
    try {
      Element.prototype.attachShadow = function (this: Element) {
        return original.call(this, { mode: 'open' });
      };
      const card = new HoverCard(document, { onOpenArticle() {}, onClose() {} });
      card.show(data, anchor);
      expect(card.host.shadowRoot).toBeNull();
    } finally {
      Element.prototype.attachShadow = original;
    }
  });
});

describe('marks against a hostile page', () => {
  test('the <mark> fallback carries the kind only: no term text or term id in any attribute', async () => {
    document.body.innerHTML = '<p>李晓雯到晋中</p>';
    const marker = new Marker(document, matcher, { kinds: new Set(TERM_KINDS), useHighlights: false });
    await marker.markDocument();
    const marks = [...document.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['李晓雯', '晋中']);
    for (const m of marks) expect([...m.attributes].map((a) => a.name)).toEqual(['class']);
    expect(marks.map((m) => m.className)).toEqual(['jianbao-mark jianbao-mark-person', 'jianbao-mark jianbao-mark-place']);
  });

  test('highlight names are the kind only', async () => {
    const registry = new Map<string, Set<Range>>();
    const win = window as unknown as { CSS: unknown; Highlight: unknown };
    const saved = { CSS: win.CSS, Highlight: win.Highlight };
    win.CSS = { highlights: registry };
    win.Highlight = class extends Set<Range> {};
    try {
      document.body.innerHTML = '<p>李晓雯到晋中</p>';
      const marker = new Marker(document, matcher, { kinds: new Set(TERM_KINDS) });
      expect(marker.usesHighlights).toBe(true);
      await marker.markDocument();
      expect([...registry.keys()].sort()).toEqual(['jianbao-person', 'jianbao-place']);
      expect(document.querySelectorAll('mark').length).toBe(0);
    } finally {
      Object.assign(win, saved);
    }
  });
});
