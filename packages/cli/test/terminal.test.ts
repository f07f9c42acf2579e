import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { humanOutput, inline, terminalSafe } from '../src/terminal.js';

// What a hostile archive can put in a title or paragraph: OSC 8 (a hidden link), OSC 52 (a clipboard write),
// CSI (clear the screen), the 8-bit C1 forms of both, a bare ESC, BEL, backspace, CR (overwrite the line), bidi overrides.
const OSC8 = '\x1b]8;;https://evil.example/phish\x1b\\点这里\x1b]8;;\x1b\\';
const OSC52 = '\x1b]52;c;cm0gLXJmIH4K\x07';
const HOSTILE = [OSC8, OSC52, '\x1b[2J\x1b[H', '\x9b2J', '\x9d52;c;ZXZpbA==\x9c', '\x1bc', '\x07\x08\x7f', '假\r真', '\u202e文倒\u202c', '\u2066隔\u2069', '\x1b]0;title'];
// Anything a terminal would act on: controls but tab/newline, DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('removes whole escape sequences, controls and bidi controls, and keeps the visible text', () => {
    expect(terminalSafe(OSC8)).toBe('点这里');
    expect(terminalSafe(OSC52)).toBe('');
    expect(terminalSafe('a\x1b[2J\x1b[31;1mb\x9b2Jc')).toBe('abc');
    expect(terminalSafe('\u202e文倒\u202c')).toBe('文倒');
    expect(terminalSafe('行一\r\n行二\u2028行三')).toBe('行一\n行二\n行三');
    expect(terminalSafe('标题\x1b]0;unterminated\n下一行')).toBe('标题\n下一行');
    for (const h of HOSTILE) expect(terminalSafe(h)).not.toMatch(UNSAFE);
    expect(terminalSafe('常书铭\t2024年2月13日（新华社）《人民日报》')).toBe('常书铭\t2024年2月13日（新华社）《人民日报》');
  });

  it('inline folds line breaks so a field cannot fake a line, and takes non-strings', () => {
    expect(inline('标题\n\n伪造的一行')).toBe('标题 伪造的一行');
    expect(inline(42)).toBe('42');
    expect(inline(null)).toBe('');
  });

  it('humanOutput keeps only the bold Jianbao adds', () => {
    expect(humanOutput('\x1b[1m常书铭\x1b[22m 说\x1b[2J')).toBe('\x1b[1m常书铭\x1b[22m 说');
  });
});

// The built CLI on a hostile .jsonl, as a user runs it.
const main = resolve(__dirname, '../dist/main.js');
const jianbao = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });

describe('jianbao human output on a hostile archive', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-terminal-'));
  const input = join(dir, 'hostile.jsonl');
  const bundle = join(dir, 'hostile.json');
  const title = `新华社北京电${OSC8}${OSC52}\x1b[2J`;
  const records = [
    { id: `evil${OSC8}`, title, paper: `人民日报\x9b2J`, date: '2024-02-13', byline: `记者\u202e铭书常`, section: `要闻\x1bc`, subtitle: `副题\r覆盖`,
      text: `国务院总理李强在北京主持召开国务院常务会议。${OSC52}\n李强指出，要推进高质量发展。\x1b]8;;https://x.example\x07链接\x1b]8;;\x07` },
    { title: `国务院常务会议${HOSTILE.join('')}`, text: `国务院总理李强在北京主持召开会议。${HOSTILE.join('')}` },
  ];
  writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n'));
  const draft = join(dir, 'draft.txt');
  writeFileSync(draft, `国务院总理李强在北京主持召开国务院常务会议。${OSC52}李强指出，要推进高质量发展。`);

  it('builds, and no human printer lets an escape, control or bidi character through; --json stays exact', () => {
    const built = jianbao('build', input, '--out', bundle);
    expect(built.status, built.stderr).toBe(0);
    const [first] = JSON.parse(jianbao('articles', '--archive', bundle, '--json').stdout);
    expect(first.title).toBe(title); // JSON is exact: the archive's text, escaped by JSON
    const runs = [
      ['articles'],
      ['show', first.id],
      ['search', '国务院'],
      ['search', '李强'],
      ['terms'],
      ['annotate', draft],
      ['xref', draft],
    ];
    for (const args of runs) {
      const r = jianbao(...args, '--archive', bundle);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length, args.join(' ')).toBeGreaterThan(0);
      expect(r.stdout, args.join(' ')).not.toMatch(UNSAFE);
      expect(r.stderr, args.join(' ')).not.toMatch(UNSAFE);
    }
    const show = jianbao('show', first.id, '--archive', bundle).stdout;
    expect(show).toContain('新华社北京电点这里');
    expect(show).not.toContain('evil.example');
    expect(show).not.toContain('cm0gLXJmIH4K');
    // An error naming an archive id is cleaned too.
    const missing = jianbao('show', `zz\x1b[2Jzz`, '--archive', bundle);
    expect(missing.status).toBe(1);
    expect(missing.stderr).not.toMatch(UNSAFE);
  });

  it('exits quietly when the reader closes the pipe (jianbao … | head)', () => {
    const lines = Array.from({ length: 4000 }, (_, i) => JSON.stringify({ title: `新闻标题第${i}篇关于经济发展的报道`, text: `国务院总理李强在北京主持召开会议。${i}` }));
    const many = join(dir, 'many.jsonl');
    writeFileSync(many, lines.join('\n'));
    expect(jianbao('build', many, '--out', join(dir, 'many.json')).status).toBe(0);
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${main}" articles --archive "${join(dir, 'many.json')}" | head -1`], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
