import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { loadArchive } from '../src/archive.js';
import { createBundle } from '../src/bundle/create.js';
import {
  bestWindow,
  bestWindowSlow,
  findOneSubstitution,
  findOneSubstitutionSlow,
  squeeze,
  squeezedFrom,
  squeezeText,
  toOriginal,
} from '../src/search/match.js';
import { buildSearchIndex } from '../src/search/search-index.js';
import { BOOSTS, D, K1, normsOf, postingShares } from '../src/search/postings.js';
import { prepareSearchTexts, prepareSearchTextsSync } from '../src/search/lifecycle.js';
import { searchWithIndex } from '../src/search/search.js';
import { paraphraseBound, segmentQuality } from '../src/search/verify.js';
import type { Segment } from '../src/search/query.js';

// The query-time shortcuts must give exactly what the plain implementations give.

/** A small deterministic PRNG, so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A tiny alphabet makes repeats, near-misses and overlaps common.
const ALPHABET = '发展中国高质量新征程';
const randomText = (random: () => number, length: number) =>
  Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');

describe('findOneSubstitution', () => {
  it('finds the same first position as comparing at every position', () => {
    const random = rng(1);
    for (let run = 0; run < 3000; run++) {
      const hay = randomText(random, Math.floor(random() * 60));
      const needle = randomText(random, 1 + Math.floor(random() * 7));
      const from = Math.floor(random() * 10);
      expect(findOneSubstitution(hay, needle, from), `${hay} / ${needle} / ${from}`).toBe(findOneSubstitutionSlow(hay, needle, from));
    }
  });

  it('finds a one-character typo and not the exact phrase', () => {
    expect(findOneSubstitution('市委书记常书铭作出批示', '常书名')).toBe(4);
    expect(findOneSubstitution('常书名', '常书名')).toBe(-1);
  });
});

describe('bestWindow', () => {
  it('gives the same window as one indexOf loop per token and a sort', () => {
    const random = rng(2);
    for (let run = 0; run < 2000; run++) {
      const hay = randomText(random, Math.floor(random() * 120));
      const tokens = [...new Set(Array.from({ length: 1 + Math.floor(random() * 8) }, () => randomText(random, 1 + Math.floor(random() * 2))))];
      const span = 4 + Math.floor(random() * 20);
      expect(bestWindow(hay, tokens, span), `${hay} / ${tokens.join(',')} / ${span}`).toEqual(bestWindowSlow(hay, tokens, span));
    }
  });

  it('with a minimum coverage, gives the same answer wherever the minimum is reached', () => {
    const random = rng(3);
    for (let run = 0; run < 2000; run++) {
      const hay = randomText(random, Math.floor(random() * 120));
      const tokens = [...new Set(Array.from({ length: 1 + Math.floor(random() * 8) }, () => randomText(random, 2)))];
      const slow = bestWindowSlow(hay, tokens, 12);
      const fast = bestWindow(hay, tokens, 12, 0.6);
      if (slow.coverage >= 0.6) expect(fast).toEqual(slow);
      else expect(fast.coverage).toBeLessThan(0.6);
    }
  });

  it('never scores a paraphrase above paraphraseBound (which ranking skips windows by), before or after the window', () => {
    const random = rng(4);
    for (let run = 0; run < 2000; run++) {
      const hay = randomText(random, Math.floor(random() * 120));
      const phrase = randomText(random, 2 + Math.floor(random() * 9));
      const tokens = [...new Set(Array.from({ length: phrase.length - 1 }, (_, i) => phrase.slice(i, i + 2)))];
      const segment: Segment = { phrase, tokens, extra: [], chinese: true, distinctive: [], absent: 0, distinctiveAbsent: false, exact: false, titleOnly: false };
      const before = paraphraseBound(hay, segment);
      const quality = segmentQuality(segment, { title: '', paragraphs: [hay] } as unknown as Article, ['', '', hay], 0.5).quality;
      expect(quality, `${hay} / ${phrase}`).toBeLessThanOrEqual(before);
      expect(paraphraseBound(hay, segment)).toBeGreaterThanOrEqual(quality);
    }
  });

  it('keeps the per-token limit of occurrences', () => {
    const hay = '发展'.repeat(500) + '中国';
    expect(bestWindow(hay, ['发展', '中国'], 12)).toEqual(bestWindowSlow(hay, ['发展', '中国'], 12));
  });
});

describe('squeezing', () => {
  it('squeezeText and squeezedFrom agree with squeeze', () => {
    for (const text of ['', '“千万工程”经验，推动农村人居环境整治提升。', 'AI 赋能 5G，G336 国道 ①②', '發展 高質量']) {
      const full = squeeze(text);
      expect(squeezeText(text)).toBe(full.text);
      const lazy = squeezedFrom(text, squeezeText(text));
      expect(Array.from(lazy.offsets)).toEqual(Array.from(full.offsets));
    }
  });

  it('squeezedFrom maps single offsets without the whole map, in any order', () => {
    const random = rng(4);
    for (const text of ['', '“千万工程”经验，推动农村人居环境整治提升。', 'AI 赋能 5G，G336 国道 ①②', '（一）“两新”政策——持续显效！\n  激发消费活力…']) {
      const full = squeeze(text);
      const lazy = squeezedFrom(text, squeezeText(text));
      for (let k = 0; k < 200; k++) {
        const i = Math.floor(random() * (full.text.length + 1));
        expect(lazy.offsetAt!(i), `${text} @${i}`).toBe(full.offsets[i]);
      }
      for (let i = 0; i < full.text.length; i++) expect(toOriginal(squeezedFrom(text, full.text), i, i + 1)).toEqual(toOriginal(full, i, i + 1));
    }
  });

  it('is idempotent for every code unit, so a query phrase squeezes to itself (segmentQuality relies on it)', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const once = squeezeText(String.fromCharCode(c));
      if (squeezeText(once) !== once) expect(`${c.toString(16)} → ${once} → ${squeezeText(once)}`).toBe('idempotent');
    }
  });
});

describe('index lookups', () => {
  let n = 0;
  const article = (title: string, body: string): Article => ({
    id: `f${String(++n).padStart(3, '0')}`, paper: '新闻联播', date: '2024-04-10', page: 'test', title, titleInferred: false,
    subtitle: null, section: null, byline: null, dateline: null, kind: 'news', source: null, paragraphs: [body],
    continues: null, continuationOf: null,
  });
  const articles = Array.from({ length: 80 }, (_, i) =>
    article(`第${i}条 高质量发展新征程`, `自4月${(i % 28) + 1}日12时起，${i % 5 ? '发展' : '中国'}新闻${i}。东北振兴新突破，辽宁${i % 3 ? '高质量发展' : '高质量发屐'}。`));
  const index = buildSearchIndex(articles);

  it('finds every term by in-place comparison, and by its position', () => {
    // Twice: the second time from the terms already looked up.
    for (let round = 0; round < 2; round++) {
      let position = 0;
      for (let i = 0; i < index.terms.length; i++) {
        const term = index.terms.get(i);
        expect(index.find(term)).toBe(i);
        expect(index.terms.termAt(position)).toBe(i);
        position += term.length + 1;
      }
      expect(index.find('不存在的词')).toBe(-1);
    }
  });

  it('gives each posting the BM25 share the scoring loop computed, bit for bit, kept lists or not', () => {
    const norms = normsOf(index);
    for (let i = 0; i < index.terms.length; i++) {
      const postings = index.postings(i);
      const shares = postingShares(index, postings);
      postings.docs.forEach((list, f) => {
        const idf = Math.log(1 + (index.docCount - list.length + 0.5) / (list.length + 0.5));
        const weight = BOOSTS[f]! * idf;
        list.forEach((doc, k) => {
          const tf = postings.tfs[f]![k]!;
          expect(shares[f]![k]).toBe(weight * (D + (tf * (K1 + 1)) / (tf + norms[f]![doc]!)));
        });
      });
      expect(postingShares(index, index.postings(i))).toEqual(shares);
    }
  });

  it('visitPostings visits exactly the decoded postings', () => {
    for (let i = 0; i < index.terms.length; i++) {
      const { docs, tfs } = index.postings(i);
      const expected: number[][] = [];
      docs.forEach((list, f) => list.forEach((doc, k) => expected.push([f, doc, tfs[f]![k]!, list.length])));
      const visited: number[][] = [];
      index.visitPostings(i, (f, doc, tf, count) => visited.push([f, doc, tf, count]));
      expect(visited).toEqual(expected);
    }
  });

  it('gives the same hits with the texts prepared ahead as squeezed on demand', async () => {
    const queries = ['高质量发展新征程', '自4月10日12时起', '辽宁：高质量发展 东北振兴新突破', '高质量发展 中国新闻', '月', '发展新闻7'];
    const lazy = loadArchive(createBundle(articles, { name: 'lazy' }));
    const expected = queries.map((q) => searchWithIndex(lazy, index, q, { limit: 30 }));
    expect(expected.some((hits) => hits.length > 5)).toBe(true);
    const eager = loadArchive(createBundle(JSON.parse(JSON.stringify(articles)) as Article[], { name: 'eager' }));
    prepareSearchTextsSync(eager);
    expect(queries.map((q) => searchWithIndex(eager, index, q, { limit: 30 }))).toEqual(expected);
    const sliced = loadArchive(createBundle(JSON.parse(JSON.stringify(articles)) as Article[], { name: 'sliced' }));
    await prepareSearchTexts(sliced, async () => {});
    expect(queries.map((q) => searchWithIndex(sliced, index, q, { limit: 30 }))).toEqual(expected);
  });
});
