import { ARTICLE_KINDS, searchQuery, type ArticleKind, type SearchHit } from '@jianbao/core';
import { ARCHIVE_OPTION, JSON_OPTION, parseCommandArgs } from '../args.js';
import { openArchive } from '../archive-file.js';
import { UsageError } from '../errors.js';
import { writeJson, writeOut } from '../output.js';
import { boldFor, inline } from '../terminal.js';
import type { Command } from './types.js';

const usage = `jianbao search "<query>" [--archive <file>] [--limit <n>] [--offset <n>] [--sort relevance|date] [--paper <p>] [--from <date>] [--to <date>] [--kind <kind>] [--as-typed] [--json]
  Searches the archive (default: the bundled seed archive). Chinese, traditional characters, pinyin
  (qianwan gongcheng), numbers and Latin words; space-separated parts are matched as separate phrases.
  Query syntax (README "Query syntax"): "exact phrase", -exclude, title:…, paper:…, kind:…,
  date:2025 / date:2025-02 / 2025-02-13..2025-03, A OR B, sort:date.
  --from/--to take an ISO date or prefix (2024, 2024-02, 2024-02-13), inclusive.
  --as-typed searches exactly what was typed (no pinyin or sounds-alike reading when nothing is found).
  --json prints [{ id, title, paper, date, score, snippet, highlights: [[start, end], …], fields }], best first
  (highlights are UTF-16 offsets into snippet; fields: where the query matched); notices go to stderr.`;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const search: Command = {
  summary: 'search the archive',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...ARCHIVE_OPTION,
        ...JSON_OPTION,
        limit: { type: 'string', short: 'n' },
        paper: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        kind: { type: 'string' },
        offset: { type: 'string' },
        sort: { type: 'string' },
        'as-typed': { type: 'boolean' },
      },
      usage,
    );
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError(`missing the query — usage: ${usage.split('\n')[0]}`);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, got "${values.limit}"`);
    const offset = values.offset === undefined ? 0 : Number(values.offset);
    if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`--offset must be a whole number, got "${values.offset}"`);
    if (values.sort !== undefined && values.sort !== 'date' && values.sort !== 'relevance') throw new UsageError(`--sort must be relevance or date, got "${values.sort}"`);
    for (const key of ['from', 'to'] as const) {
      const v = values[key];
      if (v !== undefined && !DATE.test(v)) throw new UsageError(`--${key} must be a date like 2024-02-13, 2024-02 or 2024, got "${v}"`);
    }
    if (values.kind !== undefined && !ARTICLE_KINDS.includes(values.kind as ArticleKind)) {
      throw new UsageError(`--kind must be one of ${ARTICLE_KINDS.join(', ')}, got "${values.kind}"`);
    }
    const archive = await openArchive(values.archive);
    const result = searchQuery(archive, query, {
      limit,
      offset,
      sort: values.sort as 'relevance' | 'date' | undefined,
      asTyped: values['as-typed'],
      paper: values.paper,
      from: values.from,
      to: values.to,
      kind: values.kind as ArticleKind | undefined,
    });
    if (result.error) throw new UsageError(result.error);
    const said = [...result.notices, ...(result.rewritten ? [result.rewritten.notice] : [])];
    const { hits } = result;
    if (values.json) {
      for (const line of said) process.stderr.write(`${line}\n`);
      return writeJson(hits);
    }
    if (!hits.length) return writeOut(said.length ? `${said.map(inline).join('\n')}\n` : `no results for "${inline(query)}"\n`);
    const bold = boldFor(Boolean(process.stdout.isTTY));
    const count = `${result.total}${result.totalAtLeast ? '+' : ''} results${offset || hits.length < result.total ? `, showing ${offset + 1}–${offset + hits.length}` : ''}`;
    await writeOut([...said.map(inline), count, ''].join('\n') + '\n' + hits.map((h, i) => formatHit(h, offset + i + 1, bold)).join('\n\n') + '\n');
  },
};

/** One result: rank, title, id/paper/date/score, then the snippet with its matches marked. */
export function formatHit(hit: SearchHit, rank: number, mark: (s: string) => string): string {
  let snippet = '';
  let at = 0;
  for (const [start, end] of hit.highlights) {
    snippet += inline(hit.snippet.slice(at, start)) + mark(inline(hit.snippet.slice(start, end)));
    at = end;
  }
  snippet += inline(hit.snippet.slice(at));
  const meta = [hit.id, hit.paper, hit.date, `score ${hit.score}`].filter(Boolean).map(inline).join(' · ');
  return `${rank}. ${inline(hit.title)}\n   ${meta}\n   ${snippet}`;
}
