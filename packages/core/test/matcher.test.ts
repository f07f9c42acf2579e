import { describe, expect, it } from 'vitest';
import { buildMatcher, buildMatcherSection, loadMatcher } from '../src/matcher/matcher.js';
import type { MatcherEntry } from '../src/matcher/types.js';
import { foldText } from '../src/text/fold.js';

const entries: MatcherEntry[] = [
  { termId: 'p1', kind: 'person', forms: ['常书铭'] },
  { termId: 'p2', kind: 'person', forms: ['刘星'] },
  { termId: 'o1', kind: 'organisation', forms: ['晋中市委', '中共晋中市委'] },
  { termId: 'g1', kind: 'place', forms: ['晋中市', '晋中'] },
  { termId: 'x1', kind: 'policy', forms: ['“千万工程”', '千万工程'] },
  { termId: 'x2', kind: 'policy', forms: ['“1221”战略举措', '“1221”'] },
  { termId: 'x3', kind: 'policy', forms: ['太原晋中一体化'] },
  { termId: 'g2', kind: 'place', forms: ['太原'] },
  { termId: 'x4', kind: 'policy', forms: ['5G'] },
];
const matcher = buildMatcher(entries);
const spans = (text: string) => matcher.findAll(text).map((m) => [m.text, m.termId]);

/** Every match of a brute-force leftmost-longest over the same forms (the reference the automaton must equal). */
function bruteForce(forms: [string, string][], text: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  let i = 0;
  while (i < text.length) {
    let best: [string, string] | undefined;
    for (const f of forms) if (text.startsWith(f[0], i) && (!best || f[0].length > best[0].length)) best = f;
    if (best) {
      out.push([i, i + best[0].length, best[1]]);
      i += best[0].length;
    } else i++;
  }
  return out;
}

/** `count` random forms of 2–5 characters over `alphabet` (a fixed seed), their matcher, and a word maker for test text. */
function randomLexicon(alphabet: string, count: number, seed: number) {
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const word = (len: number) => Array.from({ length: len }, () => alphabet[rand(alphabet.length)]).join('');
  const forms = new Map<string, string>();
  while (forms.size < count) forms.set(word(2 + rand(4)), `t${forms.size}`);
  const m = buildMatcher([...forms].map(([f, id]) => ({ termId: id, kind: 'place' as const, forms: [f] })));
  return { word, forms, m };
}

describe('matcher', () => {
  it('leaves out a place right before 队 (a team is an organisation), except in the extraction word lists', () => {
    const entries: MatcherEntry[] = [{ termId: 'pla-kr', kind: 'place', forms: ['韩国'] }, { termId: 'per-x', kind: 'person', forms: ['王强'] }];
    const text = '韩国队获胜，韩国政府祝贺，王强队长。';
    expect(buildMatcher(entries).findAll(text).map((m) => [m.start, m.text])).toEqual([[6, '韩国'], [13, '王强']]);
    expect(buildMatcher(entries, { teams: false }).findAll(text).map((m) => m.start)).toEqual([0, 6, 13]);
    // A section loaded from a bundle marks as the built one does.
    expect(loadMatcher(buildMatcherSection(entries)).findAll(text).map((m) => m.start)).toEqual([6, 13]);
  });

  it('finds leftmost-longest, non-overlapping matches', () => {
    expect(spans('晋中市委书记常书铭讲话')).toEqual([['晋中市委', 'o1'], ['常书铭', 'p1']]);
    expect(spans('晋中市长期以来')).toEqual([['晋中市', 'g1']]);
    expect(spans('推进太原晋中一体化发展，太原与晋中')).toEqual([['太原晋中一体化', 'x3'], ['太原', 'g2'], ['晋中', 'g1']]);
    expect(spans('中共晋中市委')).toEqual([['中共晋中市委', 'o1']]);
  });

  it('finds a shorter form that began inside an abandoned longer candidate', () => {
    const m = buildMatcher([
      { termId: 'a', kind: 'place', forms: ['甲乙'] },
      { termId: 'long', kind: 'place', forms: ['甲乙丙丁戊己'] },
      { termId: 'cd', kind: 'place', forms: ['丙丁'] },
    ]);
    expect(m.findAll('甲乙丙丁戊子').map((x) => [x.start, x.end, x.termId])).toEqual([[0, 2, 'a'], [2, 4, 'cd']]);
    expect(m.findAll('甲乙丙丁戊己').map((x) => x.termId)).toEqual(['long']);
  });

  it('agrees with a brute-force leftmost-longest scan on random text', () => {
    const { word, forms, m } = randomLexicon('甲乙丙丁戊', 40, 7);
    for (let k = 0; k < 50; k++) {
      const text = word(200);
      expect(m.findAll(text).map((x) => [x.start, x.end, x.termId])).toEqual(bruteForce([...forms], text));
    }
  });

  it('agrees with brute force across scan chunks, at the text edges, and in traditional/full-width variants', () => {
    // Forms of 2–5 characters over a small alphabet with variants; text long enough to cross several 4,096-character chunks.
    const { word, forms, m } = randomLexicon('甲乙丙丁戊晉中ＡＢ', 60, 11);
    // The brute force sees folded forms and folded text (晉→晋, Ａ→a); offsets are the same since folding keeps length.
    const folded = [...forms].map(([f, id]) => [foldText(f), id] as [string, string]);
    const text = word(13_000);
    expect(m.findAll(text).map((x) => [x.start, x.end, x.termId])).toEqual(bruteForce(folded, foldText(text)));
    for (const [f, id] of [...forms].slice(0, 10)) {
      expect(m.findAll(f).map((x) => x.termId)).toEqual([id]); // the whole text is one form (a pair at the very end, too)
      expect(m.findAll('一' + f).map((x) => [x.start, x.end])).toEqual([[1, 1 + f.length]]);
    }
  });

  it('is re-entrant: a scan started from an emit callback does not disturb the outer one', () => {
    const m = buildMatcher(entries) as ReturnType<typeof loadMatcher>;
    const text = '晋中市委书记常书铭，太原晋中一体化'.repeat(400);
    const outer: number[] = [];
    m.scan(text, (start) => {
      outer.push(start);
      m.scan('刘星和常书铭', () => {});
    });
    expect(outer).toEqual(m.findAll(text).map((x) => x.start));
  });

  it('matches traditional, full-width and quote variants at the original offsets', () => {
    const text = '學習運用「千萬工程」經驗，實施‘１２２１’戰略舉措，常書銘';
    const found = matcher.findAll(text);
    expect(found.map((m) => [m.termId, m.text])).toEqual([
      ['x1', '「千萬工程」'],
      ['x2', '‘１２２１’戰略舉措'],
      ['p1', '常書銘'],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('keeps offsets exact after astral characters and CRLF', () => {
    const text = '𠀀𠀁刘星\r\n😀常书铭\r\n';
    const found = matcher.findAll(text);
    expect(found.map((m) => [m.start, m.end])).toEqual([[4, 6], [10, 13]]);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['刘星', '常书铭']);
  });

  it('does not cut Latin words or numbers', () => {
    expect(spans('5G网络')).toEqual([['5G', 'x4']]);
    expect(spans('45G和5GHz')).toEqual([]);
    expect(spans('“1221”')).toEqual([['“1221”', 'x2']]);
  });

  it('does not read 市委 inside 委员会, and falls back to the next-longest form there', () => {
    const m = buildMatcher([
      { termId: 'city', kind: 'place', forms: ['晋中市'] },
      { termId: 'party', kind: 'organisation', forms: ['晋中市委'] },
    ]);
    const ids = (text: string) => m.findAll(text).map((x) => [x.text, x.termId]);
    expect(ids('政协晋中市委员会召开会议')).toEqual([['晋中市', 'city']]);
    expect(ids('晋中市委书记讲话，晋中市委。')).toEqual([['晋中市委', 'party'], ['晋中市委', 'party']]);
  });

  it('never has single-character forms, and names each kind', () => {
    const m = buildMatcher([{ termId: 'one', kind: 'place', forms: ['市', '县城'] }]);
    expect(m.findAll('市县城').map((x) => [x.text, x.kind])).toEqual([['县城', 'place']]);
  });

  it('round-trips through JSON: the loaded section matches like the fresh one', () => {
    const section = buildMatcherSection(entries);
    const loaded = loadMatcher(JSON.parse(JSON.stringify(section)));
    const text = '晋中市委书记常书铭在太原晋中一体化座谈会上说，学习“千万工程”和“1221”战略举措。刘星'.repeat(3);
    expect(loaded.findAll(text)).toEqual(matcher.findAll(text));
    expect(loaded.findAll(text).length).toBe(18);
  });

  it('rejects a damaged section with a clear error', () => {
    const section = buildMatcherSection(entries);
    expect(() => loadMatcher({ ...section, format: 'x' })).toThrow(/not a Jianbao matcher section/);
    expect(() => loadMatcher({ ...section, version: 9 })).toThrow(/version 9/);
    expect(() => loadMatcher({ ...section, base: section.base.slice(0, 16) })).toThrow(/differ in length/);
    expect(() => loadMatcher({ ...section, out: '!!!!' })).toThrow(/out: not valid base64/);
    // Version 3 holds no failure links (a fifth of the section, unread by the scan).
    expect('fail' in section).toBe(false);
    expect(() => loadMatcher({ ...section, depth: '!!!!' })).toThrow(/base64|damaged/);
  });
});
