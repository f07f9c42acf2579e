import { ARTICLE_KINDS, isIsoDateOrPart, searchArchive, type ArticleKind, type SearchHit } from '@jianbao/core';
import { ARCHIVE_OPTION, JSON_OPTION, parseCommandArgs } from '../args.js';
import { openArchive } from '../archive-file.js';
import { UsageError } from '../errors.js';
import { writeJson, writeOut } from '../output.js';
import { boldFor, inline } from '../terminal.js';
import type { Command } from './types.js';

const usage = `jianbao search "<query>" [--archive <file>] [--limit <n>] [--paper <p>] [--from <date>] [--to <date>] [--kind <kind>] [--json]
  Searches the archive (default: the bundled seed archive). Chinese, traditional characters, pinyin
  (qianwan gongcheng), numbers and Latin words; space-separated parts are matched as separate phrases.
  --from/--to take an ISO date or prefix (2024, 2024-02, 2024-02-13), inclusive.
  --json prints [{ id, title, paper, date, score, snippet, highlights: [[start, end], …] }], best first
  (highlights are UTF-16 offsets into snippet).`;


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
      },
      usage,
    );
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError(`missing the query — usage: ${usage.split('\n')[0]}`);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, got "${values.limit}"`);
    for (const key of ['from', 'to'] as const) {
      const v = values[key];
      if (v !== undefined && !isIsoDateOrPart(v)) throw new UsageError(`--${key} must be a real date like 2024-02-13, 2024-02 or 2024, got "${v}"`);
    }
    if (values.kind !== undefined && !ARTICLE_KINDS.includes(values.kind as ArticleKind)) {
      throw new UsageError(`--kind must be one of ${ARTICLE_KINDS.join(', ')}, got "${values.kind}"`);
    }
    const archive = await openArchive(values.archive);
    const hits = searchArchive(archive, query, {
      limit,
      paper: values.paper,
      from: values.from,
      to: values.to,
      kind: values.kind as ArticleKind | undefined,
    });
    if (values.json) return writeJson(hits);
    if (!hits.length) return writeOut(`no results for "${inline(query)}"\n`);
    const bold = boldFor(Boolean(process.stdout.isTTY));
    await writeOut(hits.map((h, i) => formatHit(h, i + 1, bold)).join('\n\n') + '\n');
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
