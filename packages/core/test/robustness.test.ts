import { describe, expect, it } from 'vitest';
import {
  BundleError, buildBundle, getLexicon, getMatcher, getSearchIndex, loadArchive, parseBundle, parsePages, searchArchive, serializeBundle,
} from '../src/index.js';

// Inputs a newsroom really produces, and hostile ones: the parser and the bundle loader must give
// a clear answer on each (never a hang, never an obscure TypeError later).

const STORY = '# 晋中市推进乡村振兴\n\n本报讯 2月13日，市人大常委会召开会议，常书铭主持并讲话。会议强调，要全力推进乡村振兴。\n\n代表们表示，将认真履职尽责。\n';

describe('page parser on odd input', () => {
  it('gives no articles (and no error) for empty, whitespace-only and punctuation-only pages', () => {
    for (const text of ['', '   \n\t\r\n\u3000', '。，、！？“”《》——……\n；：']) {
      const articles = parsePages([{ name: 'a.txt', text }]);
      expect(articles.filter((a) => a.paragraphs.some((p) => /[\p{L}\p{N}]/u.test(p)))).toEqual([]);
    }
  });

  it('parses CRLF, a BOM and U+2028 separators like plain newlines', () => {
    const plain = parsePages([{ name: 'a.txt', text: STORY }]);
    expect(plain.length).toBe(1);
    expect(parsePages([{ name: 'a.txt', text: STORY.replace(/\n/g, '\r\n') }])).toEqual(plain);
    expect(parsePages([{ name: 'a.txt', text: '\ufeff' + STORY }])).toEqual(plain);
    expect(parsePages([{ name: 'a.txt', text: STORY.replace(/\n/g, '\u2028') }])).toEqual(plain);
  });

  it('removes invisible characters that would hide or split text, keeps markup as text', () => {
    const hostile = STORY.replace('常书铭', '常书\u200b铭').replace('晋中市', '\u202e晋中市\u202c').replace('会议强调', '会议\u0000强调') + '\n<script>alert("x")</script>\n';
    const [a] = parsePages([{ name: 'a.txt', text: hostile }]);
    const all = [a!.title, ...a!.paragraphs].join('\n');
    expect(all).toContain('常书铭主持并讲话');
    expect(a!.title).toBe('晋中市推进乡村振兴');
    expect(all).toContain('会议强调');
    expect(all).toContain('<script>alert("x")</script>');
    expect(all).not.toMatch(/[\u0000\u200b\u202e\u202c]/);
  });

  it('keeps every character of 100,000 tiny lines and of one huge unpunctuated line', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `字${i % 10}`);
    const [tiny] = parsePages([{ name: 'a.txt', text: lines.join('\n') }]);
    expect(tiny!.paragraphs.join('')).toBe(lines.join(''));
    const long = '没有标点的一行'.repeat(100_000);
    const [one] = parsePages([{ name: 'b.txt', text: long }]);
    expect([one!.title, ...one!.paragraphs].join('')).toContain(long);
  });

  it('joins short lines of a paragraph with a space only between Latin words, as before', () => {
    const [a] = parsePages([{ name: 'a.txt', text: '# 标题在此\n\n本报讯 记者来到\nHello\nworld 现场\n了解情况。\n' }]);
    expect(a!.paragraphs).toEqual(['本报讯 记者来到Hello world 现场了解情况。']);
  });

  it('reads traditional characters and full-width digits as printed (search folds them)', () => {
    const bundle = buildBundle({ pages: [{ name: 'a.txt', text: '# 臺灣經濟發展報告\n\n本報訊　２０２４年１２月３日，臺北市政府發佈「經濟數據」。\n' }] }, { name: 't' });
    const archive = loadArchive(serializeBundle(bundle));
    expect(archive.articles[0]!.title).toBe('臺灣經濟發展報告');
    expect(searchArchive(archive, '台北市政府').map((h) => h.id)).toEqual([archive.articles[0]!.id]);
    expect(searchArchive(archive, '2024年12月').map((h) => h.id)).toEqual([archive.articles[0]!.id]);
  });
});

describe('traditional characters and full-width digits in page furniture', () => {
  it('recognises leads, bylines, datelines, continuation notes and reprint sources, and keeps them as printed', () => {
    const page = '# 臺灣經濟發展報告\n\n本報訊（記者 陳大明）２０２４年１２月３日，臺北市政府發佈「經濟數據」。（下轉第２版）\n\n## 另一篇報道\n\n本報記者 陳大明 王小華\n\n據新華社北京１２月３日電，會議召開。\n';
    const [first, second] = parsePages([{ name: 'a.txt', text: page }]);
    expect(first!.byline).toBe('記者 陳大明');
    expect(first!.dateline).toEqual({ text: '2024年12月3日', iso: '2024-12-03' });
    expect(first!.continues).toEqual({ text: '（下轉第２版）', page: 2, articleId: null });
    expect(first!.paragraphs[0]).toContain('２０２４年１２月３日，臺北市政府');
    expect(second!.byline).toBe('本報記者 陳大明 王小華');
    expect(second!.source).toBe('新华社');
  });
});

describe('bundle loader on damaged sections', () => {
  const bundle = buildBundle({ pages: [{ name: 'a.txt', text: STORY }, { name: 'b.txt', text: STORY.replace('晋中市', '太原市').replace('常书铭', '王文军') }] }, { name: 'x' });
  const text = serializeBundle(bundle);
  const damaged = (damage: (b: Record<string, any>) => void) => {
    const copy = JSON.parse(text);
    damage(copy);
    return copy;
  };

  const cases: [string, (b: Record<string, any>) => void][] = [
    ['search', (b) => (b.search = 'oops')],
    ['search', (b) => (b.search = [])],
    ['search', (b) => (b.search.postings = 42)],
    ['search', (b) => (b.search.docs = null)],
    ['search', (b) => (b.search.docs = ['zzz', 'yyy'])],
    ['search', (b) => (b.search.lengths = '!!not base64!!')],
    // Valid base64 that does not fit the index: a varint running off the end made a query loop for ever.
    ['search', (b) => (b.search.sizes = 'gICA')],
    ['search', (b) => (b.search.postings = 'AAAA')],
    ['search', (b) => (b.search.lengths = '')],
    ['search', (b) => (b.search.terms = '')],
    ['lexicon', (b) => (b.lexicon = 7)],
    ['lexicon', (b) => (b.lexicon.terms = 'x')],
    ['lexicon', (b) => (b.lexicon.terms = [null])],
    // A term of a kind this Jianbao does not know was rebuilt silently (readLexiconSection refused it with no word).
    ['lexicon', (b) => (b.lexicon.terms[0].kind = 'weapon')],
    ['lexicon', (b) => (b.lexicon.version = 9)],
    ['matcher', (b) => (b.matcher = true)],
    ['matcher', (b) => (b.matcher.kinds = 'person')],
    ['matcher', (b) => (b.matcher.base = 12)],
  ];

  it.each(cases.map(([name, damage], i) => [name, i, damage] as const))('drops a damaged %s section (case %i) with a warning and rebuilds it', (name, _i, damage) => {
    const warnings: string[] = [];
    const input = damaged(damage);
    const before = JSON.stringify(input);
    const archive = loadArchive(input, { onWarning: (m) => warnings.push(m) });
    expect(JSON.stringify(input)).toBe(before); // the caller's object is not changed
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^section "${name}" is damaged \\(.+\\): it will be rebuilt from the articles$`));
    expect(archive.bundle[name]).toBeUndefined();
    // Every feature still answers, the same as from the intact bundle.
    const intact = loadArchive(text);
    expect(searchArchive(archive, '乡村振兴')).toEqual(searchArchive(intact, '乡村振兴'));
    expect(getLexicon(archive).terms).toEqual(getLexicon(intact).terms);
    expect(getMatcher(archive).findAll(STORY)).toEqual(getMatcher(intact).findAll(STORY));
    expect(getSearchIndex(archive)).toBeTruthy();
  });

  // Format 1 has no checksums: only the shape checks stand between a bad term and a silent rebuild.
  it.each([
    ['a term of an unknown kind', (b: Record<string, any>) => (b.lexicon.terms[0].kind = 'weapon')],
    ['a lexicon version it does not read', (b: Record<string, any>) => (b.lexicon.version = 9)],
  ])('names %s in a format 1 bundle instead of rebuilding the lexicon silently', (_what, damage) => {
    const warnings: string[] = [];
    const archive = loadArchive(
      damaged((b) => {
        b.version = 1;
        delete b.checksums;
        damage(b);
      }),
      { onWarning: (m) => warnings.push(m) },
    );
    expect(warnings).toEqual([expect.stringMatching(/^section "lexicon" is damaged \(.+\): it will be rebuilt from the articles$/)]);
    expect(getLexicon(archive).terms).toEqual(getLexicon(loadArchive(text)).terms);
  });

  it('loads an intact bundle without warnings', () => {
    const warnings: string[] = [];
    loadArchive(text, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
  });

  it('names wrong meta types instead of failing later', () => {
    const metaCases: [(b: Record<string, any>) => void, RegExp][] = [
      [(b) => (b.meta = 'x'), /"meta" must be an object/],
      [(b) => (b.meta.papers = 'x'), /meta\.papers must be an array of strings/],
      [(b) => (b.meta.dateRange = '2024'), /meta\.dateRange must be null or \[from, to\]/],
      [(b) => (b.meta.name = 5), /meta\.name must be a string/],
    ];
    for (const [damage, message] of metaCases) {
      expect(() => parseBundle(damaged(damage))).toThrow(BundleError);
      expect(() => parseBundle(damaged(damage))).toThrow(message);
    }
  });

  it('keeps ids in errors short and free of bidi controls', () => {
    const archive = loadArchive(text);
    expect(() => archive.resolve('9'.repeat(5000))).toThrow(/^no article with id "9{40}…" in archive x$/);
    expect(() => archive.resolve('\u202eab')).toThrow(/"\\u202eab".*at least 4 characters/);
    expect(() => archive.resolve('  ')).toThrow('the article id is empty');
  });
});
