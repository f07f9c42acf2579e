import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, buildBundleAsync } from '../src/index.js';

const seeds = join(__dirname, '../../../seeds');
const pages = readdirSync(seeds).filter((n) => n.endsWith('.txt')).map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') }));
const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8'));

describe('buildBundleAsync', () => {
  it('builds the same bundle as buildBundle, giving the event loop turns along the way', async () => {
    const sync = buildBundle({ pages }, { name: 'seeds', manifest });
    let turns = 0;
    let building = true;
    const count = () => {
      if (!building) return;
      turns++;
      setTimeout(count, 0);
    };
    setTimeout(count, 0);
    // sliceMs 0: a yield at every step, so the count does not depend on the machine's speed.
    const sliced = await buildBundleAsync({ pages }, { name: 'seeds', manifest }, 0);
    building = false;
    expect(sliced).toEqual(sync);
    // At least a turn per page and per article in each pass.
    expect(turns).toBeGreaterThan(sync.articles.length * 3);
  });
});
