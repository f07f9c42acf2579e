import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePieces, createBundle, serializeBundle } from '@jianbao/core';
import { writeBundleFile } from '../src/write-bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'jianbao-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeBundleFile from pieces', () => {
  it('writes the text serializeBundle makes, plain and gzipped, a surrogate pair across a slice edge kept whole', async () => {
    // A paragraph past the 4 MiB-character slice, with 😀 (two code units) straddling the slice edge.
    const long = 'a'.repeat((1 << 22) - 1) + '😀' + '晋中'.repeat(10);
    const bundle = createBundle(
      [{ id: 'x1', paper: '晋中日报', date: '2024-01-01', page: '1', title: '标题', titleInferred: false, subtitle: null, section: null, byline: null, dateline: null, kind: 'news', source: null, paragraphs: ['text', long], continues: null, continuationOf: null }],
      { name: '测试' },
    );
    const text = serializeBundle(bundle);
    expect([...bundlePieces(bundle)].join('')).toBe(text);
    const plain = join(dir, 'b.json');
    expect(await writeBundleFile(bundlePieces(bundle), plain)).toBe(Buffer.byteLength(text));
    expect(readFileSync(plain, 'utf8')).toBe(text);
    const gz = join(dir, 'b.json.gz');
    const size = await writeBundleFile(bundlePieces(bundle), gz);
    expect(size).toBe(readFileSync(gz).length);
    expect(gunzipSync(readFileSync(gz)).toString('utf8')).toBe(text);
  });

  it('names a folder it cannot write into and leaves no temp file', async () => {
    await expect(writeBundleFile(bundlePieces(createBundle([], { name: 'e' })), join(dir, 'missing', 'b.json'))).rejects.toThrow(/does not exist/);
  });
});
