import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

const main = resolve(__dirname, '../dist/main.js');
const jianbao = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 300_000 });
const root = mkdtempSync(join(tmpdir(), 'jianbao-input-'));

describe('dates on the command line', { timeout: 300_000 }, () => {
  it('search --from/--to and xref --date refuse an impossible date with one line, exit 2', () => {
    for (const args of [['search', '国务院', '--from', '2025-13-01'], ['search', '国务院', '--to', '2024-02-31'], ['xref', '-', '--date', '2023-02-29']]) {
      const r = jianbao(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/(must be a real date.*got|impossible date) "\d{4}-\d{2}-\d{2}"/);
    }
    expect(jianbao('search', '国务院', '--from', '2024-02-29').status).toBe(0);
  });
});

describe('Big5 pages', { timeout: 300_000 }, () => {
  const page = [
    '國務院常務會議研究部署經濟工作',
    '',
    '新華社北京2月13日電 國務院總理李強13日主持召開國務院常務會議，研究部署穩經濟一攬子政策措施。',
    '',
    '會議指出，要推動經濟運行持續好轉，加快建設現代化產業體系，促進民營經濟發展壯大。',
    '',
  ].join('\n');

  it('are read as Big5 (not GB18030 mojibake), exactly like the UTF-8 page, with a note', () => {
    expect(new TextDecoder('big5').decode(iconv.encode(page, 'big5'))).toBe(page);
    const build = (name: string, bytes: Buffer) => {
      const dir = join(root, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a.txt'), bytes);
      const out = join(root, `${name}.json`);
      const r = jianbao('build', dir, '--out', out);
      expect(r.status, r.stderr).toBe(0);
      return { r, articles: JSON.parse(jianbao('articles', '--archive', out, '--json').stdout) };
    };
    const utf8 = build('utf8', Buffer.from(page, 'utf8'));
    const big5 = build('big5', iconv.encode(page, 'big5'));
    expect(big5.r.stderr).toContain('a.txt: read as BIG5');
    expect(big5.articles).toEqual(utf8.articles);
    expect(big5.articles[0].title).toBe('國務院常務會議研究部署經濟工作');
  });
});
