import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BundleFileError, readBundleFile } from '../lib/bundle-file.js';

// Options › import: a .json.gz bundle (jianbao build --out x.json.gz) is inflated in the browser (DecompressionStream).
describe('readBundleFile', () => {
  const text = JSON.stringify({ format: 'jianbao-archive', name: '晋中日报', articles: ['常书铭'.repeat(1000)] });

  it('reads plain JSON and gzip alike (gzip known by its magic bytes, not its name)', async () => {
    expect(await readBundleFile(new Blob([text]))).toBe(text);
    expect(await readBundleFile(new Blob([gzipSync(text)]))).toBe(text);
  });

  it('refuses a truncated gzip and a bomb past the limit, with a message key for the UI language', async () => {
    const gz = gzipSync(text);
    await expect(readBundleFile(new Blob([gz.subarray(0, gz.length >> 1)]))).rejects.toMatchObject({ key: 'optionsImportNotGzip' });
    const bomb = gzipSync(Buffer.alloc(4 << 20)); // 4 MB of zeros in a few KB
    const refused = await readBundleFile(new Blob([bomb]), 1 << 20).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BundleFileError);
    expect((refused as BundleFileError).key).toBe('optionsImportTooLarge');
    await expect(readBundleFile(new Blob([text]), 10)).rejects.toMatchObject({ key: 'optionsImportTooLarge' });
  });
});
