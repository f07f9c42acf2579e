/**
 * Generality check beyond the five seeds: stories from the shared 新闻联播
 * archive (../shared/data/xwlb, evaluation data — read here, never copied)
 * are typeset into synthetic pages in each of the three layouts, parsed
 * back, and compared with the stories' own titles and paragraphs. Skips
 * cleanly when ../shared is absent (JIANBAO_SHARED overrides its location).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../src/parse/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// <repo>/../shared (CI), or beside the worktrees folder (/work/wt/X → /work/shared); JIANBAO_SHARED wins.
const candidates = process.env.JIANBAO_SHARED ? [process.env.JIANBAO_SHARED] : [join(repo, '../shared'), join(repo, '../../shared')];
const storiesFile = candidates.map((d) => join(d, 'data/xwlb/stories.jsonl.gz')).find((f) => existsSync(f));

interface Story { title: string; paragraphs: string[] }

function loadSample(file: string, size: number): Story[] {
  const stories = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Story)
    // One story per item: no digest stories whose paragraphs carry their own brief headlines.
    .filter((s) => s.paragraphs.length && s.title.length <= 40 && !/[。！？，]/.test(s.title) && s.paragraphs.every((p) => /[。！？]/.test(p)));
  return stories.filter((_, i) => i % 7 === 0).slice(0, size);
}

/** Wraps a paragraph into narrow OCR column lines. */
const wrap = (p: string, width: number) => (p.match(new RegExp(`.{1,${width}}`, 'gu')) ?? []).join('\n');

const LAYOUTS: Record<string, (group: Story[]) => string> = {
  markdown: (g) => g.map((s) => `## ${s.title}\n\n${s.paragraphs.join('\n\n')}`).join('\n\n'),
  plain: (g) => g.map((s) => `${s.title}\n\n${s.paragraphs.join('\n\n')}`).join('\n\n'),
  trailing: (g) => g.map((s) => `${s.paragraphs.map((p) => wrap(p, 16)).join('\n\n')}\n\n${s.title}`).join('\n\n'),
};

describe.skipIf(!storiesFile)('round trip through synthetic pages (shared xwlb data)', () => {
  const sample = storiesFile ? loadSample(storiesFile, 500) : [];

  for (const [layout, typeset] of Object.entries(LAYOUTS)) {
    it(`${layout}: recovers titles and bodies of 100 five-story pages`, () => {
      let titles = 0;
      let bodies = 0;
      for (let i = 0; i < sample.length; i += 5) {
        const group = sample.slice(i, i + 5);
        const byTitle = new Map(parsePage({ name: `synthetic-${i}.txt`, text: typeset(group) }).map((a) => [a.title, a]));
        for (const story of group) {
          const article = byTitle.get(story.title.trim());
          if (!article) continue;
          titles++;
          if (article.paragraphs.join('') === story.paragraphs.join('')) bodies++;
        }
      }
      expect(sample).toHaveLength(500);
      expect(titles / sample.length).toBeGreaterThanOrEqual(0.98);
      expect(bodies / sample.length).toBeGreaterThanOrEqual(0.95);
    });
  }
});
