import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/progress.js';

/** A stream that records what was written, and a clock the test moves. */
function setup(isTTY: boolean) {
  const written: string[] = [];
  let t = 0;
  const progress = createProgress({ stream: { isTTY, columns: 100, write: (s: string) => written.push(s) }, now: () => t, plainEveryMs: 5000 });
  return { written, progress, tick: (ms: number) => (t += ms) };
}

describe('build progress', () => {
  it('draws a bar in place on a terminal, with counts and an estimate, and leaves a line for a slow phase', () => {
    const { written, progress, tick } = setup(true);
    progress.phase('finding terms', 20_000, 'articles');
    tick(2000);
    progress.update(5000);
    const bar = written.at(-1)!;
    expect(bar.startsWith('\r\x1b[K')).toBe(true);
    expect(bar).toMatch(/finding terms \[█+░+\]  25% 5,000\/20,000 articles · about 6\.0 s left/);
    tick(50);
    progress.update(5100); // within 100 ms of the last draw: not redrawn
    expect(written.at(-1)).toBe(bar);
    progress.note('terms.txt line 3: no such term');
    expect(written.slice(-3)).toEqual(['\r\x1b[K', 'terms.txt line 3: no such term\n', expect.stringMatching(/^\r\x1b\[Kfinding terms \[/)]);
    tick(6000);
    progress.end();
    expect(written.slice(-2)).toEqual(['\r\x1b[K', 'finding terms: 20,000 articles (8.1 s)\n']);
    progress.phase('building the matcher', 20_000, 'articles');
    tick(300);
    progress.end(); // quick: the bar is cleared and no line is left
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('prints plain lines when piped, only for a large phase that runs for seconds', () => {
    const { written, progress, tick } = setup(false);
    progress.phase('parsing pages', 40, 'pages');
    tick(5000);
    progress.update(20);
    progress.end();
    expect(written).toEqual([]); // small: nothing, however slow
    progress.phase('indexing for search', 30_000, 'articles');
    tick(1000);
    progress.update(3000);
    expect(written).toEqual([]); // not yet two seconds
    tick(1000);
    progress.update(6000);
    tick(1000);
    progress.update(9000); // within five seconds of the last line
    tick(5000);
    progress.update(24_000);
    progress.end();
    expect(written).toEqual([
      'indexing for search: 20% (6,000/30,000 articles), about 8.0 s left\n',
      'indexing for search: 80% (24,000/30,000 articles), about 2.0 s left\n',
      'indexing for search: 30,000 articles (8.0 s)\n',
    ]);
    expect(written.join('')).not.toContain('\x1b');
  });
});
