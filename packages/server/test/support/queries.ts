import { getLexicon, type Archive } from '@jianbao/core';

/**
 * Queries for the parity checks, made from the archive itself with fixed
 * rules (no randomness): titles and pieces of them, body substrings of 2–8
 * characters, lexicon names and one-character-off names, and the query kinds
 * core has special paths for (pinyin, lone characters, dates, homophones,
 * run-together names, several parts, nothing found).
 */
export function parityQueries(archive: Archive, max = 400): string[] {
  const out = new Set<string>();
  for (const a of archive.articles) {
    out.add(a.title);
    out.add(a.title.slice(1, 5));
    const body = a.paragraphs.join('');
    for (let k = 0; k < 4; k++) {
      const at = (k * 131 + a.title.length * 7) % Math.max(1, body.length - 10);
      out.add(body.slice(at, at + 2 + 2 * k));
    }
  }
  for (const t of getLexicon(archive).terms.slice(0, 80)) {
    out.add(t.name);
    if (t.name.length >= 3) out.add(`${t.name[0]}某${t.name.slice(2)}`);
  }
  for (const q of ['qianwan gongcheng', 'jinzhong', '月', '2月13日', '常 书 铭', '韦涛', '晋中和太原一体化', '台风登陆', 'xyz', '习近平 总书记', '灵石县 重点项目', '發展', 'ＡＢＣ']) out.add(q);
  return [...out].filter((q) => q.trim()).slice(0, max);
}
