import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { h, highlighted } from '../lib/dom.js';

const root = join(__dirname, '..');
const messages = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|html)$/.test(e.name))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

describe('locales', () => {
  test('zh_CN (default) and en have the same keys, none empty', () => {
    const zh = messages('zh_CN');
    const en = messages('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const m of [...Object.values(zh), ...Object.values(en)]) expect(m.message.trim()).not.toBe('');
  });

  test('every message key the code uses exists', () => {
    const zh = messages('zh_CN');
    const text = [...sources('lib'), ...sources('entrypoints')].join('\n');
    const keys = new Set<string>();
    for (const m of text.matchAll(/\bt\('([A-Za-z_]+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/data-i18n(?:-placeholder|-title)?="([A-Za-z_]+)"/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/\['(meta[A-Za-z]+)'/g)) keys.add(m[1]!);
    for (const kind of ['person', 'place', 'organisation', 'policy']) keys.add(`kind_${kind}`);
    for (const section of ['matcher', 'search', 'lexicon']) keys.add(`section_${section}`);
    expect(keys.size).toBeGreaterThan(30);
    expect([...keys].filter((k) => !zh[k])).toEqual([]);
  });
});

describe('dom helpers', () => {
  test('archive text is set as text, never parsed as HTML', () => {
    const el = h(document, 'p', {}, '<img src=x onerror=alert(1)>');
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  test('highlighted() marks the given spans and ignores bad ones', () => {
    const box = document.createElement('div');
    box.append(highlighted(document, '晋中市人大常委会', [[0, 2], [3, 8], [1, 2], [7, 99]]));
    expect([...box.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['晋中', '人大常委会']);
    expect(box.textContent).toBe('晋中市人大常委会');
  });
});
