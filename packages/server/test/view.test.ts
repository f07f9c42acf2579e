import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { buildBundle, loadArchive, searchQuery, type Article } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { ArchiveService, ArchiveView, ingestArticles, type Database } from '../src/index.js';
import { DRIVERS } from './support/drivers.js';
import { parityQueries } from './support/queries.js';

// The query side of the server: revision checks shared by concurrent requests without missing an ingest, and
// query passes that reuse one archive (core's per-archive tables) while nothing is missing.

const seeds = (await loadDefaultArchive()).articles as Article[];
const local = loadArchive(JSON.parse(JSON.stringify(buildBundle({ articles: seeds }, { name: 'seeds' }))));

/** The database with its revision checks counted. */
function counting(db: Database): { db: Database; checks: () => number } {
  let checks = 0;
  const wrapped: Database = {
    ...db,
    query: (text, params) => {
      if (text.startsWith('SELECT revision FROM archive')) checks++;
      return db.query(text, params);
    },
  };
  return { db: wrapped, checks: () => checks };
}

for (const driver of DRIVERS) {
  describe.skipIf(!!driver.skipped)(`query side on ${driver.name}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await driver.open();
      await ingestArticles(db, seeds.slice(0, 30), { name: 'seeds' });
    });
    afterAll(async () => {
      await db?.close();
    });

    it('shares revision checks among concurrent requests, and a request made after an ingest committed sees it', async () => {
      const { db: counted, checks } = counting(db);
      const service = new ArchiveService(counted);
      expect((await service.view()).revision).toBe(1);
      const before = checks();
      const views = await Promise.all(Array.from({ length: 16 }, () => service.view()));
      expect(views.every((v) => v.revision === 1)).toBe(true);
      // The first request checks; the 15 that came while it was in flight share one more.
      expect(checks() - before).toBe(2);
      // Checks in flight while another process ingests: a view asked for once the ingest returned has its revision.
      const inFlight = Array.from({ length: 8 }, () => service.view());
      await ingestArticles(db, seeds.slice(30));
      const after = await service.view();
      expect(after.revision).toBe(2);
      expect(after.size).toBe(seeds.length);
      await Promise.all(inFlight);
    });

    it('answers as core does when queries run on one shared archive, and when the article cache drops what they read', async () => {
      const queries = parityQueries(local, 120);
      const want = queries.map((q) => JSON.stringify(searchQuery(local, q, { limit: 10 })));
      const chars = ArchiveView.MAX_ARTICLE_CHARS;
      try {
        for (const limit of [Infinity, 3000]) {
          ArchiveView.MAX_ARTICLE_CHARS = limit;
          const view = await new ArchiveService(db).view();
          for (let round = 0; round < 2; round++) {
            // Sequential (the shared archive from the second query on), then 12 at a time.
            const got: string[] = [];
            if (round === 0) for (const q of queries) got.push(JSON.stringify(await view.searchQuery(q, { limit: 10 })));
            else for (let i = 0; i < queries.length; i += 12) got.push(...(await Promise.all(queries.slice(i, i + 12).map(async (q) => JSON.stringify(await view.searchQuery(q, { limit: 10 }))))));
            expect(got).toEqual(want);
          }
        }
      } finally {
        ArchiveView.MAX_ARTICLE_CHARS = chars;
      }
    });
  });
}
