// The search evaluation sets (benchmarks/eval/search-*.json): known items in the xwlb sample and absent-thing
// queries. The files hold only ids, offsets and labels (plus titles and single characters as gold strings): the
// query text is cut from the archive when the suite runs, so no xwlb text is committed.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import type { Article } from '@jianbao/core';

export const EVAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../eval');

export type Category = 'title' | 'phrase' | 'typo' | 'traditional' | 'spaced';
export const CATEGORIES: Category[] = ['title', 'phrase', 'typo', 'traditional', 'spaced'];

export interface KnownItemSpec {
  cat: Category;
  /** The story the query is about. */
  id: string;
  /** title: the title as the query (【…】 stripped). */
  q?: string;
  /** Others: a clause of the story, paragraph p, [at, at + len). */
  p?: number;
  at?: number;
  len?: number;
  /** typo: the character at offset k of the clause replaced by ch. */
  k?: number;
  ch?: string;
  /** spaced: a space inserted before each of these offsets of the clause (OCR spacing). */
  cuts?: number[];
}

export interface EvalFile {
  about: string;
  sample: { docs: number; seed: number };
  seed: number;
  items: KnownItemSpec[];
}

export interface AbsentSpec {
  q: string;
  /** The distinctive part that no story holds. */
  missing: string;
  kind: string;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

/** The query an item stands for, cut from its story. */
export function queryOf(item: KnownItemSpec, article: Article): string {
  if (item.cat === 'title') return item.q!;
  const clause = article.paragraphs[item.p!]!.slice(item.at!, item.at! + item.len!);
  if (item.cat === 'phrase') return clause;
  if (item.cat === 'typo') return clause.slice(0, item.k!) + item.ch! + clause.slice(item.k! + 1);
  if (item.cat === 'traditional') return toTraditional(clause);
  let out = '';
  for (let i = 0; i < clause.length; i++) out += (item.cuts!.includes(i) ? ' ' : '') + clause[i];
  return out;
}

export function traditional(text: string): string {
  return toTraditional(text);
}

export function readEval(name: string): EvalFile {
  return JSON.parse(readFileSync(join(EVAL_DIR, name), 'utf8')) as EvalFile;
}

export function readAbsent(): AbsentSpec[] {
  return (JSON.parse(readFileSync(join(EVAL_DIR, 'search-absent.json'), 'utf8')) as { queries: AbsentSpec[] }).queries;
}
