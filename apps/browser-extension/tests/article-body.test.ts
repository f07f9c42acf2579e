import { afterEach, describe, expect, test } from 'vitest';
import { buildMatcher } from '@jianbao/core';
import { findArticleBody, skipFurniture } from '../lib/article-body.js';
import { Marker } from '../lib/marker.js';
import { withoutPapersPlaces } from '../lib/matcher.js';
import { TERM_KINDS } from '../lib/archive-types.js';
import { regionalNewsPage } from '../e2e/regional-page.js';

const core = buildMatcher([
  { termId: 'p1', kind: 'person' as const, forms: ['常书铭'] },
  { termId: 'g1', kind: 'place' as const, forms: ['晋中'] },
  { termId: 'g2', kind: 'place' as const, forms: ['山西'] },
  { termId: 'g3', kind: 'place' as const, forms: ['太原'] },
]);
const matcher = { findAll: (t: string) => withoutPapersPlaces(t, core.findAll(t)) };
const kinds = new Set(TERM_KINDS);
const story = {
  title: '常书铭在晋中调研',
  paragraphs: [
    '本报讯 2月20日，常书铭到晋中市榆次区调研，强调要推动山西经济高质量发展，晋中要走在前列。',
    '常书铭一行先后来到晋中开发区、山西农谷，详细了解项目进展，与企业负责人深入交流。',
    '他指出，晋中要抓住机遇，常书铭还强调，要为山西全方位推动高质量发展作出晋中贡献。',
    '据太原日报报道，太原与晋中将深化合作。常书铭说，晋中和太原要一体化发展。',
  ],
};

function load(html: string): void {
  document.documentElement.innerHTML = html.replace(/^<!doctype html><html[^>]*>/, '').replace(/<\/html>$/, '');
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('article body', () => {
  test('finds the story on a regional news page: its headline and paragraphs, none of the furniture', () => {
    load(regionalNewsPage(story));
    const body = findArticleBody(document)!;
    expect(body).not.toBeNull();
    expect(body.roots.map((r) => r.tagName.toLowerCase() + (r.className ? `.${r.className}` : ''))).toEqual(['h1', 'div.content']);
  });

  test('marks nothing outside the body by default; the whole page when asked', async () => {
    load(regionalNewsPage(story));
    const body = findArticleBody(document)!;
    const marker = new Marker(document, matcher, { kinds, scope: { roots: body.roots, skip: skipFurniture } });
    await marker.markDocument();
    const inBody = (n: Node) => body.roots.some((r) => r.contains(n));
    expect(marker.markCount).toBeGreaterThan(10);
    expect([...document.querySelectorAll('mark')].filter((m) => !inBody(m))).toEqual([]);
    marker.clear();

    const whole = new Marker(document, matcher, { kinds });
    await whole.markDocument();
    expect([...document.querySelectorAll('mark')].filter((m) => !inBody(m)).length).toBeGreaterThan(5);
  });

  test('a place at the start of a paper’s name (太原日报, 山西晚报) is not marked', () => {
    expect(matcher.findAll('据太原日报报道，太原与晋中').map((m) => m.text)).toEqual(['太原', '晋中']);
    expect(matcher.findAll('山西晚报 晋中广播电视台 山西省').map((m) => m.text)).toEqual(['山西']);
  });

  test('first mention only: one mark per term, the first in document order', async () => {
    load(regionalNewsPage(story));
    const body = findArticleBody(document)!;
    const all = new Marker(document, matcher, { kinds, scope: { roots: body.roots, skip: skipFurniture } });
    await all.markDocument();
    const every = all.markCount;
    all.clear();
    const first = new Marker(document, matcher, { kinds, scope: { roots: body.roots, skip: skipFurniture }, capPerTerm: 1, documentOrder: true });
    await first.markDocument();
    expect(first.markCount).toBe(new Set(first.marks().map((m) => m.termId)).size);
    expect(first.markCount * 2).toBeLessThanOrEqual(every);
    // The headline's 常书铭 and 晋中 are the first mentions.
    expect([...document.querySelectorAll('h1 mark')].map((m) => m.textContent)).toEqual(['常书铭', '晋中']);
  });

  test('a page with no article (an index page, one still loading) has no body: the caller marks the page without its furniture', async () => {
    document.body.innerHTML = '<nav>晋中 山西</nav><article id="s"><p>正在加载…</p></article><footer>晋中日报社</footer>';
    expect(findArticleBody(document)).toBeNull();
    const marker = new Marker(document, matcher, { kinds, scope: { roots: null, skip: skipFurniture }, mutationDebounceMs: 5 });
    await marker.markDocument();
    expect(marker.markCount).toBe(0);
    marker.observe();
    const changed = new Promise<void>((resolve) => (marker.onChange = resolve));
    document.getElementById('s')!.insertAdjacentHTML('beforeend', '<p>常书铭到晋中调研</p>');
    await changed;
    expect(marker.marks().map((m) => m.text).sort()).toEqual(['常书铭', '晋中'].sort());
  });

  test('an <article> with the headline in its own <header> keeps the headline and skips the source line', async () => {
    document.body.innerHTML = `<header class="site"><h1 class="logo">晋中日报</h1></header><article><header><h1>常书铭在晋中调研</h1><div class="source">来源：晋中日报 山西</div></header>
      ${story.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>山西</footer>`;
    const body = findArticleBody(document)!;
    expect(body.roots.map((r) => r.tagName.toLowerCase())).toEqual(['article']);
    const marker = new Marker(document, matcher, { kinds, scope: { roots: body.roots, skip: skipFurniture } });
    await marker.markDocument();
    expect([...document.querySelectorAll('article > header h1 mark')].length).toBe(2);
    expect(document.querySelectorAll('.source mark, .logo mark, footer mark').length).toBe(0);
  });
});
