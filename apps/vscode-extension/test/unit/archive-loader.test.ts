import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { defaultBundleText } from '@jianbao/core/default-archive';
import { MAX_BUNDLE_BYTES } from '@jianbao/core';
import { ArchiveLoadError, GzipTooLargeError, gunzipToPieces, loadConfiguredArchive, resolveArchiveUri } from '../../src/archive-loader.js';
import { Uri, memfs } from './vscode-mock.js';

const enc = (s: string) => new TextEncoder().encode(s);
const base = Uri.file('/ws');

describe('loading the configured archive', () => {
  beforeEach(() => memfs.clear());

  it('uses the bundled default when the setting is empty', async () => {
    const loaded = await loadConfiguredArchive('  ', base);
    expect(loaded.source).toBe('default');
    expect(loaded.archive.articles.length).toBe((await loadDefaultArchive()).articles.length);
  });

  it('loads a bundle file, plain or gzipped, relative to the workspace', async () => {
    const text = await defaultBundleText();
    memfs.set('/ws/archive.json', enc(text));
    memfs.set('/ws/archive.json.gz', new Uint8Array(gzipSync(text)));
    const plain = await loadConfiguredArchive('archive.json', base);
    const gz = await loadConfiguredArchive('/ws/archive.json.gz', undefined);
    expect(plain.source).toBe('file');
    expect(plain.location).toBe('/ws/archive.json');
    expect(gz.archive.articles.length).toBe(plain.archive.articles.length);
  });

  it('builds an archive from a folder of pages', async () => {
    memfs.set('/ws/pages', 'dir');
    memfs.set('/ws/pages/p1.txt', enc('晋中日报\n\n重点项目建设按下快进键\n\n本报讯 春节假期刚过，各县召开调度会。\n'));
    memfs.set('/ws/pages/notes.pdf', enc('ignored'));
    const loaded = await loadConfiguredArchive('pages', base);
    expect(loaded.source).toBe('folder');
    expect(loaded.archive.meta.name).toBe('pages');
    expect(loaded.archive.articles.length).toBeGreaterThan(0);
  });

  it('reads GBK and Big5 pages of a folder in their encoding (not as UTF-8 mojibake), and says so', async () => {
    const simplified = '晋中日报\n\n重点项目建设按下快进键\n\n本报讯 春节假期刚过，各县召开调度会。\n';
    const traditional = '晉中日報\n\n重點項目建設按下快進鍵\n\n本報訊 春節假期剛過，各縣召開調度會。\n';
    memfs.set('/ws/utf8', 'dir');
    memfs.set('/ws/utf8/p1.txt', enc(simplified));
    memfs.set('/ws/utf8/p2.txt', enc(traditional));
    memfs.set('/ws/legacy', 'dir');
    memfs.set('/ws/legacy/p1.txt', new Uint8Array(iconv.encode(simplified, 'gbk')));
    memfs.set('/ws/legacy/p2.txt', new Uint8Array(iconv.encode(traditional, 'big5')));
    memfs.set('/ws/legacy/p3.txt', new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
    const utf8 = await loadConfiguredArchive('utf8', base);
    const legacy = await loadConfiguredArchive('legacy', base);
    const strip = (articles: typeof utf8.archive.articles) => articles.map(({ title, paragraphs }) => ({ title, paragraphs }));
    expect(strip(legacy.archive.articles)).toEqual(strip(utf8.archive.articles));
    expect(legacy.notes).toEqual(['p1.txt: read as GB18030', 'p2.txt: read as BIG5', 'p3.txt: skipped, it is not a text file (binary data)']);
    expect(utf8.notes).toEqual([]);
  });

  it('says clearly when the archive is missing, empty or invalid', async () => {
    await expect(loadConfiguredArchive('nope.json', base)).rejects.toThrow(/was not found: \/ws\/nope\.json/);
    memfs.set('/ws/empty', 'dir');
    await expect(loadConfiguredArchive('empty', base)).rejects.toThrow(/no \.txt or \.md pages/);
    memfs.set('/ws/bad.json', enc('{"format":"something-else"}'));
    const error = await loadConfiguredArchive('bad.json', base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveLoadError);
    expect((error as Error).message).toMatch(/not a valid Jianbao bundle \(\/ws\/bad\.json\)/);
    expect((error as Error).message).not.toContain('\n');
    memfs.set('/ws/broken.json.gz', new Uint8Array([0x1f, 0x8b, 1, 2, 3]));
    await expect(loadConfiguredArchive('broken.json.gz', base)).rejects.toThrow(/not valid gzip/);
  });

  it('refuses a gzip bomb at the CLI\'s cap (MAX_BUNDLE_BYTES), in one line, before inflating the rest', async () => {
    // 300 gzip members of 1 MB of spaces each: a 300 KB file that unpacks to 300 MB, over the 256 MB cap (as the CLI's test).
    const member = gzipSync(Buffer.alloc(1 << 20, 0x20));
    memfs.set('/ws/bomb.json.gz', new Uint8Array(Buffer.concat(Array.from({ length: 300 }, () => member))));
    const error = await loadConfiguredArchive('bomb.json.gz', base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveLoadError);
    expect((error as Error).message).toBe('The configured archive /ws/bomb.json.gz unpacks to more than 256 MB, the most Jianbao reads from one file: refused.');
  }, 300_000);

  it('refuses a file over the cap from its size, without reading it', async () => {
    memfs.set('/ws/huge.json', { length: MAX_BUNDLE_BYTES + 1 } as Uint8Array);
    await expect(loadConfiguredArchive('huge.json', base)).rejects.toThrow(/huge\.json is larger than 256 MB, the most Jianbao reads from one file: refused\./);
  });

  it('needs an open folder for a relative path', () => {
    expect(() => resolveArchiveUri('archive.json', undefined)).toThrow(/relative but no folder is open/);
    expect(resolveArchiveUri('/abs/a.json', undefined).path).toBe('/abs/a.json');
  });
});

describe('gunzipToPieces', () => {
  it('gives, in pieces, the text a one-piece gunzip and decode give, across pieces that split characters', async () => {
    // Several megabytes of mixed one-, two-, three- and four-byte characters: the 1 MB pieces and the
    // decompressor's chunks cut through characters.
    const text = Array.from({ length: 120_000 }, (_, i) => `第${i}段：新闻联播 news ${i % 7 ? 'é' : '𠀋'}，`).join('\n');
    const zipped = new Uint8Array(gzipSync(Buffer.from(text, 'utf8'), { level: 0 }));
    expect(zipped.length).toBeGreaterThan(1 << 20);
    expect((await gunzipToPieces(zipped)).join('')).toBe(text);
  });
  it('stops at the limit it is given: output of exactly the limit passes, one byte more is refused', async () => {
    const zipped = new Uint8Array(gzipSync(Buffer.alloc(5000, 0x20)));
    expect((await gunzipToPieces(zipped, 5000)).join('')).toHaveLength(5000);
    await expect(gunzipToPieces(zipped, 4999)).rejects.toBeInstanceOf(GzipTooLargeError);
  });
  it('stops a gzip bomb at the limit without leaving the stream behind, again and again', async () => {
    // 64 MB of zeros is ~64 KB of gzip: refused at 1 MB, many times in a row, with no error escaping the stream.
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(64 << 20)));
    for (let i = 0; i < 5; i++) await expect(gunzipToPieces(bomb, 1 << 20)).rejects.toBeInstanceOf(GzipTooLargeError);
    expect((await gunzipToPieces(new Uint8Array(gzipSync('{"a":1}')))).join('')).toBe('{"a":1}');
  });
  it('rejects a cut-off gzip stream', async () => {
    const cut = new Uint8Array(gzipSync('{"a":1}')).subarray(0, 15);
    await expect(gunzipToPieces(cut)).rejects.toThrow();
  });
});
