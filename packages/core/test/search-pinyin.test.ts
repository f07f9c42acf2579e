import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { loadArchive } from '../src/archive.js';
import { createBundle } from '../src/bundle/create.js';
import { searchArchive } from '../src/search/index.js';

let n = 0;
const article = (title: string, paragraphs: string[]): Article => ({
  id: `p${++n}`, paper: '晋中日报', date: '2025-02-13', page: 'test', title, titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, paragraphs, continues: null, continuationOf: null,
});

describe('pinyin queries prefer the names the archive knows', () => {
  // 进中 (推进中国, 前进中) is far more frequent than 晋中 as a character pair, as in a national news archive.
  const common = Array.from({ length: 30 }, (_, i) => article(`改革发展第${i + 1}篇`, [`要推进中国式现代化，在前进中不断开拓创新，第${i + 1}次部署。`]));
  const jinzhong = article('晋中市召开重点项目推进会', ['晋中市委书记常书铭出席晋中市重点项目推进会并讲话。晋中市加快推进项目建设。']);
  const archive = loadArchive(createBundle([...common, jinzhong], { name: 'pinyin' }));
  const titles = (q: string) => searchArchive(archive, q, { limit: 5 }).map((h) => h.title);

  it('Jinzhong finds 晋中, a place the lexicon knows, not the more frequent pair 进中', () => {
    expect(titles('Jinzhong')[0]).toBe(jinzhong.title);
    expect(titles('jinzhong')[0]).toBe(jinzhong.title);
  });

  it('the start of a person\'s name is not a reading: liuxing is 流行, not 刘兴 of 刘兴华', () => {
    const people = article('表彰大会召开', ['市委书记刘兴华出席会议。市委书记刘兴华讲话。']);
    const flu = Array.from({ length: 5 }, (_, i) => article(`呼吸道疾病防治第${i + 1}期`, ['冬季是呼吸道疾病流行季节，要做好防护。']));
    const mixed = loadArchive(createBundle([people, ...flu], { name: 'names' }));
    const top = searchArchive(mixed, 'liuxing', { limit: 3 });
    expect(top.length).toBeGreaterThan(0);
    expect(top.every((h) => h.title.startsWith('呼吸道疾病'))).toBe(true);
    expect(searchArchive(mixed, 'liuxinghua', { limit: 3 })[0]?.title).toBe('表彰大会召开');
  });

  it('a pinyin query that is no name still reads as the most likely Chinese', () => {
    expect(titles('tuijin zhongguo').length).toBeGreaterThan(0);
    expect(titles('tuijin zhongguo')[0]).toMatch(/改革发展/);
  });
});

describe('names one character off', async () => {
  const { namesOneCharacterOff } = await import('../src/search/names.js');
  const { getSearchIndex } = await import('../src/search/index.js');
  const archive = loadArchive(createBundle([
    article('全市组织部长会议召开', ['市委书记常书铭作出批示。市委书记常书铭强调，要抓好落实。']),
    article('市政府常务会议召开', ['市长刘星主持会议。市长刘星强调，要抓好落实。']),
  ], { name: 'typos' }));
  const index = getSearchIndex(archive);

  it('finds a three-character name with a wrong middle character, which leaves no bigram of it', () => {
    expect(namesOneCharacterOff(index, '常树铭')).toEqual(['常书铭']);
    expect(namesOneCharacterOff(index, '常书名')).toEqual(['常书铭']);
  });

  it('leaves exact names, two-character names, and text two characters off alone', () => {
    expect(namesOneCharacterOff(index, '常书铭')).toEqual([]);
    expect(namesOneCharacterOff(index, '刘兴')).toEqual([]);
    expect(namesOneCharacterOff(index, '张树铭')).toEqual([]);
    expect(namesOneCharacterOff(index, 'abc')).toEqual([]);
  });
});

describe('a name with one wrong character', () => {
  const archive = loadArchive(createBundle([
    article('全市组织部长会议召开', ['市委书记常书铭作出批示。市委书记常书铭强调，要抓好落实。']),
    article('市政府常务会议召开', ['市长刘星主持会议。']),
  ], { name: 'typos' }));

  it('finds 常书铭 for 常树铭 (no bigram of the name survives) and for the traditional 常樹銘', () => {
    expect(searchArchive(archive, '常树铭').map((h) => h.title)).toEqual(['全市组织部长会议召开']);
    expect(searchArchive(archive, '常樹銘').map((h) => h.title)).toEqual(['全市组织部长会议召开']);
    expect(searchArchive(archive, '常 树 铭').map((h) => h.title)).toEqual(['全市组织部长会议召开']); // OCR spacing: still one word
  });

  it('still answers nothing for a query two characters off any name', () => {
    expect(searchArchive(archive, '张树铭')).toEqual([]);
  });

  it('finds 刘星 for the homophone 刘兴 (a two-character name keeps no bigram), but not for 流行, which sounds alike and shares no character', () => {
    expect(searchArchive(archive, '刘兴').map((h) => h.title)).toEqual(['市政府常务会议召开']);
    expect(searchArchive(archive, '刘兴')[0]!.highlights.length).toBeGreaterThan(0);
    expect(searchArchive(archive, '流行')).toEqual([]);
  });
});

describe('a run-together query read as names and words', () => {
  const archive = loadArchive(createBundle([
    article('太原晋中一体化发展对接座谈会举行', ['太原市委书记韦韬、晋中市委书记常书铭出席。会议强调，推进太原晋中一体化发展。']),
    article('市政府常务会议召开', ['市长刘星主持会议并讲话。']),
    article('灵石县重点项目建设加快', ['灵石县焦化技改项目开工建设。']),
  ], { name: 'paraphrase' }));
  const titles = (q: string) => searchArchive(archive, q).map((h) => h.title);

  it('finds a paraphrase whose names and words the article holds, in any order', () => {
    expect(titles('晋中和太原一体化')[0]).toBe('太原晋中一体化发展对接座谈会举行');
    expect(titles('刘星市长')).toEqual(['市政府常务会议召开']);
  });

  it('still answers nothing when a word is missing from every article', () => {
    expect(titles('刘星市长出访欧洲')).toEqual([]);
    expect(titles('苹果手机发布会')).toEqual([]);
  });
});
