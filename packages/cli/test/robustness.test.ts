import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bigPage, seedPage } from './robustness-fixtures.js';

// Runs the built CLI as a user would (turbo builds it before tests) on generated folders in a temp dir.
const main = resolve(__dirname, '../dist/main.js');
const jianbao = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 30 });
const root = mkdtempSync(join(tmpdir(), 'jianbao-robust-'));

function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

type Result = ReturnType<typeof jianbao>;

/** A failure as users must see it: non-zero, nothing on stdout, one line on stderr naming the problem, no stack. */
function expectOneLineError(r: Result, message: RegExp, code = 1): void {
  expect(r.status, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines.at(-1)).toMatch(/^jianbao: /);
  expect(lines.at(-1)).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

/** Builds into a fresh --out; returns the CLI result and the articles (when it succeeded). */
function build(dir: string, ...extra: string[]): { r: Result; articles: { title: string; paragraphs: string[]; page: string }[] } {
  const out = join(root, `${dir.split('/').at(-1)}-${Math.random().toString(36).slice(2)}.json`);
  const r = jianbao('build', dir, '--out', out, ...extra);
  const articles = r.status === 0 ? JSON.parse(jianbao('articles', '--archive', out, '--json').stdout) : [];
  if (r.status !== 0) expect(existsSync(out), 'no --out file after a failed build').toBe(false);
  return { r, articles };
}

// Many CLI runs per test on a shared 2-core machine: generous timeouts (nothing here asserts a duration).
describe('jianbao build on bad and odd pages', { timeout: 600_000 }, () => {
  const good = seedPage();

  it('skips empty, whitespace-only and punctuation-only pages with a note, and builds the rest', () => {
    const dir = folder('blanks', { 'a.txt': '', 'b.txt': ' \n\t\n\u3000\u3000\r\n', 'c.txt': '。。，，！？“”《》——……\n、；：\n', 'd.txt': good });
    const { r, articles } = build(dir);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['a.txt', 'b.txt', 'c.txt']) expect(r.stderr).toContain(`skipped ${f}: no text on the page`);
    expect(articles.length).toBeGreaterThan(0);
    expect(new Set(articles.map((a) => a.page))).toEqual(new Set(['d.txt']));
  });

  it('fails with one line when every page is blank', () => {
    for (const [name, text] of [['empty', ''], ['spaces', '  \n\n \t'], ['punct', '。，、“”']] as const) {
      expectOneLineError(build(folder(`only-${name}`, { 'a.txt': text })).r, /no text to archive in .*its one page, a\.txt, is empty or punctuation only/);
    }
  });

  it('reads GB18030/GBK and UTF-16 pages exactly like their UTF-8 original, and says so', () => {
    const utf8 = build(folder('enc-utf8', { 'a.txt': good })).articles;
    const gbk = build(folder('enc-gbk', { 'a.txt': encodeGb18030(good) }));
    expect(gbk.r.status, gbk.r.stderr).toBe(0);
    expect(gbk.r.stderr).toContain('a.txt: read as GB18030');
    expect(gbk.articles).toEqual(utf8);
    const utf16 = build(folder('enc-utf16', { 'a.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]) }));
    expect(utf16.r.stderr).toContain('read as UTF-16LE');
    expect(utf16.articles).toEqual(utf8);
    const bom = build(folder('enc-bom', { 'a.txt': '\ufeff' + good }));
    expect(bom.articles).toEqual(utf8);
    const crlf = build(folder('enc-crlf', { 'a.txt': good.replace(/\n/g, '\r\n') }));
    expect(crlf.articles).toEqual(utf8);
  });

  it('names a page that is neither UTF-8 nor GB18030, and a binary file named .txt; --skip-bad builds without them', () => {
    const broken = Buffer.concat([Buffer.from(good, 'utf8').subarray(0, 300), Buffer.from([0xff, 0xff, 0x20]), Buffer.from('。', 'utf8')]);
    const binary = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const dir = folder('undecodable', { 'a.txt': good, 'broken.txt': broken, 'image.txt': binary });
    const stopped = build(dir);
    expectOneLineError(stopped.r, /page .*broken\.txt is neither UTF-8, GB18030\/GBK nor Big5 text \(invalid byte 0x[0-9a-f]{2} at offset \d+\): re-save it as UTF-8.*and 1 more.*--skip-bad/);
    expectOneLineError(build(folder('binary-only', { 'image.txt': binary })).r, /page .*image\.txt is not a text file \(binary data\)/);
    const skipped = build(dir, '--skip-bad');
    expect(skipped.r.status, skipped.r.stderr).toBe(0);
    expect(skipped.r.stderr).toMatch(/skipped: page .*broken\.txt is neither/);
    expect(skipped.r.stderr).toMatch(/skipped: page .*image\.txt is not a text file/);
    expect(new Set(skipped.articles.map((a) => a.page))).toEqual(new Set(['a.txt']));
  });

  it('survives a hostile page: markup kept as text, invisible and control characters removed, huge lines and 100k tiny lines', () => {
    const hostile = [
      '<script>alert(1)</script></script><img src=x onerror=alert(1)>',
      '',
      '新闻\u202E反转\u202C标题 常书\u200B铭\u0000来到\u200D现场\ufeff。',
      '',
      '无标点长行'.repeat(40_000),
      '',
      Array.from({ length: 100_000 }, (_, i) => `字${i % 10}`).join('\n'),
    ].join('\n');
    const { r, articles } = build(folder('hostile', { 'a.txt': hostile }));
    expect(r.status, r.stderr).toBe(0);
    const text = articles.flatMap((a) => [a.title, ...a.paragraphs]).join('\n');
    expect(text).toContain('<script>alert(1)</script></script>'); // data, not markup: hosts escape it
    expect(text).toContain('常书铭来到现场。');
    expect(text).not.toMatch(/[\u0000\u202e\u202c\u200b\u200d\ufeff]/);
    expect(text).toContain('无标点长行'.repeat(40_000));
    // The 100k one-block lines join into one paragraph, nothing lost.
    expect(text).toContain(Array.from({ length: 100_000 }, (_, i) => `字${i % 10}`).join(''));
  });

  it('builds a 5 MB page of realistic text (time reported by the benchmark, not asserted)', () => {
    const page = bigPage(5 * 1024 * 1024);
    expect(Buffer.byteLength(page)).toBeGreaterThan(5 * 1024 * 1024);
    const { r, articles } = build(folder('big', { 'big.txt': page }));
    expect(r.status, r.stderr).toBe(0);
    // Every generated story's headline survives (as a title, or as the kicker/section of a seed sub-head under it).
    const heads = [...page.matchAll(/^# (第\d+篇 .*)$/gm)].map((m) => m[1]!);
    expect(heads.length).toBeGreaterThan(1000);
    expect(articles.length).toBeGreaterThan(heads.length * 0.9);
    const all = JSON.stringify(articles);
    expect(heads.filter((h) => !all.includes(h))).toEqual([]);
  });

  it('keeps traditional characters and full-width digits as printed, and finds them by simplified, half-width queries', () => {
    const dir = folder('trad', { 'a.txt': '# 臺灣經濟發展報告\n\n本報訊　２０２４年１２月３日，臺北市政府發佈「經濟數據」，成長率達３．５％。\n' });
    const out = join(root, 'trad.json');
    expect(jianbao('build', dir, '--out', out).status).toBe(0);
    const [a] = JSON.parse(jianbao('articles', '--archive', out, '--json').stdout);
    expect(a.title).toBe('臺灣經濟發展報告');
    expect(a.paragraphs[0]).toContain('２０２４年１２月３日');
    const hits = JSON.parse(jianbao('search', '台北市政府 2024年12月', '--archive', out, '--json').stdout);
    expect(hits.map((h: { id: string }) => h.id)).toEqual([a.id]);
  });

  it('walks symbolic links without looping, follows linked pages, and reports a broken link or a FIFO by name', () => {
    const dir = folder('links', { 'a.txt': good });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(root, 'outside.txt'), good.replace(/代表/g, '委员'));
    symlinkSync(dir, join(dir, 'sub', 'loop')); // back up the tree
    symlinkSync('.', join(dir, 'self'));
    symlinkSync(join(root, 'outside.txt'), join(dir, 'linked.txt'));
    const { r, articles } = build(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(new Set(articles.map((a) => a.page))).toEqual(new Set(['a.txt', 'linked.txt']));

    symlinkSync(join(root, 'nowhere.txt'), join(dir, 'broken.txt'));
    expectOneLineError(build(dir).r, /page .*broken\.txt cannot be read \(a broken symbolic link\?\)/);
    const fifo = spawnSync('mkfifo', [join(folder('fifo', { 'a.txt': good }), 'pipe.txt')]);
    if (fifo.status === 0) expectOneLineError(build(join(root, 'fifo')).r, /page .*pipe\.txt is not a regular file/);
  });

  it.skipIf(process.getuid?.() === 0)('names an unreadable page (permission denied)', () => {
    const dir = folder('unreadable', { 'a.txt': good, 'b.txt': good });
    chmodSync(join(dir, 'b.txt'), 0o000);
    expectOneLineError(build(dir).r, /cannot read page .*b\.txt: permission denied/);
  });

  it('fails with one line on no pages, a missing folder, and bad manifests — naming the file and field', () => {
    const noPages = folder('nopages', { 'scan.pdf': '%PDF' });
    expectOneLineError(build(noPages).r, /no pages \(\.txt, \.md\) found/);
    expectOneLineError(build(join(root, 'missing')).r, /input not found/);
    const cases: [string, RegExp][] = [
      ['{ "pages": ', /manifest\.json is not valid JSON/],
      ['[1, 2]', /manifest\.json: expected an object/],
      ['{ "pages": [] }', /manifest\.json: pages: expected an object keyed by file name/],
      ['{ "pages": { "a.txt": { "date": 20240101 } } }', /manifest\.json: pages\["a\.txt"\]\.date: expected YYYY-MM-DD.*20240101/],
      ['{ "pages": { "a.txt": { "paper": 5 } } }', /manifest\.json: pages\["a\.txt"\]\.paper: expected a non-empty string/],
      ['{ "pages": { "a.txt": { "pageNumber": "1" } } }', /pageNumber: expected a positive integer/],
    ];
    // A manifest saved with a BOM (Windows editors) is read, not rejected as invalid JSON.
    const bom = build(folder('manifest-bom', { 'a.txt': good, 'manifest.json': '\ufeff{ "pages": { "a.txt": { "paper": "晋中日报", "date": "2025-01-22" } } }' }));
    expect(bom.r.status, bom.r.stderr).toBe(0);
    expect(bom.articles.every((a) => (a as unknown as { paper: string }).paper === '晋中日报')).toBe(true);
    cases.forEach(([manifest, message], i) => expectOneLineError(build(folder(`manifest-${i}`, { 'a.txt': good, 'manifest.json': manifest })).r, message));
  });

  it('leaves a previous --out file intact (and no temp file) when a build fails', () => {
    const out = join(root, 'keep', 'archive.json');
    mkdirSync(join(root, 'keep'));
    writeFileSync(out, 'previous bundle');
    const bad = folder('bad-for-out', { 'a.txt': good, 'manifest.json': '{' });
    expectOneLineError(jianbao('build', bad, '--out', out), /not valid JSON/);
    expectOneLineError(jianbao('build', folder('bin-for-out', { 'a.txt': Buffer.alloc(100) }), '--out', out), /not a text file/);
    expect(readFileSync(out, 'utf8')).toBe('previous bundle');
    expect(readdirSync(join(root, 'keep'))).toEqual(['archive.json']);
    expectOneLineError(jianbao('build', bad.replace('bad-for-out', 'blanks'), '--out', join(root, 'keep')), /--out .* is a folder/);
    expectOneLineError(jianbao('build', bad.replace('bad-for-out', 'blanks'), '--out', join(root, 'no', 'such', 'dir.json')), /folder .* does not exist/);
  });
});

describe('archives that are damaged or not what they seem', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-robust-archive-'));
  const good = join(dir, 'good.json');
  const seeds = resolve(__dirname, '../../../seeds');
  const built = jianbao('build', seeds, '--out', good);

  it('refuses a gzip bomb with the size limit, before building a string (was "Cannot create a string longer than …")', () => {
    // 300 gzip members of 1 MB of spaces each: a 300 KB file that unpacks to 300 MB, over MAX_BUNDLE_BYTES.
    const member = gzipSync(Buffer.alloc(1 << 20, 0x20));
    writeFileSync(join(dir, 'bomb.json.gz'), Buffer.concat(Array.from({ length: 300 }, () => member)));
    expectOneLineError(jianbao('articles', '--archive', join(dir, 'bomb.json.gz')), /bomb\.json\.gz unpacks to more than 256 MB, the most Jianbao reads from one file: refused/);
  });

  it('reads a bundle with a UTF-8 byte-order mark', () => {
    expect(built.status, built.stderr).toBe(0);
    writeFileSync(join(dir, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(good)]));
    expect(JSON.parse(jianbao('articles', '--archive', join(dir, 'bom.json'), '--json').stdout)).toEqual(JSON.parse(jianbao('articles', '--archive', good, '--json').stdout));
  });

  it('reads a gzipped bundle, and names a truncated gzip, a folder, and odd ids', () => {
    expect(built.status, built.stderr).toBe(0);
    const text = readFileSync(good);
    writeFileSync(join(dir, 'good.json.gz'), gzipSync(text));
    writeFileSync(join(dir, 'noext'), gzipSync(text));
    const plain = JSON.parse(jianbao('articles', '--archive', good, '--json').stdout);
    expect(JSON.parse(jianbao('articles', '--archive', join(dir, 'good.json.gz'), '--json').stdout)).toEqual(plain);
    expect(JSON.parse(jianbao('articles', '--archive', join(dir, 'noext'), '--json').stdout)).toEqual(plain);
    const gz = gzipSync(text);
    writeFileSync(join(dir, 'cut.json.gz'), gz.subarray(0, gz.length >> 1));
    expectOneLineError(jianbao('articles', '--archive', join(dir, 'cut.json.gz')), /cut\.json\.gz is not valid gzip: it is truncated/);
    // A folder is a folder of pages (built in memory, as VS Code's folder mode does): this one has none.
    expectOneLineError(jianbao('articles', '--archive', dir), /no pages \(\.txt, \.md\) found in/);
    writeFileSync(join(dir, 'empty.json'), '');
    expectOneLineError(jianbao('articles', '--archive', join(dir, 'empty.json')), /archive bundle is empty/, 3);
    for (const id of ['', '   ', '../../etc/passwd', 'ab', '\u202e', '"', '-x', '9'.repeat(10_000)]) {
      const r = jianbao('show', id, '--archive', good);
      expect(r.status, JSON.stringify(id)).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.length).toBeLessThan(400);
      expect(r.stderr).not.toContain('\u202e'); // a bidi override in an id cannot flip the error line
    }
  });

  it('drops a damaged search, lexicon or matcher section with a warning naming it, and still answers', () => {
    const bundle = JSON.parse(readFileSync(good, 'utf8'));
    const damages: [string, (b: Record<string, any>) => void][] = [
      ['search', (b) => (b.search = 42)],
      ['search', (b) => (b.search.postings = 5)],
      ['search', (b) => (b.search.docs = 'x')],
      ['search', (b) => (b.search.sizes = '%%%')],
      ['lexicon', (b) => (b.lexicon = [])],
      ['lexicon', (b) => (b.lexicon.terms = [{ id: 1 }])],
      ['matcher', (b) => (b.matcher = 'x')],
      ['matcher', (b) => (b.matcher.base = null)],
    ];
    const expected = {
      search: jianbao('search', '代表', '--archive', good, '--json').stdout,
      terms: jianbao('terms', '--archive', good, '--json').stdout,
      annotate: spawnSync(process.execPath, [main, 'annotate', '-', '--archive', good, '--json'], { input: seedPage(), encoding: 'utf8' }).stdout,
    };
    damages.forEach(([section, damage], i) => {
      const copy = structuredClone(bundle);
      damage(copy);
      const file = join(dir, `damaged-${i}.json`);
      writeFileSync(file, JSON.stringify(copy));
      const runs = {
        search: jianbao('search', '代表', '--archive', file, '--json'),
        terms: jianbao('terms', '--archive', file, '--json'),
        annotate: spawnSync(process.execPath, [main, 'annotate', '-', '--archive', file, '--json'], { input: seedPage(), encoding: 'utf8' }),
      };
      for (const [cmd, r] of Object.entries(runs)) {
        expect(r.status, `${section} #${i} ${cmd}: ${r.stderr}`).toBe(0);
        expect(r.stderr).toContain(`section "${section}" is damaged`);
        expect(r.stdout).toBe(expected[cmd as keyof typeof expected]); // only JSON, and the same answer
      }
    });
  });

  it('--json prints only JSON on stdout for every command, warnings or not', () => {
    const copy = JSON.parse(readFileSync(good, 'utf8'));
    copy.search = 'damaged';
    const warned = join(dir, 'warned.json');
    writeFileSync(warned, JSON.stringify(copy));
    const first = JSON.parse(jianbao('articles', '--json').stdout)[0].id as string;
    for (const archive of [[], ['--archive', good], ['--archive', warned]]) {
      for (const args of [['articles'], ['show', first], ['search', '人大代表'], ['terms'], ['terms', '--kind', 'person']]) {
        const r = jianbao(...args, ...archive, '--json');
        expect(r.status, `${args.join(' ')} ${archive.join(' ')}: ${r.stderr}`).toBe(0);
        expect(() => JSON.parse(r.stdout), args.join(' ')).not.toThrow();
      }
      for (const cmd of ['annotate', 'xref']) {
        const r = spawnSync(process.execPath, [main, cmd, '-', ...archive, '--json'], { input: seedPage(), encoding: 'utf8', maxBuffer: 1 << 30 });
        expect(r.status, `${cmd} ${archive.join(' ')}: ${r.stderr}`).toBe(0);
        expect(() => JSON.parse(r.stdout), cmd).not.toThrow();
      }
    }
  });
});

/**
 * GBK-encodes text (every character the seed pages use is in GBK's two-byte
 * range). TextDecoder can decode GB18030 but nothing encodes it, so the table
 * is the decoder run backwards over all two-byte sequences.
 */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(Uint8Array.of(lead, trail));
      if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
    else {
      const pair = table.get(c);
      if (!pair) throw new Error(`test fixture: ${c} is not in GBK`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
