import { afterEach, describe, expect, test } from 'vitest';
import { Marker } from '../lib/marker.js';
import { buildMatcher, buildMatcherSection } from '@jianbao/core';
import { loadMatcherSection } from '../lib/matcher.js';
import { TERM_KINDS } from '../lib/archive-types.js';

const entries = [
  { termId: 'p1', kind: 'person' as const, forms: ['常书铭'] },
  { termId: 'g1', kind: 'place' as const, forms: ['晋中'] },
];
const matcher = buildMatcher(entries);
const allKinds = new Set(TERM_KINDS);

afterEach(() => {
  document.body.innerHTML = '';
});

// happy-dom has no CSS Custom Highlight API, so these exercise the <mark> fallback.
describe('Marker (wrapping fallback)', () => {
  test('wraps each term, including one split across inline tags, and keeps the text intact', async () => {
    document.body.innerHTML = '<p id="a">晋中市委书记<b>常书</b><a href="#">铭</a>到晋中</p>';
    const before = document.body.textContent;
    const marker = new Marker(document, matcher, { kinds: allKinds });
    expect(marker.usesHighlights).toBe(false);
    await marker.markDocument();
    expect(document.body.textContent).toBe(before);
    const marks = [...document.querySelectorAll('mark.jianbao-mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['晋中', '常书', '铭', '晋中']);
    expect(marks.map((m) => m.className.split(' ')[1])).toEqual(['jianbao-mark-place', 'jianbao-mark-person', 'jianbao-mark-person', 'jianbao-mark-place']);
    expect(marker.marks().map((m) => m.text).sort()).toEqual(['晋中', '晋中', '常书铭'].sort());
  });

  test('matches traditional characters through core’s fold and honours the kinds setting', async () => {
    document.body.innerHTML = '<p>晉中與常书铭</p>';
    const marker = new Marker(document, matcher, { kinds: new Set(['place'] as const) });
    await marker.markDocument();
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['晉中']);
  });

  test('the content script’s matcher (from a JSON section) matches across source line breaks', async () => {
    document.body.innerHTML = '<p>市委书记常书\n铭到晋中</p>';
    const fromSection = loadMatcherSection(JSON.parse(JSON.stringify(buildMatcherSection(entries))));
    const marker = new Marker(document, fromSection, { kinds: allKinds });
    await marker.markDocument();
    expect(marker.marks().map((m) => m.text).sort()).toEqual(['常书\n铭', '晋中'].sort());
  });

  test('caps the marks per term', async () => {
    document.body.innerHTML = `<p>${'晋中，'.repeat(30)}</p>`;
    const marker = new Marker(document, matcher, { kinds: allKinds, capPerTerm: 5 });
    await marker.markDocument();
    expect(document.querySelectorAll('mark').length).toBe(5);
  });

  test('marks content added after load, and clear() restores the original text', async () => {
    document.body.innerHTML = '<article id="s"><p>开头</p></article>';
    const marker = new Marker(document, matcher, { kinds: allKinds, mutationDebounceMs: 10 });
    await marker.markDocument();
    marker.observe();
    const changed = new Promise<void>((resolve) => (marker.onChange = resolve));
    const p = document.createElement('p');
    p.textContent = '常书铭在晋中';
    document.getElementById('s')!.append(p);
    await changed;
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['常书铭', '晋中']);
    marker.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.getElementById('s')!.textContent).toBe('开头常书铭在晋中');
  });
});

/** A stand-in for the CSS Custom Highlight API (happy-dom has none), so the highlight path runs. */
function withHighlights<T>(run: (registry: Map<string, Set<Range>>) => Promise<T>): Promise<T> {
  const registry = new Map<string, Set<Range>>();
  const win = window as unknown as { CSS: unknown; Highlight: unknown };
  const saved = { CSS: win.CSS, Highlight: win.Highlight };
  win.CSS = { highlights: registry };
  win.Highlight = class extends Set<Range> {};
  return run(registry).finally(() => Object.assign(win, saved));
}

describe('Marker (highlights): one huge block', () => {
  test('a block of 400 inline text nodes (pieces of 16) is marked in many slices, terms across node boundaries included', () =>
    withHighlights(async (registry) => {
      // Each repeat: "常书" | "铭在" | "晋" | "中，" in four nodes: every term crosses a node boundary.
      const p = document.createElement('p');
      for (let i = 0; i < 100; i++) {
        for (const piece of ['常书', '铭在', '晋', '中，']) {
          const span = document.createElement('span');
          span.textContent = piece;
          p.append(span);
        }
      }
      document.body.append(p);
      const marker = new Marker(document, matcher, { kinds: allKinds, sliceMs: 0, capPerTerm: 1e9, nodesPerCheck: 16 });
      await marker.markDocument();
      expect(marker.stats.blocks).toBe(1);
      expect(marker.stats.slices).toBeGreaterThan(10); // before: the block was one slice
      const marks = marker.marks();
      expect(marks.length).toBe(200);
      expect(new Set(marks.map((m) => m.range.toString()))).toEqual(new Set(['常书铭', '晋中']));
      expect([...registry.keys()].sort()).toEqual(['jianbao-person', 'jianbao-place']);
    }));

  test('a block the page changes while it is being marked gets no stale marks, and is re-marked after', () =>
    withHighlights(async () => {
      const p = document.createElement('p');
      for (let i = 0; i < 400; i++) {
        const span = document.createElement('span');
        span.textContent = i % 2 ? '晋中' : '，';
        p.append(span);
      }
      document.body.append(p);
      const marker = new Marker(document, matcher, { kinds: allKinds, sliceMs: 0, capPerTerm: 1e9, nodesPerCheck: 16, mutationDebounceMs: 5, mutationMaxWaitMs: 20 });
      marker.observe();
      const marking = marker.markDocument();
      // The page replaces every place name while the marker yields.
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const span of p.querySelectorAll('span')) if (span.textContent === '晋中') span.textContent = '常书铭';
      await marking;
      await expect.poll(() => marker.marks().map((m) => m.range.toString()).filter((t) => t === '常书铭').length, { timeout: 150_000 }).toBe(200);
      for (const m of marker.marks()) expect(m.range.toString()).toBe('常书铭');
    }));
});

describe('Marker: a page that never stops changing', () => {
  test('content added while a ticker mutates every 20 ms is still marked (the debounce has a maximum wait)', async () => {
    document.body.innerHTML = '<div id="clock">0</div><article id="s"><p>开头</p></article>';
    const marker = new Marker(document, matcher, { kinds: allKinds, mutationDebounceMs: 250, mutationMaxWaitMs: 1000 });
    marker.observe();
    await marker.markDocument();
    const ticks: number[] = [];
    const ticker = setInterval(() => {
      ticks.push(performance.now());
      document.getElementById('clock')!.textContent = String(ticks.length);
    }, 20);
    try {
      const p = document.createElement('p');
      p.textContent = '常书铭在晋中';
      const addedAt = performance.now();
      document.getElementById('s')!.append(p);
      await expect.poll(() => [...document.querySelectorAll('mark')].map((m) => m.textContent), { timeout: 150_000 }).toEqual(['常书铭', '晋中']);
      // The ticker kept the page changing while the marks were awaited. Whether it ever left the 250 ms of quiet a
      // plain debounce needs depends on how busy the machine is, so that is reported, not asserted (no timed assertions).
      const during = ticks.filter((t) => t > addedAt);
      expect(during.length).toBeGreaterThan(0);
      const gaps = during.map((t, i) => t - (i ? during[i - 1]! : addedAt));
      if (Math.max(...gaps) >= 250) console.warn(`ticker left a ${Math.round(Math.max(...gaps))} ms gap (busy machine): this run did not starve a plain debounce`);
    } finally {
      clearInterval(ticker);
      marker.clear();
    }
  });
});
