// Hostile drafts: a megabyte of digits, punctuation, one character, figures, titles, unclosed Markdown.
// Each checked whole against the seed archive; times are wall clock in this process, with the machine's
// load stated (the goal: under 1 s each). The unit test (core test/xref-hostile) asserts only completion.
import { loadavg } from 'node:os';
import { crossReference, prepareCrossReference } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { fmt, table, type SuiteResult } from '../report.js';

const MB = 1_000_000;
const fill = (unit: string, size = MB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const INPUTS: [string, string][] = [
  ['digits (one run)', fill('1')],
  ['digits 0-9', fill('1234567890')],
  ['digit + blanks', '1' + fill(' ', MB - 1)],
  ['punctuation', fill('，。、')],
  ['one character (的)', fill('的')],
  ['line breaks', fill('\n')],
  ['figures (1个)', fill('1个')],
  ['percentages (1%)', fill('1%')],
  ['decimals (1.)', fill('1.')],
  ['years (2024年)', fill('2024年')],
  ['titles (市委书记)', fill('市委书记')],
  ['Markdown [', fill('[')],
  ['Markdown <a', fill('<a')],
];

export async function run(): Promise<SuiteResult> {
  const archive = await loadDefaultArchive();
  await prepareCrossReference(archive);
  const rows: (string | number)[][] = [];
  const loadBefore = loadavg()[0]!;
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  for (const [name, draft] of INPUTS) {
    // Scaling: the same content at 1/4, 1/2 and full size; a linear check takes ~4× as long for 4× the text.
    const timed = (text: string) => {
      const t = performance.now();
      const c = process.cpuUsage();
      const report = crossReference(archive, text);
      return { wall: performance.now() - t, cpu: cpuMs(process.cpuUsage(c)), report };
    };
    const q = timed(draft.slice(0, MB / 4));
    const h = timed(draft.slice(0, MB / 2));
    const full = timed(draft);
    rows.push([name, fmt(q.wall, 0), fmt(h.wall, 0), fmt(full.wall, 0), fmt(full.wall / q.wall, 1) + '×', fmt(q.cpu, 0), fmt(h.cpu, 0), fmt(full.cpu, 0), full.wall < 1000 ? 'yes' : 'NO', full.report.conflicts.length]);
  }
  const loadAfter = loadavg()[0]!;
  return {
    title: 'xref on hostile drafts (1 MB)',
    body: [
      `Seed archive (${archive.articles.length} articles). Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${(await import('node:os')).cpus().length} cores.`,
      '',
      table(['input', '250 KB ms', '500 KB ms', '1 MB ms', '1 MB / 250 KB', 'CPU 250 KB ms', 'CPU 500 KB ms', 'CPU 1 MB ms', '< 1 s (wall)', 'conflicts'], rows),
      '',
      '_Baseline (main before the linear scan): 240,000 digits took 37 s; 1 MB of digits did not finish._',
    ].join('\n'),
  };
}
