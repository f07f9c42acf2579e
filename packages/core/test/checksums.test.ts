import { describe, expect, it } from 'vitest';
import { checksumOfValue as checksumOf } from '../src/bundle/checksum.js';
import { BUNDLE_VERSION, BundleError, buildBundle, loadArchive, parseBundle, parseBundleAsync, parseBundlePiecesAsync, searchArchive, serializeBundle, type Article } from '../src/index.js';

const article = (id: string, title: string, body: string): Article => ({
  id, paper: '晋中日报', date: '2025-02-13', page: 'p.txt', title, titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, paragraphs: [body], continues: null, continuationOf: null,
});
const articles = [
  article('a1', '千万工程推进乡村振兴', '榆次区推进千万工程，建设宜居宜业和美乡村。'),
  article('a2', '集大原高铁全线贯通', '集大原高铁今日全线贯通，沿线群众出行更便捷。'),
  article('a3', '市委书记调研企业', '市委书记到企业调研新质生产力发展情况。'),
];
const text = serializeBundle(buildBundle({ articles }, { name: 'checksums' }));

/** Loads through all three entry points; returns the warnings of each (they must agree). */
async function load(t: string): Promise<string[]> {
  const sync: string[] = [];
  const bundle = parseBundle(t, { onWarning: (m) => sync.push(m) });
  const slices: string[] = [];
  expect(await parseBundleAsync(t, { onWarning: (m) => slices.push(m) })).toEqual(bundle);
  const pieces: string[] = [];
  expect(await parseBundlePiecesAsync([t.slice(0, 1000), t.slice(1000)], { onWarning: (m) => pieces.push(m) })).toEqual(bundle);
  expect(slices).toEqual(sync);
  expect(pieces).toEqual(sync);
  return sync;
}

async function refusal(t: string): Promise<BundleError> {
  let error: unknown;
  try {
    parseBundle(t);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(BundleError);
  await expect(parseBundleAsync(t)).rejects.toThrow((error as Error).message);
  await expect(parseBundlePiecesAsync([t.slice(0, 1000), t.slice(1000)])).rejects.toThrow((error as Error).message);
  return error as BundleError;
}

describe('bundle format 2: a checksum per section', () => {
  it('is written with every section and verified on load without a warning', async () => {
    const raw = JSON.parse(text);
    expect(raw.version).toBe(BUNDLE_VERSION);
    expect(Object.keys(raw.checksums).sort()).toEqual(['articles', 'hash', 'lexicon', 'matcher', 'search']);
    expect(await load(text)).toEqual([]);
    expect(parseBundle(text).checksums).toBeUndefined();
  });

  it('drops a damaged section that keeps its shape, with a warning, and answers as a fresh build does', async () => {
    const raw = JSON.parse(text);
    // One length changed to another one-byte varint: every shape check still passes.
    const lengths = Buffer.from(raw.search.lengths, 'base64');
    lengths[0] = lengths[0]! === 5 ? 6 : 5;
    raw.search.lengths = lengths.toString('base64');
    const damaged = JSON.stringify(raw);
    expect(await load(damaged)).toEqual(['section "search" is damaged (its checksum does not match): it will be rebuilt from the articles']);
    const fresh = loadArchive(text);
    const rebuilt = loadArchive(damaged);
    for (const q of ['千万工程', '高铁', '市委书记', '新质生产力']) expect(searchArchive(rebuilt, q)).toEqual(searchArchive(fresh, q));
  });

  it('refuses a bundle whose articles were changed, in one line', async () => {
    const error = await refusal(text.replace('沿线群众出行更便捷', '沿线群众出行更方便'));
    expect(error.code).toBe('damaged');
    expect(error.message).toMatch(/^archive bundle is damaged: its articles do not match their checksum/);
  });

  it('refuses format 2 text without checksums, and drops a section that has none', async () => {
    const raw = JSON.parse(text);
    delete raw.checksums;
    expect((await refusal(JSON.stringify(raw))).message).toMatch(/"checksums" are missing/);
    const partial = JSON.parse(text);
    delete partial.checksums.lexicon;
    expect(await load(JSON.stringify(partial))).toEqual(['section "lexicon" is damaged (it has no checksum): it will be rebuilt from the articles']);
  });

  it('accepts the same bundle re-indented by an editor, or with members reordered', async () => {
    expect(await load(JSON.stringify(JSON.parse(text), null, 2))).toEqual([]);
    const raw = JSON.parse(text);
    const reordered = { checksums: raw.checksums, search: raw.search, format: raw.format, version: raw.version, meta: raw.meta, articles: raw.articles, lexicon: raw.lexicon, matcher: raw.matcher };
    expect(await load(JSON.stringify(reordered))).toEqual([]);
  });

  it('loads format 1 (no checksums) unverified, through migrate', async () => {
    const raw = JSON.parse(text);
    raw.version = 1;
    delete raw.checksums;
    raw.articles[0].title = '改过的标题'; // format 1 cannot tell
    const v1 = JSON.stringify(raw);
    expect(await load(v1)).toEqual([]);
    expect(parseBundle(v1).version).toBe(BUNDLE_VERSION);
    // Written again, it is the current format with checksums that verify.
    expect(await load(serializeBundle(parseBundle(v1)))).toEqual([]);
  });

  it('loads format 2 (articles without pageNumber) verified, and reads 版次 from the page names', async () => {
    const named = [article('b1', '标题一', '正文一。'), { ...article('b2', '标题二', '正文二。'), page: '太原日报2025-02-22第3版.txt' }];
    const raw = JSON.parse(serializeBundle(buildBundle({ articles: named }, { name: 'v2' })));
    raw.version = 2;
    for (const a of raw.articles) delete a.pageNumber;
    raw.checksums.articles = checksumOf(raw.articles); // as format 2 summed its articles
    const v2 = JSON.stringify(raw);
    expect(await load(v2)).toEqual([]);
    const loaded = parseBundle(v2);
    expect(loaded.version).toBe(3);
    expect(loaded.articles.map((a) => a.pageNumber)).toEqual([null, '3']);
    // As an object (a host's stored copy) it verifies against the articles as written, before the migration.
    expect(parseBundle(JSON.parse(v2)).articles[1]!.pageNumber).toBe('3');
    // A changed article is still caught.
    raw.articles[0].title = '改过的标题';
    expect((await refusal(JSON.stringify(raw))).code).toBe('damaged');
  });

  it('trusts a bundle built in memory (an object without checksums)', async () => {
    const bundle = buildBundle({ articles }, { name: 'in memory' });
    expect(bundle.checksums).toBeUndefined();
    expect(parseBundle(bundle).articles).toHaveLength(3);
  });
});
