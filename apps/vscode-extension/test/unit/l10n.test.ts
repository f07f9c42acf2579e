// Every string the code localises has a Chinese translation, with the same {n} placeholders,
// and every manifest %key% has an English and a Chinese text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const read = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as Record<string, string>;
const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

/** The message argument of each vscode.l10n.t('…') call in src (single-quoted literals, as the code writes them). */
function sourceMessages(): string[] {
  const out = new Set<string>();
  for (const name of readdirSync(join(root, 'src')).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(join(root, 'src', name), 'utf8');
    for (const m of text.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) out.add(m[1]!.replace(/\\(.)/g, '$1'));
  }
  return [...out];
}

describe('localisation', () => {
  it('translates every runtime message into Chinese with the same placeholders', () => {
    const zh = read('l10n/bundle.l10n.zh-cn.json');
    const messages = sourceMessages();
    expect(messages.length).toBeGreaterThan(20);
    for (const m of messages) {
      expect(zh[m], `missing zh-cn translation: ${m}`).toBeTruthy();
      expect(placeholders(zh[m]!)).toEqual(placeholders(m));
    }
  });

  it('has English and Chinese texts for every %key% of the manifest', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]!))];
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    for (const k of keys) {
      expect(en[k], `package.nls.json: ${k}`).toBeTruthy();
      expect(zh[k], `package.nls.zh-cn.json: ${k}`).toBeTruthy();
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
});
