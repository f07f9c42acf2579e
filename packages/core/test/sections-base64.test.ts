import { describe, expect, it } from 'vitest';
import { runSteps } from '../src/host.js';
import { isBase64 } from '../src/bundle/sections.js';

const OLD_RE = /^[A-Za-z0-9+/]*={0,2}$/;

describe('isBase64 (the sliced check of a section\'s base64 text)', () => {
  const cases = ['', 'QUJD', 'QUI=', 'QQ==', 'QQ===', '=', '==', '===', 'QU=I', 'QUJD!', 'a-b', 'ab cd', 'abc\n', '+/+/', 'AAAAAAAAAAAAAAAAAA=', 'AAAAAAAAAAAA@AAAAA'];
  it('agrees with one test of /^[A-Za-z0-9+/]*={0,2}$/, whatever the piece size', () => {
    for (const text of cases) {
      for (const piece of [1, 2, 3, 5, 1 << 20]) expect([text, piece, runSteps(isBase64(text, piece))]).toEqual([text, piece, OLD_RE.test(text)]);
    }
  });
  it('finds a bad character past the first piece', () => {
    const long = 'A'.repeat(100) + '*' + 'A'.repeat(100);
    expect(runSteps(isBase64(long, 16))).toBe(false);
    expect(runSteps(isBase64('A'.repeat(201), 16))).toBe(true);
  });
});
