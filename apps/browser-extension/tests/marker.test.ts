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
