import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Article } from '@jianbao/core';
import { sharedPath } from './shared-data.js';

/** The xwlb stories (../shared/data/xwlb, evaluation only) as articles, or null when ../shared is absent. */
export function loadXwlbArticles(): Article[] | null {
  const path = sharedPath('data', 'xwlb', 'stories.jsonl.gz');
  if (!path) return null;
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean);
  return lines.map((line) => {
    const s = JSON.parse(line) as { id: string; date: string; title: string; paragraphs: string[] };
    const date = `${s.date.slice(0, 4)}-${s.date.slice(4, 6)}-${s.date.slice(6, 8)}`;
    return {
      id: s.id, paper: '新闻联播', date, page: s.id, title: s.title, titleInferred: false, subtitle: null, section: null, byline: null,
      dateline: null, kind: 'news', source: null, paragraphs: s.paragraphs, continues: null, continuationOf: null,
    };
  });
}
