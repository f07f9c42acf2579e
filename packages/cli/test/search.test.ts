import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Runs the built CLI as a user would (turbo builds it before tests), on files generated in a temp folder.
const main = resolve(__dirname, '../dist/main.js');
const jianbao = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });

const STORIES = [
  { id: '20220924-01', date: '20220924', title: '【领航中国】“千万工程”开启乡村新实践', paragraphs: ['浙江学习运用“千万工程”经验，推动乡村全面振兴。'] },
  { id: '20220924-02', date: '20220924', title: '集大原高铁开通运营', text: '集大原高铁全线贯通。\n沿线群众出行更便捷。' },
  { id: '20230105-01', date: '2023-01-05', title: '5G基站建设提速', paragraphs: ['全国建成5G基站超过300万个。'], paper: '新闻联播' },
];
const jsonl = STORIES.map((s) => JSON.stringify(s)).join('\n') + '\n';

describe('jianbao build from .jsonl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-search-'));

  it('builds from .jsonl and .jsonl.gz alike, dates normalised to ISO, progress on stderr only', () => {
    writeFileSync(join(dir, 'stories.jsonl'), jsonl);
    writeFileSync(join(dir, 'stories.jsonl.gz'), gzipSync(jsonl));
    const plain = jianbao('build', join(dir, 'stories.jsonl'), '--out', join(dir, 'plain.json'));
    const gz = jianbao('build', join(dir, 'stories.jsonl.gz'), '--out', join(dir, 'gz.json'));
    for (const r of [plain, gz]) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/built .*: 3 articles/);
    }
    const a = JSON.parse(jianbao('articles', '--archive', join(dir, 'plain.json'), '--json').stdout);
    const b = JSON.parse(jianbao('articles', '--archive', join(dir, 'gz.json'), '--json').stdout);
    expect(b).toEqual(a);
    expect(a.map((x: { id: string }) => x.id)).toEqual(STORIES.map((s) => s.id));
    expect(a.map((x: { date: string }) => x.date)).toEqual(['2022-09-24', '2022-09-24', '2023-01-05']);
    expect(a[1].paragraphs).toEqual(['集大原高铁全线贯通。', '沿线群众出行更便捷。']);
  });

  it('stops at a bad line with its number, or skips it with --skip-bad', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, [JSON.stringify(STORIES[0]), '{"title": "断了', JSON.stringify({ title: '无日期', date: '2022-13-40' }), JSON.stringify(STORIES[1]), JSON.stringify({ title: '二月三十一日', date: '2024-02-31' })].join('\n'));
    const r = jianbao('build', bad, '--out', join(dir, 'bad.json'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
    expect(jianbao('articles', '--archive', join(dir, 'bad.json')).stderr).toMatch(/archive not found/); // nothing half-written

    const skipped = jianbao('build', bad, '--out', join(dir, 'skipped.json'), '--skip-bad');
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.stderr).toMatch(/skipped 3 bad lines \(line 2: not valid JSON.*line 3: "date" "2022-13-40" is not a date.*line 5: "date" "2024-02-31" is not a date/);
    expect(skipped.stderr).toMatch(/built .*: 2 articles/);
  });

  it('searches the built archive: JSON shape, highlights into the snippet, filters', () => {
    const archive = join(dir, 'plain.json');
    const r = jianbao('search', '千萬工程', '--archive', archive, '--json');
    expect(r.status, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout);
    expect(hits).toHaveLength(1);
    expect(Object.keys(hits[0])).toEqual(['id', 'title', 'paper', 'date', 'score', 'snippet', 'highlights', 'fields']);
    expect(hits[0].id).toBe('20220924-01');
    expect(hits[0].highlights.map(([s, e]: [number, number]) => hits[0].snippet.slice(s, e))).toEqual(['千万工程']);

    const typo = JSON.parse(jianbao('search', '集大元高铁', '--archive', archive, '--json').stdout);
    expect(typo.map((h: { id: string }) => h.id)).toEqual(['20220924-02']);
    const filtered = JSON.parse(jianbao('search', '5G', '--archive', archive, '--from', '2023', '--paper', '新闻联播', '--json').stdout);
    expect(filtered.map((h: { id: string }) => h.id)).toEqual(['20230105-01']);
    expect(JSON.parse(jianbao('search', '5G', '--archive', archive, '--to', '2022-12', '--json').stdout)).toEqual([]);
  });
});

describe('jianbao search on the default archive', () => {
  it('prints JSON best first, with highlights that slice the matched text out of the snippet', () => {
    const r = jianbao('search', '千万工程', '--json', '--limit', '3');
    expect(r.status, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout) as { score: number; snippet: string; highlights: [number, number][] }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    for (const h of hits) expect(h.highlights.map(([s, e]) => h.snippet.slice(s, e))).toContain('千万工程');
  });

  it('prints a readable list with the matches marked when not a TTY', () => {
    const r = jianbao('search', '千万工程', '--limit', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\+? results, showing 1–1\n\n1\. .+\n {3}.*score .+\n {3}.*【千万工程】/);
  });

  it('names a paper the archive lacks, and says when the query was read another way', () => {
    expect(jianbao('search', '千万工程', '--paper', '人民日报').stdout).toMatch(/no paper "人民日报" in this archive/);
    expect(jianbao('search', '韦涛').stdout).toMatch(/^显示“韦韬”的结果；仍搜索“韦涛”\n\d+ results/);
  });

  it('says so when nothing matches, and rejects bad options with one line', () => {
    expect(jianbao('search', '台风登陆').stdout).toMatch(/no results for "台风登陆"/);
    expect(JSON.parse(jianbao('search', '台风登陆', '--json').stdout)).toEqual([]);
    for (const [args, message] of [
      [['search'], /missing the query/],
      [['search', 'x', '--limit', '0'], /--limit must be a positive whole number/],
      [['search', 'x', '--from', 'yesterday'], /--from must be a date/],
      [['search', 'x', '--kind', 'poem'], /--kind must be one of/],
      [['search', 'x', '--from', '2025-13-45'], /impossible date "2025-13-45"/],
      [['search', '"x'], /unclosed quote/],
    ] as [string[], RegExp][]) {
      const r = jianbao(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
