// Damage that keeps a section's shape: search lengths altered (one-byte varints changed to other one-byte
// values, so every shape check passes), on the seed archive, 43 queries (lexicon names, fixed pick), 5 trials
// with a fixed seed. Counts queries whose top-10 results (ids and scores) change with no warning, and the
// load cost of verifying checksums on the xwlb bundle when ../shared is there. Set JIANBAO_CORE to a built
// core's dist/index.js to run the same measure on another version (the baseline).
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { fmt, table, type SuiteResult } from '../report.js';

type Core = typeof import('@jianbao/core');
const QUERIES = 43;
const TRIALS = 5;
const SEED = 16_011;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function measureDamage(core: Core, text: string): Promise<{ changed: number[]; warned: number; queries: string[] }> {
  const intact = core.loadArchive(text);
  const names = [...new Set(core.getLexicon(intact).terms.map((t) => t.name))].sort();
  const step = Math.max(1, Math.floor(names.length / QUERIES));
  const queries = names.filter((_, i) => i % step === 0).slice(0, QUERIES);
  const answers = (archive: ReturnType<Core['loadArchive']>) => queries.map((q) => JSON.stringify(core.searchArchive(archive, q, { limit: 10 }).map((h) => [h.id, h.score])));
  const expected = answers(intact);
  const random = rng(SEED);
  const changed: number[] = [];
  let warned = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const raw = JSON.parse(text);
    const bytes = Buffer.from(raw.search.lengths, 'base64');
    for (let k = 0; k < 3; ) {
      const i = Math.floor(random() * bytes.length);
      const before = bytes[i]!;
      if (before >= 0x80 || (i > 0 && bytes[i - 1]! >= 0x80)) continue; // only one-byte varints
      bytes[i] = 1 + ((before + 1 + Math.floor(random() * 60)) % 127);
      if (bytes[i] !== before) k++;
    }
    raw.search.lengths = bytes.toString('base64');
    const warnings: string[] = [];
    const damaged = core.loadArchive(JSON.stringify(raw), { onWarning: (m) => warnings.push(m) });
    if (warnings.length) warned++;
    const got = answers(damaged);
    changed.push(warnings.length ? 0 : got.filter((g, i) => g !== expected[i]).length);
  }
  return { changed, warned, queries };
}

export async function run(): Promise<SuiteResult> {
  const core = (await import(process.env.JIANBAO_CORE ? pathToFileURL(process.env.JIANBAO_CORE).href : '@jianbao/core')) as Core;
  const { loadDefaultArchive } = await import('@jianbao/core/default-archive');
  // The seed archive, written by the core under test (its own format version).
  const seed = (await loadDefaultArchive()).bundle;
  const text = core.serializeBundle({ ...seed, version: core.BUNDLE_VERSION } as Parameters<Core['serializeBundle']>[0]);
  const load = loadavg()[0]!;
  const { changed, warned } = await measureDamage(core, text);
  const rows = changed.map((c, i) => [i + 1, `${c} of ${QUERIES}`, c === 0 && warned ? 'warned, rebuilt' : 'silent']);
  return {
    title: 'Bundle damage that keeps its shape (search lengths altered)',
    body: `${table(['trial', 'queries changed silently', 'on load'], rows)}\n\nBundle version ${core.BUNDLE_VERSION}; ${warned} of ${TRIALS} damaged loads warned. Load average ${fmt(load, 1)}.`,
  };
}
