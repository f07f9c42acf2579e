import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCharCodes, maxOf, minOf, pushAll } from '../src/arrays.js';

const SRC = join(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Calls that take their arguments on the stack and are given input-sized arrays: `x.push(...a)`, `Math.max(...a)`. */
const CALLEE = /(?:\.push|\.unshift|\.splice|Math\.min|Math\.max|String\.fromCharCode|String\.fromCodePoint)\s*\(/g;

/**
 * The source with comments blanked (newlines kept, so line numbers hold);
 * strings, template literals and regex literals are stepped over whole.
 */
function withoutComments(text: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2) + 2;
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
      continue;
    }
    let end = i + 1;
    if (c === '"' || c === "'" || c === '`') {
      while (end < text.length && text[end] !== c) end += text[end] === '\\' ? 2 : 1;
      end++;
    } else if (c === '/' && /[(,=:[!&|?{};]/.test(prev)) {
      let inClass = false;
      while (end < text.length && (inClass || text[end] !== '/')) {
        if (text[end] === '\\') end++;
        else if (text[end] === '[') inClass = true;
        else if (text[end] === ']') inClass = false;
        end++;
      }
      end++;
    }
    out += text.slice(i, end);
    if (!/\s/.test(c)) prev = c;
    i = end;
  }
  return out;
}

/** Spreads among a call's own arguments (not inside nested brackets, objects or strings). */
function spreadsInCall(text: string, open: number): boolean {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) return false;
    } else if (depth === 1 && text.startsWith('...', i)) return true;
  }
  return false;
}

describe('no unbounded argument spreads in core', () => {
  it('finds no push(...a), Math.min/max(...a) or fromCharCode(...a) in packages/core/src (use arrays.ts)', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      const text = withoutComments(readFileSync(file, 'utf8'));
      for (const m of text.matchAll(CALLEE)) {
        if (spreadsInCall(text, m.index + m[0].length - 1)) found.push(`${file.slice(SRC.length + 1)}:${text.slice(0, m.index).split('\n').length}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the guard sees the spreads it is meant to', () => {
    const probe = (s: string) => spreadsInCall(s, s.indexOf('('));
    expect(probe('a.push(...b)')).toBe(true);
    expect(probe('a.push(x,\n  ...b)')).toBe(true);
    expect(probe('a.push({ ...h, t: 1 })')).toBe(false);
    expect(probe('a.push([...b])')).toBe(false);
    expect(probe("a.push('...')")).toBe(false);
    expect(withoutComments('x; // a.push(...b)\n/* Math.max(...c) */ y = /[/"]/; a.push(...d)').match(CALLEE)).toEqual(['.push(']);
  });

  it('the helpers take 300,000 items', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i % 1000);
    expect(pushAll([1], many).length).toBe(300_001);
    expect(maxOf(many)).toBe(999);
    expect(minOf(many)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
    expect(fromCharCodes(new Uint16Array(many.map(() => 0x4e2d))).length).toBe(300_000);
  });
});

describe('an article with more than 100,000 term occurrences', () => {
  it('is analysed without overflowing the stack (was push(...terms): Maximum call stack size exceeded)', async () => {
    const { analyze } = await import('../src/text/analyze.js');
    const text = '北京市，'.repeat(200_000);
    const { tokens } = analyze(text, { terms: ['北京市'] });
    expect(tokens.filter((t) => t.kind === 'term').length).toBe(200_000);
  });
});
