import { TERM_KINDS, type TermKind } from './types.js';

/**
 * User edits to the lexicon: a plain text file beside the pages (`terms.txt`),
 * read by `jianbao build` and applied after extraction, so they survive every
 * rebuild. One edit a line; `#` starts a comment; names are separated by `|`.
 *
 *     add person 王小明 | 小明          a new term (kind: person, place, organisation, policy) with aliases
 *     alias 唐登杰 | 唐书记              more surface forms for a term
 *     rename 晋中市委 > 中共晋中市委     a new canonical name (the old one stays an alias)
 *     merge 晋中 > 晋中市               one term into another (forms, roles and mentions move)
 *     suppress 左权                     never a term, nor a surface form of one
 *
 * Syntax errors stop the build with `file:line: what is wrong`. An edit that
 * names a term the archive no longer has is only a warning: the archive
 * changes, the edits file should not have to.
 */
export type LexiconEdit =
  | { op: 'add'; line: number; kind: TermKind; name: string; aliases: string[] }
  | { op: 'alias'; line: number; name: string; aliases: string[] }
  | { op: 'rename'; line: number; name: string; to: string }
  | { op: 'merge'; line: number; name: string; into: string }
  | { op: 'suppress'; line: number; name: string };

export class LexiconEditError extends Error {
  override readonly name = 'LexiconEditError';
  constructor(
    readonly source: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${source}:${line}: ${problem}`);
  }
}

export const EDITS_FILE = 'terms.txt';

function checkName(name: string, what: string, fail: (p: string) => never): string {
  const n = name.trim();
  if (!n) fail(`${what} is empty`);
  if ([...n].length < 2) fail(`${what} "${n}" is a single character; a term needs at least two`);
  if (n.length > 64) fail(`${what} is longer than 64 characters`);
  return n;
}

/** Parses an edits file; throws LexiconEditError naming the line and the problem. */
export function parseLexiconEdits(text: string, source = EDITS_FILE): LexiconEdit[] {
  const edits: LexiconEdit[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const fail = (problem: string): never => {
      throw new LexiconEditError(source, line, problem);
    };
    const content = raw.replace(/^\uFEFF/, '').replace(/(^|\s)#.*$/, '').trim();
    if (!content) return;
    const [verb = '', ...restParts] = content.split(/\s+/);
    const rest = content.slice(verb.length).trim();
    const usage: Record<string, string> = {
      add: 'add <kind> <name> [| alias …]',
      alias: 'alias <name> | <alias> [| alias …]',
      rename: 'rename <name> > <new name>',
      merge: 'merge <name> > <into name>',
      suppress: 'suppress <name>',
    };
    if (!(verb in usage)) fail(`unknown edit "${verb}" (expected one of: ${Object.keys(usage).join(', ')})`);
    const arrow = (): [string, string] => {
      const parts = rest.split('>');
      if (parts.length !== 2) fail(`expected "${usage[verb]}"`);
      return [checkName(parts[0]!, 'name', fail), checkName(parts[1]!, 'new name', fail)];
    };
    switch (verb) {
      case 'add': {
        const kind = restParts[0] ?? '';
        if (!TERM_KINDS.includes(kind as TermKind)) fail(`unknown kind "${kind}" (expected ${TERM_KINDS.join(', ')}) — usage: ${usage.add}`);
        const [name = '', ...aliases] = rest.slice(kind.length).split('|');
        edits.push({ op: 'add', line, kind: kind as TermKind, name: checkName(name, 'name', fail), aliases: aliases.map((a) => checkName(a, 'alias', fail)) });
        break;
      }
      case 'alias': {
        const [name = '', ...aliases] = rest.split('|');
        if (!aliases.length) fail(`no alias given — usage: ${usage.alias}`);
        edits.push({ op: 'alias', line, name: checkName(name, 'name', fail), aliases: aliases.map((a) => checkName(a, 'alias', fail)) });
        break;
      }
      case 'rename': {
        const [name, to] = arrow();
        if (name === to) fail(`rename to the same name "${name}"`);
        edits.push({ op: 'rename', line, name, to });
        break;
      }
      case 'merge': {
        const [name, into] = arrow();
        if (name === into) fail(`merge "${name}" into itself`);
        edits.push({ op: 'merge', line, name, into });
        break;
      }
      case 'suppress':
        if (rest.includes('|') || rest.includes('>')) fail(`expected "${usage.suppress}" (one name a line)`);
        edits.push({ op: 'suppress', line, name: checkName(rest, 'name', fail) });
        break;
    }
  });
  return edits;
}
