import { readFile } from 'node:fs/promises';
import { findAllAcrossBreaks, getLexicon, getMatcher } from '@jianbao/core';
import type { Command } from 'commander';
import { readTextFile } from '../archive-file.js';
import { openArchive } from '../open-archive.js';
import { writeJson, writeOut } from '../output.js';
import { act, archiveOption, jsonOption } from '../program.js';
import { readStdin } from '../stdin.js';
import { columns, painterFor } from '../style.js';
import { inline } from '../terminal.js';
import { lineCol } from './xref.js';

export function registerAnnotate(program: Command): void {
  program
    .command('annotate')
    .summary('mark the archive’s terms in a text')
    .description(
      [
        "Marks the archive's terms in a text file (- reads stdin): each mark as file:line:col (clickable in terminals and editors), its kind, the text and the term it names. --json gives UTF-16 offsets into the text as given.",
        '--across-breaks also finds names split by line breaks or OCR spaces (常书\\n铭); the range then spans the break (shown as ⏎).',
      ].join('\n'),
    )
    .argument('<file>', 'the file to annotate (or - for stdin)')
    .addOption(archiveOption())
    .option('--across-breaks', 'also find names split by a line break or an OCR space')
    .addOption(jsonOption())
    .action(
      act(async (input: string, opts: { archive?: string; json?: boolean; acrossBreaks?: boolean }) => {
        const text = input === '-' ? await readStdin() : input.endsWith('.gz') ? await readTextFile(input, 'input') : await readPlain(input);
        const archive = await openArchive(opts.archive);
        const matcher = getMatcher(archive);
        const matches = opts.acrossBreaks ? findAllAcrossBreaks(matcher, text) : matcher.findAll(text);
        if (opts.json) return writeJson(matches.map(({ start, end, text: t, termId, kind }) => ({ start, end, text: t, termId, kind })));
        const lexicon = getLexicon(archive);
        const name = input === '-' ? '<stdin>' : input;
        const at = lineCol(text);
        const rows = matches.map((m) => {
          const { line, col } = at(m.start);
          const canonical = lexicon.get(m.termId)?.name;
          // A name across a break keeps one line: the break shows as ⏎, never as a raw newline.
          const shown = inline(m.text.replace(/\r?\n/g, '⏎'));
          return [`${inline(name)}:${line}:${col}`, m.kind, shown, canonical !== m.text ? `→ ${inline(canonical ?? m.termId)}` : ''];
        });
        const paint = painterFor(process.stdout);
        const lines = columns(rows, (i, cell) => (i === 0 ? paint('dim', cell) : i === 1 ? paint('cyan', cell) : i === 2 ? paint('bold', cell) : cell));
        await writeOut(lines.join('\n') + (lines.length ? '\n' : ''));
      }),
    );
}

/** The file's text exactly (a BOM is kept, so offsets match what an editor shows for the raw file). */
async function readPlain(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return readTextFile(path, 'input'); // same one-line errors as everywhere else
  }
}
