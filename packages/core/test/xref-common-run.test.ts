import { describe, expect, it } from 'vitest';
import { CommonRun } from '../src/xref/common-run.js';

/** The quadratic dynamic programme CommonRun replaces: the reference. */
function longestCommon(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) if (a[i - 1] === b[j - 1]) best = Math.max(best, (cur[j] = prev[j - 1]! + 1));
    prev = cur;
  }
  return best;
}

describe('CommonRun (longest shared run by suffix automaton)', () => {
  it('agrees with the dynamic programme on random and repetitive texts', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = '项目总投资亿元建成后可实现年产';
    const text = (n: number, k: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * k)]).join('');
    for (let t = 0; t < 200; t++) {
      const k = 1 + Math.floor(rand() * alphabet.length);
      const a = text(Math.floor(rand() * 60), k);
      const b = text(Math.floor(rand() * 60), k);
      expect(new CommonRun(a).longestWith(b)).toBe(longestCommon(a, b));
    }
    expect(new CommonRun('').longestWith('abc')).toBe(0);
    expect(new CommonRun('占地面积余亩项目总投资元').longestWith('该项目占地面积余亩项目总投资元建成后')).toBe(12);
  });
});
