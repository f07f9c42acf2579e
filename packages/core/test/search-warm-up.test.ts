import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../src/archive.js';
import { buildBundle } from '../src/build.js';
import { loadSearchIndex } from '../src/search/index.js';
import { nameTableSteps } from '../src/search/names.js';
import { pinyinTableSteps } from '../src/search/pinyin.js';

const seeds = join(dirname(fileURLToPath(import.meta.url)), '../../../seeds');
const pages = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') }));

describe('the search warm-up', () => {
  it('builds the no-hit readings\' tables (pinyin, names by sound and mask) before the first query', async () => {
    const archive = loadArchive(JSON.parse(JSON.stringify(buildBundle({ pages }, { name: 'seeds' }))));
    const index = await loadSearchIndex(archive);
    // Built already: the steps have nothing left to do (the pinyin steps return at once; the name steps only touch caches).
    expect([...pinyinTableSteps(index)]).toHaveLength(0);
    expect([...nameTableSteps(index)].length).toBeLessThanOrEqual(2);
  });
});
