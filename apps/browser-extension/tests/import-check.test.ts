import { describe, expect, test } from 'vitest';
import { defaultBundleText } from '@jianbao/core/default-archive';
import { checkBundleForImport } from '../lib/import-check.js';
import { matcherOf } from '../lib/archive-service.js';

// Issue 16, item 1: a bundle with a damaged matcher section was imported, and marking then failed on every page.
describe('checkBundleForImport', () => {
  test('an intact bundle loads every part, nothing rebuilt', async () => {
    const { archive, rebuilt } = await checkBundleForImport(await defaultBundleText());
    expect(rebuilt).toEqual([]);
    expect(archive.articles.length).toBeGreaterThan(0);
  });

  test('a damaged matcher section (one character of base) is rebuilt, reported, and marks like the intact bundle', async () => {
    const text = await defaultBundleText();
    const at = text.indexOf('"base":"', text.indexOf('"matcher":{')) + '"base":"'.length + 101;
    const damaged = text.slice(0, at) + (text[at] === '/' ? 'A' : '/') + text.slice(at + 1);
    const { archive, rebuilt } = await checkBundleForImport(damaged);
    expect(rebuilt).toEqual(['matcher']);
    const intact = (await checkBundleForImport(text)).archive;
    const sample = archive.articles.map((a) => a.paragraphs.join('\n')).join('\n');
    expect(matcherOf(archive).findAll(sample)).toEqual(matcherOf(intact).findAll(sample));
    expect(matcherOf(archive).findAll(sample).length).toBeGreaterThan(10);
  });

  test('a bundle that cannot be used is refused with one line', async () => {
    await expect(checkBundleForImport('{"format":"jianbao-archive"')).rejects.toThrow(/^archive bundle is truncated[^\n]*$/);
  });
});
