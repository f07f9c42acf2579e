import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { loadArchive } from '../src/archive.js';
import { articleBody } from '../src/article.js';
import { buildBundle } from '../src/build.js';
import { createBundle } from '../src/bundle/create.js';
import { searchArchive } from '../src/search/index.js';

const seeds = join(dirname(fileURLToPath(import.meta.url)), '../../../seeds');
const pages = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') }));
const seedArchive = loadArchive(JSON.parse(JSON.stringify(buildBundle({ pages }, { name: 'seeds' }))));

/** mulberry32: fixed-seed queries, the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let n = 0;
const article = (title: string, paragraphs: string[]): Article => ({
  id: `r${String(++n).padStart(3, '0')}`, paper: '晋中日报', date: '2025-02-13', page: 'test', title, titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, paragraphs, continues: null, continuationOf: null,
});

describe('ranking is a function of the query and the archive', () => {
  it('gives the same first k hits for every limit ≥ k (seed archive, 600 fixed-seed queries)', () => {
    const random = rng(7);
    const texts = seedArchive.articles.map((a) => `${a.title}\n${articleBody(a)}`);
    const queries: string[] = [];
    while (queries.length < 600) {
      const text = texts[Math.floor(random() * texts.length)]!;
      const len = 1 + Math.floor(random() * 8);
      const at = Math.floor(random() * Math.max(1, text.length - len));
      let q = text.slice(at, at + len).trim();
      if (!q) continue;
      if (random() < 0.2) q = `${q} ${text.slice(0, 2)}`; // two parts
      if (random() < 0.1 && q.length > 3) q = q.slice(0, 1) + '的' + q.slice(2); // one character off
      queries.push(q);
    }
    const unstable: string[] = [];
    for (const q of queries) {
      const full = searchArchive(seedArchive, q, { limit: 20 }).map((h) => h.id);
      for (const limit of [1, 2, 3, 5, 10]) {
        if (searchArchive(seedArchive, q, { limit }).map((h) => h.id).join() !== full.slice(0, limit).join()) unstable.push(`${q} @${limit}`);
      }
    }
    expect(unstable).toEqual([]);
  });

  const longer = article('首都花团锦簇喜迎国庆中秋', ['天安门广场花团锦簇，首都花团锦簇喜迎国庆，喜迎国庆中秋双节，市民游客纷纷拍照留念。']);
  const exact = article('首都花团锦簇喜迎国庆', ['长安街沿线摆放花坛。']);
  const spacedTarget = article('民生工作会议', ['会议要求完善社会保障和服务政策，兜牢民生底线。']);
  const pieces = article('社会保障调研', ['完善社区服务，会保障和服务政策衔接，服务政策落实，完善社会治理，社会保障和服务政策。会保障和服务政策。']);
  const company = article('芯片产业', ['苏州某某半导体有限公司投产，半导体有限公司产能提升。']);
  const wetland = article('湿地保护', ['洪泽湖国家湿地公园迎来候鸟，国家湿地公园建设加快。']);
  const archive = loadArchive(createBundle([longer, exact, spacedTarget, pieces, company, wetland], { name: 'ranking' }));
  const titles = (q: string, limit = 10) => searchArchive(archive, q, { limit }).map((h) => h.title);

  it('ranks an exact title above a longer title holding it', () => {
    expect(titles('首都花团锦簇喜迎国庆')[0]).toBe(exact.title);
    expect(titles('首都花团锦簇喜迎国庆', 1)).toEqual([exact.title]);
  });

  it('reads an OCR-spaced query as the phrase without its spaces first', () => {
    expect(titles('完善 社 会保障和服务 政 策')[0]).toBe(spacedTarget.title);
  });

  it('answers nothing when the distinctive part of the query (an invented name) is in no article', () => {
    expect(titles('曜岚芯微半导体有限公司')).toEqual([]);
    expect(titles('澈岚湖国家湿地公园')).toEqual([]);
    expect(titles('璟曜集团 半导体有限公司')).toEqual([]);
    // The real phrase alone still finds its articles.
    expect(titles('半导体有限公司')).toEqual([company.title]);
    expect(titles('国家湿地公园')).toEqual([wetland.title]);
  });
});
