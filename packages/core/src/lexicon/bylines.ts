import type { Candidate } from './candidate.js';
import { looksLikeName } from './people.js';
import { BYLINE_ROLES } from './words.js';

/** Reporters, correspondents and photographers named in bylines. */

const BYLINE_RE = new RegExp(`(?:^|[\\n（(【\\s、])(?:本报|本台|本刊)?(${BYLINE_ROLES.join('|')})[ \\u3000:：]*([^\\n（）()【】]{2,40})`, 'g');

/** Splits a run of byline names (雷甫 郭娟 王晶 / 殷雪鸢、胡引平 / 丁 洁, a two-character name padded with a space); null unless every token is a name. */
export function bylineNames(run: string): string[] | null {
  const tokens = run.trim().split(/[、，,;；]|[\s\u3000]{2,}/).flatMap((part) => {
    const pieces = part.trim().split(/[\s\u3000]+/).filter(Boolean);
    // Single characters side by side are one name the typesetter spaced out.
    if (pieces.length && pieces.every((p) => p.length === 1)) return [pieces.join('')];
    return pieces;
  });
  if (!tokens.length) return null;
  for (const token of tokens) if (!looksLikeName(token) || token.length > 3) return null;
  return tokens;
}

/** Reporters, correspondents and photographers: 本报记者 雷甫 郭娟 王晶, （记者 殷雪鸢、胡引平）, 记者 武跃林. */
export function extractBylines(text: string): Candidate[] {
  const out: Candidate[] = [];
  const roleSplit = new RegExp(`(?:${BYLINE_ROLES.join('|')})`);
  for (const m of text.matchAll(BYLINE_RE)) {
    // The run ends where the names do: anything but Han, spaces and separators, or the next byline role.
    const run = m[2]!.replace(/[^\u4e00-\u9fff \u3000、，,].*$/s, '').split(roleSplit)[0]!;
    const names = bylineNames(run);
    if (names) for (const name of names) out.push({ kind: 'person', name, roles: [m[1]!] });
  }
  // A closing bracket of names at the end of a paragraph: （丁 洁、王春宇）.
  for (const m of text.matchAll(/（([\u4e00-\u9fff \u3000、]{2,24})）[ \u3000]*(?:\n|$)/g)) {
    const names = bylineNames(m[1]!);
    if (names) for (const name of names) out.push({ kind: 'person', name, roles: ['署名'] });
  }
  return out;
}

/**
 * The article's parsed byline field, where the parser put it (丁洁、王春宇 split off a closing bracket; 尹哲; 山西日报记者 韩乐 李家鸣;
 * 梁琛 摄): the names next to each role, or the whole field when it is nothing but names.
 */
export function extractBylineField(byline: string | null | undefined): Candidate[] {
  if (!byline) return [];
  const out: Candidate[] = [];
  const parts = byline.split(new RegExp(`(${BYLINE_ROLES.join('|')})`));
  // parts alternate: text, role, text, role, …
  for (let i = 0; i < parts.length; i += 2) {
    const names = bylineNames(parts[i]!);
    if (!names) continue;
    const role = parts[i - 1] ?? parts[i + 1] ?? '署名';
    for (const name of names) out.push({ kind: 'person', name, roles: [role] });
  }
  return out;
}

