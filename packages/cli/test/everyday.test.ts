import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';

// The habits of ripgrep and gh (issue 18), run on the built CLI as a user would.
const main = resolve(__dirname, '../dist/main.js');
const seeds = resolve(__dirname, '../../../seeds');
const dir = mkdtempSync(join(tmpdir(), 'jianbao-everyday-'));
// A clean environment: no archive or colour settings from the machine running the tests.
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !['JIANBAO_ARCHIVE', 'NO_COLOR', 'FORCE_COLOR', 'XDG_CONFIG_HOME'].includes(k)),
) as NodeJS.ProcessEnv;
baseEnv.XDG_CONFIG_HOME = join(dir, 'no-config');
const jianbao = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) =>
  spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', env: { ...baseEnv, ...env }, input });

function oneLineUsageError(r: ReturnType<typeof jianbao>, message: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^jianbao: /);
  expect(r.stderr).toMatch(message);
}

describe('the parser: --version, help <command>, did you mean', () => {
  it('prints the version and help for a command', () => {
    const version = jianbao(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^jianbao \d+\.\d+\.\d+ \(bundle format \d+, Node [\d.]+\)\n$/);
    const help = jianbao(['help', 'search']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: jianbao search \[options\] <query\.\.\.>/);
    expect(help.stdout).toContain('--from <date>');
    expect(jianbao(['search', '--help']).stdout).toBe(help.stdout);
    expect(jianbao(['help']).stdout).toMatch(/Commands:[\s\S]*completion/);
  });

  it('suggests the command or option meant, in one line', () => {
    oneLineUsageError(jianbao(['serach', '千万工程']), /unknown command 'serach' — did you mean search\?/);
    oneLineUsageError(jianbao(['search', '千万工程', '--frm', '2024']), /unknown option '--frm' — did you mean --from\?/);
    oneLineUsageError(jianbao(['frobnicate']), /unknown command 'frobnicate' — see `jianbao --help`/);
    oneLineUsageError(jianbao(['search', 'x', '--sort', 'newest']), /--sort must be one of relevance, date, got "newest"/);
    oneLineUsageError(jianbao(['build', seeds]), /missing --out <file>/);
    oneLineUsageError(jianbao(['show']), /missing the article id — usage: jianbao show/);
    oneLineUsageError(jianbao(['token', 'creat']), /did you mean create\?/);
    oneLineUsageError(jianbao(['help', 'serach']), /unknown command 'serach' — did you mean search\?/);
    expect(jianbao(['help', 'token', 'create']).stdout).toMatch(/^Usage: jianbao token create \[options\]/);
    // No raw Node parseArgs text ("To specify a positional argument…") anywhere.
    expect(jianbao(['articles', '--bogus']).stderr).not.toMatch(/positional|ERR_PARSE_ARGS/);
  });
});

describe('shell completion, generated from the command tree', () => {
  const script = join(dir, 'jianbao.bash');
  const complete = (words: string[]) => {
    const line = `source ${script}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _jianbao; echo "\${COMPREPLY[*]}"`;
    return spawnSync('bash', ['-c', line], { encoding: 'utf8' }).stdout.trim().split(/\s+/).filter(Boolean);
  };

  it('completes commands, options, choices and subcommands in bash', () => {
    const r = jianbao(['completion', 'bash']);
    expect(r.status).toBe(0);
    writeFileSync(script, r.stdout);
    expect(complete(['jianbao', 'se'])).toEqual(['search', 'serve']);
    expect(complete(['jianbao', 'search', '--so'])).toEqual(['--sort']);
    expect(complete(['jianbao', 'search', '--sort', ''])).toEqual(['relevance', 'date']);
    expect(complete(['jianbao', 'terms', '--kind', 'p'])).toEqual(['person', 'place', 'policy']);
    expect(complete(['jianbao', 'token', ''])).toEqual(['create', 'list', 'revoke']);
    expect(complete(['jianbao', 'token', 'create', '--r'])).toEqual(['--role']);
    expect(complete(['jianbao', 'help', 'x'])).toEqual(['xref']);
  });

  it('prints a zsh script (bashcompinit) and refuses another shell in one line', () => {
    expect(jianbao(['completion', 'zsh']).stdout).toMatch(/bashcompinit[\s\S]*complete -o filenames -F _jianbao jianbao/);
    oneLineUsageError(jianbao(['completion', 'fish']), /<shell> must be one of bash, zsh, got "fish"/);
  });
});

describe('the archive: gzip bundles, folders, JIANBAO_ARCHIVE and the config file', () => {
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  cpSync(join(seeds, '000_3e615268ee94772f.txt'), join(pages, 'a.txt'));
  const plain = join(dir, 'a.json');
  const gz = join(dir, 'a.json.gz');

  it('build --out x.json.gz writes gzip that every command reads; progress quiet when piped and quick', () => {
    const built = jianbao(['build', pages, '--out', gz]);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr.trim().split('\n')).toHaveLength(1); // a small build piped: only its closing line
    expect(built.stderr).toMatch(/^built .*a\.json\.gz: \d+ articles from 1 pages/);
    expect([...readFileSync(gz).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(jianbao(['build', pages, '--out', plain, '--quiet']).stderr).toBe('');
    expect(statSync(gz).size).toBeLessThan(statSync(plain).size / 2);
    const fromPlain = jianbao(['articles', '--archive', plain, '--json']).stdout;
    expect(JSON.parse(fromPlain).length).toBeGreaterThan(0);
    for (const args of [['articles'], ['terms'], ['search', '晋中']]) {
      expect(jianbao([...args, '--archive', gz, '--json']).stdout, args.join(' ')).toBe(jianbao([...args, '--archive', plain, '--json']).stdout);
    }
    expect(jianbao(['xref', '-', '--archive', gz, '--json'], {}, '晋中市委').status).toBe(0);
  });

  it('reads a folder of pages wherever a bundle goes', () => {
    const fromFolder = jianbao(['articles', '--archive', pages, '--json']);
    expect(fromFolder.status, fromFolder.stderr).toBe(0);
    expect(JSON.parse(fromFolder.stdout)).toEqual(JSON.parse(jianbao(['articles', '--archive', plain, '--json']).stdout));
  });

  it('takes the archive from $JIANBAO_ARCHIVE, then the config file; --archive wins', () => {
    const mine = jianbao(['articles', '--archive', gz, '--json']).stdout;
    const seedsOnly = jianbao(['articles', '--json']).stdout;
    expect(mine).not.toBe(seedsOnly);
    expect(jianbao(['articles', '--json'], { JIANBAO_ARCHIVE: gz }).stdout).toBe(mine);
    const config = join(dir, 'config');
    mkdirSync(join(config, 'jianbao'), { recursive: true });
    writeFileSync(join(config, 'jianbao', 'config.json'), JSON.stringify({ archive: '../../a.json.gz' })); // relative to the file's folder (config/jianbao)
    expect(jianbao(['articles', '--json'], { XDG_CONFIG_HOME: config }).stdout).toBe(mine);
    expect(jianbao(['articles', '--json', '--archive', join(dir, 'a.json')], { JIANBAO_ARCHIVE: join(dir, 'missing.json') }).stdout).toBe(jianbao(['articles', '--json', '--archive', plain]).stdout);
    const missing = jianbao(['articles'], { JIANBAO_ARCHIVE: join(dir, 'missing.json') });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/archive not found: .*missing\.json \(from \$JIANBAO_ARCHIVE\)/);
    writeFileSync(join(config, 'jianbao', 'config.json'), '{"archive": ');
    expect(jianbao(['articles'], { XDG_CONFIG_HOME: config }).stderr).toMatch(/^jianbao: the config file .*config\.json is not valid JSON/);
  });
});

describe('output for people: columns, colour, clickable places', () => {
  it('aligns columns of Chinese text by display width', () => {
    const lines = jianbao(['articles']).stdout.trim().split('\n');
    const titles = JSON.parse(jianbao(['articles', '--json']).stdout).map((a: { title: string }) => a.title) as string[];
    // The title starts at the same display column on every line whose title is not generated.
    const starts = new Set(lines.map((l, i) => (l.endsWith(titles[i]!) ? stringWidth(l.slice(0, l.length - titles[i]!.length)) : -1)).filter((w) => w >= 0));
    expect(starts.size).toBe(1);
    const terms = jianbao(['terms', '--kind', 'person']).stdout.trim().split('\n');
    const countColumn = new Set(terms.map((l) => stringWidth(l.slice(0, l.indexOf('×')))));
    expect(countColumn.size).toBe(1);
  });

  it('colours only on request when piped, never under NO_COLOR', () => {
    expect(jianbao(['articles']).stdout).not.toContain('\x1b[');
    expect(jianbao(['articles'], { FORCE_COLOR: '1' }).stdout).toMatch(/\x1b\[1m/);
    expect(jianbao(['articles'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\x1b[');
    expect(jianbao(['articles', '--color', 'always']).stdout).toMatch(/\x1b\[1m/);
    expect(jianbao(['--color', 'never', 'articles'], { FORCE_COLOR: '1' }).stdout).not.toContain('\x1b[');
    // Matches: bold red on colour, 【…】 otherwise.
    expect(jianbao(['search', '千万工程', '-n', '1', '--color', 'always']).stdout).toMatch(/\x1b\[31m\x1b\[1m千万工程\x1b\[22m\x1b\[39m/);
    expect(jianbao(['search', '千万工程', '-n', '1']).stdout).toContain('【千万工程】');
  });

  it('names each xref finding and annotate mark as file:line:col, one line each, no raw newline inside a term', () => {
    const articles = JSON.parse(jianbao(['articles', '--json']).stdout) as { paragraphs: string[] }[];
    const passage = articles.flatMap((a) => a.paragraphs).find((p) => p.length > 120)!.slice(10, 90);
    const draft = join(dir, 'draft.md');
    writeFileSync(draft, `# 标题\n\n开头一句。${passage}\n`);
    const report = jianbao(['xref', draft]);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toMatch(new RegExp(`^${draft.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: 原文照录 verbatim`, 'm'));
    expect(report.stdout).not.toMatch(/第\d+行/);
    const split = join(dir, 'split.txt');
    writeFileSync(split, '晋中市委书记常书\n铭在会上讲话。\n');
    const marks = jianbao(['annotate', split, '--across-breaks']);
    expect(marks.status, marks.stderr).toBe(0);
    for (const line of marks.stdout.trim().split('\n')) expect(line).toMatch(/^\S+:\d+:\d+ {2}/);
    expect(marks.stdout).toMatch(/常书⏎铭/);
  });
});

describe('citations: core\'s forms, the same text VS Code inserts', () => {
  it('cites articles in the house style and numbered GB/T 7714, as text and JSON', async () => {
    const { loadDefaultArchive } = await import('@jianbao/core/default-archive');
    const { formatCitation } = await import('@jianbao/core');
    const archive = await loadDefaultArchive();
    const [a, b] = archive.articles.filter((x) => x.byline && x.paper);
    const house = jianbao(['cite', a!.id.slice(0, 6), b!.id]);
    expect(house.status, house.stderr).toBe(0);
    expect(house.stdout).toBe(`${formatCitation(a!, 'house')}\n${formatCitation(b!, 'house')}\n`);
    expect(house.stdout).toContain(`《${a!.title.replace(/\s+/g, ' ')}》（${a!.paper}，`);
    const gbt = jianbao(['cite', a!.id, b!.id, '--style', 'gbt7714', '--number', '3']).stdout.trim().split('\n');
    expect(gbt).toHaveLength(2);
    expect(gbt[0]).toMatch(new RegExp(`^\\[3\\] .+\\[N\\]\\. ${a!.paper}, \\d{4}-\\d{2}(-\\d{2})?(\\(\\w+\\))?\\.$`));
    expect(gbt[1]).toMatch(/^\[4\] /);
    expect(JSON.parse(jianbao(['cite', b!.id, '--style', 'gbt7714', '--json']).stdout)).toEqual([{ id: b!.id, citation: formatCitation(b!, 'gbt7714', { index: 1 }) }]);
  });

  it('refuses an unknown style, a bad number and an unknown id in one line', () => {
    oneLineUsageError(jianbao(['cite', 'ffffffff', '--style', 'apa']), /--style must be one of house, gbt7714/);
    oneLineUsageError(jianbao(['cite', 'ffffffff', '--number', '0']), /a whole number from 1 to 9999/);
    const missing = jianbao(['cite', 'ffffffff']);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^jianbao: no article with id "ffffffff"/);
  });
});
