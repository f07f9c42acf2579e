import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the built CLI on real files: the seed pages, a terms.txt of edits, a draft on stdin.
const main = resolve(__dirname, '../dist/main.js');
const seeds = resolve(__dirname, '../../../seeds');
const jianbao = (args: string[], input?: string) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', input });

describe('jianbao terms / annotate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-terms-'));
  const pages = join(dir, 'pages');
  const bundle = join(dir, 'archive.json');
  spawnSync('mkdir', ['-p', pages]);
  copyFileSync(join(seeds, '003_17c57a23914577c3.txt'), join(pages, '003.txt'));
  writeFileSync(join(pages, 'terms.txt'), '# edits\nadd person 王小明 | 小明\nrename 太原市委 > 中共太原市委\nsuppress 尖草坪区\n');

  it('builds with terms.txt applied (and not read as a page)', () => {
    const r = jianbao(['build', pages, '--out', bundle]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/from 1 pages/);
    const b = JSON.parse(readFileSync(bundle, 'utf8'));
    expect(b.lexicon.format).toBe('jianbao-lexicon');
    expect(b.matcher.format).toBe('jianbao-matcher');
  });

  it('lists terms as JSON in the contract shape, filtered by kind', () => {
    const terms = JSON.parse(jianbao(['terms', '--archive', bundle, '--json']).stdout);
    expect(Object.keys(terms[0])).toEqual(['id', 'name', 'kind', 'aliases', 'roles', 'mentions', 'titles']);
    const names = terms.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['常书铭', '韦韬', '王小明', '中共太原市委', '太原晋中一体化']));
    expect(names).not.toContain('尖草坪区');
    expect(names).not.toContain('太原市委');
    const people = JSON.parse(jianbao(['terms', '--archive', bundle, '--kind', 'person', '--json']).stdout);
    expect(people.every((t: { kind: string }) => t.kind === 'person')).toBe(true);
    const chang = people.find((t: { name: string }) => t.name === '常书铭');
    expect(chang.roles.map((r: { title: string }) => r.title)).toContain('晋中市委书记');
    expect(chang.mentions.length).toBeGreaterThan(0);
    // The added summary: distinct titles with their article counts, no repeats.
    const titles = chang.titles.map((h: { title: string }) => h.title);
    expect(titles).toContain('晋中市委书记');
    expect(new Set(titles).size).toBe(titles.length);
    // Human output: each title once, with its count.
    const human = jianbao(['terms', '--archive', bundle, '--kind', 'person']).stdout;
    const line = human.split('\n').find((l: string) => l.includes('常书铭'))!;
    expect(line).toMatch(/晋中市委书记（[^）]*篇）/);
    expect(line.split('晋中市委书记（').length).toBe(2);
  });

  it('annotates stdin and files with exact UTF-16 offsets', () => {
    const draft = '😀晋中市委书记常書銘在太原晋中一体化座谈会上讲话，王小明出席。\r\n';
    const marks = JSON.parse(jianbao(['annotate', '-', '--archive', bundle, '--json'], draft).stdout);
    for (const m of marks) expect(draft.slice(m.start, m.end)).toBe(m.text);
    expect(marks.map((m: { text: string; kind: string }) => `${m.kind}:${m.text}`)).toEqual(
      expect.arrayContaining(['person:常書銘', 'policy:太原晋中一体化', 'person:王小明']),
    );
    const file = join(dir, 'draft.txt');
    writeFileSync(file, draft);
    expect(JSON.parse(jianbao(['annotate', file, '--archive', bundle, '--json']).stdout)).toEqual(marks);
  });

  it('fails with one clear line on bad input', () => {
    const r = jianbao(['terms', '--kind', 'people', '--archive', bundle]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim()).toMatch(/--kind must be one of person, place, organisation, policy, got "people"/);
    writeFileSync(join(pages, 'terms.txt'), 'add person 王小明\nrename 太原市委\n');
    const b = jianbao(['build', pages, '--out', join(dir, 'bad.json')]);
    expect(b.status).not.toBe(0);
    expect(b.stderr.trim()).toBe(`jianbao: ${join(pages, 'terms.txt')}:2: expected "rename <name> > <new name>"`);
    expect(jianbao(['annotate', join(dir, 'missing.txt'), '--archive', bundle]).stderr).toMatch(/not found/);
  });
});
