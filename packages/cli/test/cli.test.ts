import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the built CLI as a user would (turbo builds it before tests).
const main = resolve(__dirname, '../dist/main.js');
const seeds = resolve(__dirname, '../../../seeds');
const jianbao = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });

describe('jianbao CLI on real files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-cli-'));
  const bundle = join(dir, 'seeds.json');

  it('builds a bundle from the seed folder, progress on stderr only', () => {
    const r = jianbao('build', seeds, '--out', bundle);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/built .* articles from 5 pages/);
    expect(JSON.parse(readFileSync(bundle, 'utf8')).format).toBe('jianbao-archive');
  });

  it('lists articles as pure JSON in the contract shape, default archive = the seeds', () => {
    const fromDefault = JSON.parse(execFileSync(process.execPath, [main, 'articles', '--json'], { encoding: 'utf8' }));
    const fromFile = JSON.parse(jianbao('articles', '--archive', bundle, '--json').stdout);
    expect(fromFile).toEqual(fromDefault);
    expect(Object.keys(fromDefault[0])).toEqual([
      'id', 'paper', 'date', 'page', 'title', 'titleInferred', 'subtitle', 'section', 'byline',
      'dateline', 'kind', 'source', 'paragraphs', 'continues', 'continuationOf', 'pageNumber',
    ]);
  });

  it('shows one article by id prefix, as JSON and as text', () => {
    const [first] = JSON.parse(jianbao('articles', '--json').stdout);
    const json = JSON.parse(jianbao('show', first.id.slice(0, 6), '--json').stdout);
    expect(json).toEqual(first);
    expect(jianbao('show', first.id).stdout).toContain(first.title);
  });

  it('fails with one line and a non-zero code on bad input', () => {
    const cases: [string[], RegExp, number][] = [
      [['frobnicate'], /unknown command 'frobnicate'/, 2],
      [['show', 'ffffffff'], /no article with id "ffffffff"/, 1],
      [['articles', '--archive', join(dir, 'missing.json')], /archive not found/, 1],
      [['articles', '--bogus'], /unknown option '--bogus'/, 2],
      [['build', join(dir, 'nowhere'), '--out', join(dir, 'x.json')], /input not found/, 1],
    ];
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(bundle, 'utf8').slice(0, 1000));
    cases.push([['articles', '--archive', truncated], /truncated/, 3]);
    for (const [args, message, code] of cases) {
      const r = jianbao(...args);
      expect(r.status, args.join(' ')).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
