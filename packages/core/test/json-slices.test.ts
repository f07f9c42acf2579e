import { describe, expect, it } from 'vitest';
import { parseJsonPiecesSteps, parseJsonSteps, type ScanStats } from '../src/bundle/json-slices.js';
import { BundleError, createBundle, parseBundle, parseBundleAsync, parseBundlePiecesAsync, serializeBundle, type Article } from '../src/index.js';
import { runSteps } from '../src/host.js';

/** Parses with every container split (threshold 1), the hardest case for the scanner. */
const sliced = (text: string) => runSteps(parseJsonSteps(text, 1));

describe('JSON.parse in slices', () => {
  const valid = [
    '{"a":1,"b":[1,2,3],"c":{"d":"e"}}',
    ' { "a" : [ ] , "b" : { } , "c" : [ { } , [ ] ] }\n',
    '[1,-2.5e3,true,false,null,"x"]',
    '{"s":"quote \\" and backslash \\\\ and \\\\\\" end","t":"\\u4e2d\\n"}',
    '{"中文":"“千万工程”","emoji":"😀","brackets":"{[}]"}',
    '{"__proto__":{"polluted":true},"k":1}',
    '{"dup":1,"dup":2}',
    '[[[[["deep"]]]],{"a":{"b":{"c":[0]}}}]',
    '"just a string"',
    '42',
  ];
  for (const text of valid) {
    it(`equals JSON.parse for ${text.slice(0, 40)}`, () => {
      const value = sliced(text);
      expect(value).toEqual(JSON.parse(text));
      if (text.includes('__proto__')) expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    });
  }

  const invalid = ['{"a":1,}', '[1,2,]', '{"a" 1}', '{"a":1 "b":2}', '[1 2]', '{"a":[1,2}', '{"a":"open', '{a:1}', '[1,2', '{"a":1}}'];
  for (const text of invalid) {
    it(`refuses ${text}, as JSON.parse does`, () => {
      expect(() => JSON.parse(text)).toThrow();
      expect(() => sliced(text)).toThrow();
    });
  }
});

/** The text cut into pieces of `size` characters (cutting through escapes, strings and numbers). */
const cut = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

describe('JSON.parse in slices, from pieces', () => {
  const texts = [
    '{"a":1,"b":[1,2,3],"c":{"d":"e"}}',
    ' { "a" : [ ] , "b" : { } , "c" : [ { } , [ ] ] }\n',
    '[1,-2.5e3,true,false,null,"x,y"]',
    '{"s":"quote \\" and backslash \\\\ and \\\\\\" end","t":"\\u4e2d\\n",",":"\\\\","q":"\\",\\""}',
    '{"中文":"“千万工程”,","emoji":"😀","brackets":"{[}],"}',
    '{"__proto__":{"polluted":true},"k":1}',
    '[[[[["deep"]]]],{"a":{"b":{"c":[0,1.5,-3]}}}]',
    '"just a string"',
    '12345',
  ];
  for (const text of texts) {
    it(`equals JSON.parse for ${text.slice(0, 40)}, however the pieces and blocks fall`, () => {
      for (const size of [1, 2, 3, 5, 1000]) {
        for (const block of [1, 4, 16, 1 << 20]) {
          expect(runSteps(parseJsonPiecesSteps(cut(text, size), 1, block))).toEqual(JSON.parse(text));
        }
      }
    });
  }
  const invalid = ['{"a":1,}', '[1,2,]', '{"a" 1}', '{"a":1 "b":2}', '[1 2]', '{"a":[1,2}', '{"a":"open', '{a:1}', '[1,2', '{"a":1}}', '["a\\"]'];
  for (const text of invalid) {
    it(`refuses ${text} from pieces, as JSON.parse does`, () => {
      expect(() => JSON.parse(text)).toThrow();
      for (const size of [1, 2, 3]) for (const block of [1, 4]) expect(() => runSteps(parseJsonPiecesSteps(cut(text, size), 1, block))).toThrow();
    });
  }
});

describe('JSON.parse in slices on deep nesting', () => {
  /** `depth` nested arrays, each with `width` numbers before the next. */
  const nested = (depth: number, width = 300) => {
    const pad = Array(width).fill(0).join(',');
    let s = '"end"';
    for (let i = 0; i < depth; i++) s = `[${pad},${s}]`;
    return `{"format":"x","extra":${s}}`;
  };

  it('scans each character at most 3 times, whatever the depth (was once per level: O(depth × size))', () => {
    const text = nested(2_000, 20);
    const stats: ScanStats = { scanned: 0 };
    expect(runSteps(parseJsonSteps(text, 1, stats))).toEqual(JSON.parse(text));
    expect(stats.scanned).toBeLessThanOrEqual(3 * text.length);
    const fromPieces: ScanStats = { scanned: 0 };
    expect(runSteps(parseJsonPiecesSteps(cut(text, 4_096), 1, 65_536, fromPieces))).toEqual(JSON.parse(text));
    expect(fromPieces.scanned).toBeLessThanOrEqual(3 * text.length);
  });

  it('loads a valid bundle holding 2,000 nested arrays in an extra field, as parseBundle does', async () => {
    const base = serializeBundle(createBundle([], { name: 'nested' }));
    const text = `${base.slice(0, -1)},"extra":${nested(2_000).slice(0, -1).replace('{"format":"x","extra":', '')}}`;
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(await parseBundleAsync(text)).toEqual(parseBundle(text));
    expect(await parseBundlePiecesAsync(cut(text, 65_536))).toEqual(parseBundle(text));
  });
});

describe('parseBundleAsync', () => {
  const article = (id: string): Article => ({
    id, paper: '晋中日报', date: '2025-02-13', page: 'p.txt', title: `标题${id}`, titleInferred: false, subtitle: null, section: null,
    byline: null, dateline: null, kind: 'news', source: null, paragraphs: ['正文“引号”\\反斜杠。'.repeat(200)], continues: null, continuationOf: null,
  });
  // Over the 1 MB split threshold, so the articles array really is parsed in parts.
  const big = serializeBundle(createBundle(Array.from({ length: 400 }, (_, i) => article(`a${i}`)), { name: 'big' }));

  it('loads a large bundle exactly as parseBundle does', async () => {
    expect(big.length).toBeGreaterThan(1 << 20);
    expect(await parseBundleAsync(big)).toEqual(parseBundle(big));
  });

  it('loads it from pieces exactly as parseBundle does, and names the same problems', async () => {
    expect(await parseBundlePiecesAsync(cut(big, 65_536))).toEqual(parseBundle(big));
    expect(await parseBundlePiecesAsync(cut(big, 7_777))).toEqual(parseBundle(big));
    const truncated = big.slice(0, big.length - 100);
    await expect(parseBundlePiecesAsync(cut(truncated, 65_536))).rejects.toThrow(/truncated/);
    await expect(parseBundlePiecesAsync(['  ', '\n'])).rejects.toThrow(/empty/);
  });

  it('refuses bad bundles with the same error as parseBundle', async () => {
    for (const text of ['', '<html>', big.slice(0, big.length - 100), big.slice(0, 2_000_000).replace(/,"kind"/, ',,"kind"'), big.replace('"id":"a7"', '"id":"a1"')]) {
      let expected: unknown;
      try {
        parseBundle(text);
      } catch (error) {
        expected = error;
      }
      expect(expected).toBeInstanceOf(BundleError);
      await expect(parseBundleAsync(text)).rejects.toThrow((expected as Error).message);
    }
  });
});
