import { ARTICLE_KINDS, searchQuery, type ArticleKind, type SearchHit } from '@jianbao/core';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { openArchive } from '../open-archive.js';
import { writeJson, writeOut } from '../output.js';
import { act, archiveOption, jsonOption } from '../program.js';
import { colourEnabled, painterFor, type Paint } from '../style.js';
import { boldFor, inline } from '../terminal.js';

const description = [
  'Searches the archive: Chinese, traditional characters, pinyin (qianwan gongcheng), numbers and Latin words; space-separated parts are matched as separate phrases.',
  'Query syntax (README "Query syntax"): "exact phrase", -exclude, title:…, paper:…, kind:…, date:2025 / date:2025-02 / 2025-02-13..2025-03, A OR B, sort:date.',
  '--json prints [{ id, title, paper, date, score, snippet, highlights: [[start, end], …], fields }], best first (highlights are UTF-16 offsets into snippet; fields: where the query matched); notices go to stderr.',
].join('\n');

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface SearchOptions {
  archive?: string;
  json?: boolean;
  limit?: string;
  offset?: string;
  sort?: 'relevance' | 'date';
  paper?: string;
  from?: string;
  to?: string;
  kind?: ArticleKind;
  asTyped?: boolean;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .summary('search the archive')
    .description(description)
    .argument('<query...>', 'the query')
    .addOption(archiveOption())
    .option('-n, --limit <n>', 'how many results (default 20)')
    .option('--offset <n>', 'skip the first n results (paging)')
    .addOption(new Option('--sort <order>', 'the order of results (default relevance; date: newest first)').choices(['relevance', 'date']))
    .option('--paper <paper>', 'only this paper')
    .option('--from <date>', 'from this date (2024, 2024-02 or 2024-02-13), inclusive')
    .option('--to <date>', 'up to this date, inclusive')
    .addOption(new Option('--kind <kind>', 'only this kind of article').choices([...ARTICLE_KINDS]))
    .option('--as-typed', 'search exactly what was typed (no pinyin or sounds-alike reading when nothing is found)')
    .addOption(jsonOption())
    .action(act((words: string[], opts: SearchOptions) => run(words.join(' ').trim(), opts)));
}

async function run(query: string, values: SearchOptions): Promise<void> {
  if (!query) throw new UsageError('missing the query — usage: jianbao search [options] <query...>');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, got "${values.limit}"`);
  const offset = values.offset === undefined ? 0 : Number(values.offset);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`--offset must be a whole number, got "${values.offset}"`);
  for (const key of ['from', 'to'] as const) {
    const v = values[key];
    if (v !== undefined && !DATE.test(v)) throw new UsageError(`--${key} must be a date like 2024-02-13, 2024-02 or 2024, got "${v}"`);
  }
  const archive = await openArchive(values.archive);
  const result = searchQuery(archive, query, {
    limit,
    offset,
    sort: values.sort,
    asTyped: values.asTyped,
    paper: values.paper,
    from: values.from,
    to: values.to,
    kind: values.kind,
  });
  if (result.error) throw new UsageError(result.error);
  const said = [...result.notices, ...(result.rewritten ? [result.rewritten.notice] : [])];
  const { hits } = result;
  if (values.json) {
    for (const line of said) process.stderr.write(`${line}\n`);
    return writeJson(hits);
  }
  if (!hits.length) return writeOut(said.length ? `${said.map(inline).join('\n')}\n` : `no results for "${inline(query)}"\n`);
  // Matches in bold red on a colour terminal; 【…】 otherwise (NO_COLOR, a pipe), so they still show.
  const colour = colourEnabled(process.stdout);
  const paint = painterFor(process.stdout);
  const bold = boldFor(colour);
  const mark = colour ? (s: string) => paint('red', bold(s)) : bold;
  const count = `${result.total}${result.totalAtLeast ? '+' : ''} results${offset || hits.length < result.total ? `, showing ${offset + 1}–${offset + hits.length}` : ''}`;
  await writeOut([...said.map(inline), count, ''].join('\n') + '\n' + hits.map((h, i) => formatHit(h, offset + i + 1, mark, paint)).join('\n\n') + '\n');
}

/** One result: rank, title, id/paper/date/score, then the snippet with its matches marked. */
export function formatHit(hit: SearchHit, rank: number, mark: (s: string) => string, paint: Paint = (_s, t) => t): string {
  let snippet = '';
  let at = 0;
  for (const [start, end] of hit.highlights) {
    snippet += inline(hit.snippet.slice(at, start)) + mark(inline(hit.snippet.slice(start, end)));
    at = end;
  }
  snippet += inline(hit.snippet.slice(at));
  const meta = [hit.id, hit.paper, hit.date, `score ${hit.score}`].filter(Boolean).map(inline).join(' · ');
  return `${rank}. ${paint('bold', inline(hit.title))}\n   ${paint('dim', meta)}\n   ${snippet}`;
}
