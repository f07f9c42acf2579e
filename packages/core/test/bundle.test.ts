import { describe, expect, it } from 'vitest';
import { BUNDLE_VERSION, BundleError, createBundle, loadArchive, parseBundle, serializeBundle, type Article } from '../src/index.js';

const article = (id: string, title = '标题'): Article => ({
  id, paper: '晋中日报', date: '2025-02-13', page: 'p.txt', title, titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, paragraphs: ['正文。'], continues: null, continuationOf: null,
});

const good = () => serializeBundle(createBundle([article('a1'), article('a2')], { name: 'test' }));

function codeOf(input: unknown): string {
  try {
    parseBundle(input);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    expect((error as Error).message).not.toContain('\n');
    return (error as BundleError).code;
  }
  return 'loaded';
}

describe('archive bundle', () => {
  it('round-trips articles and meta', () => {
    const archive = loadArchive(good());
    expect(archive.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(archive.meta).toMatchObject({ name: 'test', articleCount: 2, papers: ['晋中日报'], dateRange: ['2025-02-13', '2025-02-13'] });
  });

  it('is deterministic', () => {
    expect(good()).toBe(good());
  });

  it('refuses a truncated bundle, saying so', () => {
    const text = good();
    expect(codeOf(text.slice(0, text.length / 2))).toBe('truncated');
    expect(() => parseBundle(text.slice(0, 50))).toThrow(/truncated/);
  });

  it('refuses empty, non-JSON and non-bundle input with specific codes', () => {
    expect(codeOf('')).toBe('empty');
    expect(codeOf('<html>oops</html>')).toBe('not-json');
    expect(codeOf('[1,2]')).toBe('not-a-bundle');
    expect(codeOf('{"format":"something-else","version":1}')).toBe('not-a-bundle');
  });

  it('refuses a newer version and names both versions', () => {
    const bundle = JSON.parse(good());
    bundle.version = 99;
    expect(codeOf(bundle)).toBe('unsupported-version');
    expect(() => parseBundle(bundle)).toThrow(new RegExp(`version 99 .*up to ${BUNDLE_VERSION}`));
  });

  it('names the article and field of a corrupt article', () => {
    const bundle = JSON.parse(good());
    bundle.articles[1].paragraphs = 'not an array';
    expect(() => parseBundle(bundle)).toThrow(/article a2 \(articles\[1\]\)\.paragraphs must be an array of strings/);
    bundle.articles[1].paragraphs = [];
    bundle.articles[1].kind = 'gossip';
    expect(codeOf(bundle)).toBe('invalid');
  });

  it('detects articles lost from a damaged bundle and duplicate ids', () => {
    const bundle = JSON.parse(good());
    bundle.articles.pop();
    expect(() => parseBundle(bundle)).toThrow(/articleCount says 2 but it holds 1/);
    const dup = JSON.parse(good());
    dup.articles[1].id = 'a1';
    expect(() => parseBundle(dup)).toThrow(/duplicate article id a1/);
  });
});
