import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { buildBundle, loadArchive, parseLexiconEdits, searchArchive, type Article } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { ArchiveService, ArchiveView, exportBundle, ingestArticles, migrate, SCHEMA_VERSION, type Database } from '../src/index.js';
import { usePostingsBlockForTests } from '../src/search/postings.js';
import { RemoteIndex } from '../src/search/remote-index.js';
import { DRIVERS } from './support/drivers.js';
import { parityQueries } from './support/queries.js';

const seeds = (await loadDefaultArchive()).articles as Article[];
/** What `jianbao build` makes of the same articles: the local engine's archive. */
const local = loadArchive(JSON.parse(JSON.stringify(buildBundle({ articles: seeds }, { name: 'seeds' }))));

for (const driver of DRIVERS) {
  describe.skipIf(!!driver.skipped)(`archive store on ${driver.name}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await driver.open();
      await ingestArticles(db, seeds.slice(0, 20), { name: 'seeds' });
      await ingestArticles(db, seeds.slice(20));
    });
    afterAll(async () => {
      await db?.close();
    });

    it('records its schema version, and migrating again does nothing', async () => {
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version).at(-1)).toBe(SCHEMA_VERSION);
      expect(await migrate(db)).toBe(0);
    });

    it('ingests idempotently by article id: the same articles again change nothing, not even the revision', async () => {
      const before = await db.query<{ revision: number }>('SELECT revision FROM archive');
      expect(before[0]!.revision).toBe(2);
      const again = await ingestArticles(db, seeds);
      expect(again).toMatchObject({ revision: 2, added: 0, changed: 0, unchanged: seeds.length, total: seeds.length });
      const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
      expect(count!.n).toBe(seeds.length);
    });

    it('a failed ingest changes nothing (one transaction)', async () => {
      const extra: Article = { ...seeds[0]!, id: 'extra-1', title: '一篇新稿件' };
      // The edits fail to parse after the articles were written: the whole ingest must roll back.
      await expect(ingestArticles(db, [extra], { edits: 'frobnicate 常书铭\n' })).rejects.toThrow();
      const [state] = await db.query<{ revision: number }>('SELECT revision FROM archive');
      expect(state!.revision).toBe(2);
      expect(await db.query("SELECT id FROM articles WHERE id = 'extra-1'")).toEqual([]);
    });

    it('answers 16 concurrent queries exactly when the postings cache is far too small for them (no query evicts another\'s postings)', async () => {
      const view = await new ArchiveService(db).view();
      const queries = parityQueries(local, 64);
      const max = RemoteIndex.MAX_LOADED_ENTRIES;
      const maxArticles = ArchiveView.MAX_ARTICLES;
      RemoteIndex.MAX_LOADED_ENTRIES = 20;
      ArchiveView.MAX_ARTICLES = 5; // and the articles' cache too
      try {
        for (let i = 0; i < queries.length; i += 16) {
          const batch = queries.slice(i, i + 16);
          const got = await Promise.all(batch.map((q) => view.search(q, { limit: 10 })));
          expect(got.map((hits) => JSON.stringify(hits))).toEqual(batch.map((q) => JSON.stringify(searchArchive(local, q, { limit: 10 }))));
        }
      } finally {
        RemoteIndex.MAX_LOADED_ENTRIES = max;
        ArchiveView.MAX_ARTICLES = maxArticles;
      }
    });

    it('searches with the same results as core on a bundle of the same articles', async () => {
      const view = await new ArchiveService(db).view();
      const queries = parityQueries(local, 250);
      const differing: string[] = [];
      for (const q of queries) {
        for (const options of [{ limit: 10 }, { limit: 3, from: '2024' }]) {
          const want = searchArchive(local, q, options);
          const got = await view.search(q, options);
          if (JSON.stringify(got) !== JSON.stringify(want)) differing.push(`${q} ${JSON.stringify(options)}`);
        }
      }
      expect(queries.length).toBeGreaterThan(150);
      expect(differing).toEqual([]);
    });

    it('exports the whole archive as the bundle core builds of the same articles', async () => {
      const exported = JSON.parse(JSON.stringify(await exportBundle(db)));
      const built = JSON.parse(JSON.stringify(buildBundle({ articles: seeds }, { name: 'seeds' })));
      expect(exported).toEqual(built);
    });

    it('exports a date range as a bundle of those articles only', async () => {
      const bundle = await exportBundle(db, { from: '2025', to: '2025' });
      expect(bundle.articles.length).toBeGreaterThan(0);
      expect(bundle.articles.every((a) => a.date?.startsWith('2025'))).toBe(true);
      expect(bundle.articles.length).toBe(seeds.filter((a) => a.date?.startsWith('2025')).length);
    });

    it('replaces an article whose content changed, in place, and bumps the revision', async () => {
      const changed = { ...seeds[3]!, title: `${seeds[3]!.title}（更正）` };
      const result = await ingestArticles(db, [changed]);
      expect(result).toMatchObject({ revision: 3, added: 0, changed: 1 });
      const view = await new ArchiveService(db).view();
      expect(view.revision).toBe(3);
      expect((await view.article(changed.id))?.title).toBe(changed.title);
      expect(view.ids.indexOf(changed.id)).toBe(3);
      const hits = await view.search('更正');
      expect(hits.map((h) => h.id)).toContain(changed.id);
      // The postings updated in place are those core builds of the archive as it now is.
      const now = seeds.map((a) => (a.id === changed.id ? changed : a));
      const exported = JSON.parse(JSON.stringify(await exportBundle(db)));
      expect(exported.search).toEqual(JSON.parse(JSON.stringify(buildBundle({ articles: now }, { name: 'seeds' }).search)));
    });

    it('updates the postings day by day to exactly what indexing everything at once gives', async () => {
      const daily = await driver.open();
      try {
        // Days in date order, as a newsroom ingests them: each adds names to the lexicon that earlier articles hold.
        const byDate = [...seeds].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
        for (let i = 0; i < byDate.length; i += 8) {
          const r = await ingestArticles(daily, byDate.slice(i, i + 8), { name: 'seeds' });
          if (i) expect(r.timings.postingsUpdate).toBeTypeOf('number');
          // The lexicon too is updated from the stored evidence, not rebuilt.
          if (i) expect(r.timings.lexiconMode).toBe(1);
        }
        const exported = JSON.parse(JSON.stringify(await exportBundle(daily)));
        expect(exported).toEqual(JSON.parse(JSON.stringify(buildBundle({ articles: byDate }, { name: 'seeds' }))));
        // The term rows, rewritten only where an entry changed, are the lexicon's terms.
        const rows = await daily.query<{ data: unknown }>('SELECT data FROM terms ORDER BY id');
        const want = [...exported.lexicon.terms].sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect(rows.map((r) => r.data)).toEqual(want);
        const [roles] = await daily.query<{ n: number }>('SELECT count(*)::int AS n FROM term_roles');
        expect(roles!.n).toBe(want.reduce((n: number, t: { roles: unknown[] }) => n + t.roles.length, 0));
      } finally {
        await daily.close();
      }
    });

    it('analyses on worker threads exactly what it analyses in-process: a first ingest in lexicon shards, new blocks, a day', async () => {
      const threaded = await driver.open();
      try {
        usePostingsBlockForTests(7);
        const byDate = [...seeds].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
        const first = await ingestArticles(threaded, byDate.slice(0, 30), { name: 'seeds', workers: 2 });
        expect(first.timings.workers).toBe(2);
        const day = await ingestArticles(threaded, byDate.slice(30), { workers: 2 });
        expect(day.timings.lexiconMode).toBe(1);
        const exported = JSON.parse(JSON.stringify(await exportBundle(threaded)));
        expect(exported).toEqual(JSON.parse(JSON.stringify(buildBundle({ articles: byDate }, { name: 'seeds' }))));
      } finally {
        usePostingsBlockForTests(8192);
        await threaded.close();
      }
    });

    it('keeps postings per document block: days over several blocks, a changed article in an old one, rows from before blocks', async () => {
      const blocked = await driver.open();
      try {
        const byDate = [...seeds].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
        // The first days as a schema-2 archive had them: one row per term, any documents (block -1).
        await ingestArticles(blocked, byDate.slice(0, 12), { name: 'seeds' });
        await blocked.query('UPDATE postings SET block = -1');
        usePostingsBlockForTests(5);
        for (let i = 12; i < byDate.length; i += 8) await ingestArticles(blocked, byDate.slice(i, i + 8));
        const edited = { ...byDate[7]!, title: `${byDate[7]!.title}（更正）` };
        const edited2 = { ...byDate[14]!, paragraphs: [...byDate[14]!.paragraphs, '补充报道。'] };
        await ingestArticles(blocked, [edited, edited2]);
        const now = byDate.map((a) => (a.id === edited.id ? edited : a.id === edited2.id ? edited2 : a));
        const [blocks] = await blocked.query<{ n: number }>('SELECT count(DISTINCT block)::int AS n FROM postings');
        expect(blocks!.n).toBeGreaterThan(3);
        const exported = JSON.parse(JSON.stringify(await exportBundle(blocked)));
        expect(exported.search).toEqual(JSON.parse(JSON.stringify(buildBundle({ articles: now }, { name: 'seeds' }).search)));
        const view = await new ArchiveService(blocked).view();
        expect((await view.search('更正')).map((h) => h.id)).toContain(edited.id);
        // A name with no Chinese pair (a Latin word some old articles print) added by an edit: only those are analysed again.
        const word = byDate.map((a) => /[A-Za-z]{3,}/.exec([a.title, ...a.paragraphs].join('\n'))?.[0]).find(Boolean);
        if (word) {
          const edits = `add organisation ${word}\n`;
          const r = await ingestArticles(blocked, [], { edits });
          expect(r.timings.reanalysedOld).toBeLessThan(byDate.length / 2);
          const withEdit = JSON.parse(JSON.stringify(await exportBundle(blocked)));
          expect(withEdit.search).toEqual(JSON.parse(JSON.stringify(buildBundle({ articles: now }, { name: 'seeds', lexiconEdits: parseLexiconEdits(edits) }).search)));
        }
      } finally {
        usePostingsBlockForTests(8192);
        await blocked.close();
      }
    });
  });
}

describe('PostgreSQL integration', () => {
  it('runs against a real PostgreSQL, or says clearly why not', () => {
    const pg = DRIVERS.find((d) => d.name === 'postgres')!;
    if (pg.skipped) console.warn(`PostgreSQL integration tests skipped: ${pg.skipped}`);
    expect(pg.skipped ?? 'ran').toBeTruthy();
  });
});
