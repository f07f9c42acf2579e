// pnpm bench: runs every suite in src/suites (or those named on the command
// line: `pnpm bench search matcher`) in one process, one after another, and
// writes one report to benchmarks/results/latest.md (a named run: latest-<names>.md, so
// suites run side by side do not overwrite each other's report) as well as stdout.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SuiteResult } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
/** Suites that take long (a 200,000-article archive, 10 minutes of load, 2,000 queries over HTTP after an ingest): run only when named. */
const OPT_IN = new Set(['scale-server.ts', 'soak-server.ts', 'parity-server.ts']);
const files = readdirSync(join(here, 'suites'))
  .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
  .filter((f) => (wanted.length ? wanted.some((w) => f.startsWith(w)) : !OPT_IN.has(f)))
  .sort();

const sections: string[] = [`# Jianbao benchmarks\n\n${new Date().toISOString()} · Node ${process.version} · ${process.platform}/${process.arch}\n`];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, 'suites', file)).href)) as { run: () => Promise<SuiteResult> };
  process.stderr.write(`▶ ${file}\n`);
  const started = performance.now();
  const result = await mod.run();
  const took = ((performance.now() - started) / 1000).toFixed(1);
  const section = result.skipped
    ? `## ${result.title}\n\nSkipped: ${result.skipped}\n`
    : `## ${result.title}\n\n${result.body}\n\n_(suite ran in ${took} s)_\n`;
  process.stdout.write(section + '\n');
  sections.push(section);
}
const out = join(here, '../results');
mkdirSync(out, { recursive: true });
const name = wanted.length ? `latest-${wanted.map((w) => w.replace(/[^\w.-]/g, '_')).join('+')}.md` : 'latest.md';
writeFileSync(join(out, name), sections.join('\n'));
process.stderr.write(`report written to benchmarks/results/${name}\n`);
