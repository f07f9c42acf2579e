import { readFile } from 'node:fs/promises';
import { findAllAcrossBreaks, getLexicon, getMatcher } from '@jianbao/core';
import { ARCHIVE_OPTION, JSON_OPTION, parseCommandArgs } from '../args.js';
import { openArchive, readTextFile } from '../archive-file.js';
import { UsageError } from '../errors.js';
import { writeJson, writeOut } from '../output.js';
import { inline } from '../terminal.js';
import type { Command } from './types.js';
import { readStdin } from '../stdin.js';

const usage = `jianbao annotate <file|-> [--archive <file>] [--across-breaks] [--json]
  Marks the archive's terms in a text file (- reads stdin). Offsets are UTF-16 positions in the text as given.
  --across-breaks also finds names split by line breaks or OCR spaces (常书\\n铭); the range then spans the break.`;

export const annotate: Command = {
  summary: 'mark the archive’s terms in a text',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { ...ARCHIVE_OPTION, ...JSON_OPTION, 'across-breaks': { type: 'boolean' } }, usage);
    const [input] = positionals;
    if (!input) throw new UsageError(`missing the file to annotate (or - for stdin) — usage: ${usage.split('\n')[0]}`);
    const text = input === '-' ? await readStdin() : input.endsWith('.gz') ? await readTextFile(input, 'input') : await readPlain(input);
    const archive = await openArchive(values.archive);
    const matcher = getMatcher(archive);
    const matches = values['across-breaks'] ? findAllAcrossBreaks(matcher, text) : matcher.findAll(text);
    if (values.json) return writeJson(matches.map(({ start, end, text: t, termId, kind }) => ({ start, end, text: t, termId, kind })));
    const lexicon = getLexicon(archive);
    const lines = matches.map((m) => `${m.start}-${m.end}  ${m.kind.padEnd(12)} ${inline(m.text)}${lexicon.get(m.termId)?.name !== m.text ? ` → ${inline(lexicon.get(m.termId)?.name ?? m.termId)}` : ''}`);
    await writeOut(lines.join('\n') + (lines.length ? '\n' : ''));
  },
};

/** The file's text exactly (a BOM is kept, so offsets match what an editor shows for the raw file). */
async function readPlain(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return readTextFile(path, 'input'); // same one-line errors as everywhere else
  }
}
