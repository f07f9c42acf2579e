import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePages } from '@jianbao/core';
import { REPO_ROOT } from '../shared-data.js';
import { table, type SuiteResult } from '../report.js';

/** Parsing the seed pages: how long, and how many articles of each kind. */
export async function run(): Promise<SuiteResult> {
  const dir = join(REPO_ROOT, 'seeds');
  const pages = readdirSync(dir).filter((n) => n.endsWith('.txt')).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const runs: number[] = [];
  let count = 0;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    count = parsePages(pages).length;
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return {
    title: 'Parsing the seed pages',
    body: table(['pages', 'articles', 'median ms (20 runs)'], [[pages.length, count, runs[10]!.toFixed(2)]]),
  };
}
