import type { Archive } from '../archive.js';
import type { Conflict } from './conflict.js';
import { withoutSpaces } from './normalize.js';
import { getPersonDirectory } from './people.js';
import { getPostIndex, postUses, recordsFor, sameTitle, type PostClass, type PostRecord } from './posts.js';

/** More distinct titles than this under one name: several people share it, no title can be told wrong. */
const MAX_DISTINCT = 4;

const comparable = (a: PostClass, b: PostClass) => (a === 'foreign') === (b === 'foreign');

/**
 * A person given a title (place and post) the archive never prints before their name, where it prints others
 * of the same kind: 埃及总理塞西 (the archive: 埃及总统), 浙江省委书记黄坤明 (广东省委书记), 全国政协主席李强
 * (国务院总理). The conflict covers the whole title; its fix is the archive's latest title as printed there,
 * a chain included (太原市市长韦韬 → 省委常委、太原市委书记韦韬), without repeating a chain the draft already has.
 */
export function postConflicts(archive: Archive, raw: string, compact = withoutSpaces(raw)): Conflict[] {
  const index = getPostIndex(archive);
  if (!index.size) return [];
  const directory = getPersonDirectory(archive);
  const isPerson = (name: string) => directory.has(name);
  const text = compact.text;
  const out: Conflict[] = [];
  for (const use of postUses(text)) {
    const found = recordsFor(index, use.after, use.cls, isPerson);
    if (!found) continue;
    const { name, records } = found;
    if (records.some((r) => sameTitle(r, use))) continue;
    const same = records.filter((r) => comparable(r.cls, use.cls));
    if (!same.length) continue;
    const distinct = new Set(same.map((r) => `${r.place}|${r.post}`));
    if (distinct.size > MAX_DISTINCT) continue;
    const best = latest(same);
    // The draft may already print the chain (省委常委、太原市市长): the fix then replaces the title after it only.
    const chainEnd = best.printed.lastIndexOf('、') + 1;
    const chain = best.printed.slice(0, chainEnd);
    const fixText = chain && text.slice(use.start - chain.length, use.start) === chain ? best.printed.slice(chainEnd) : best.printed;
    const start = compact.offsets[use.start]!;
    const end = compact.offsets[use.end - 1]! + 1;
    const article = archive.get(best.articleId);
    out.push({
      start, end, text: raw.slice(start, end), kind: 'title',
      message: `档案中${name}的职务是${best.printed}（《${article?.title ?? best.articleId}》${best.date ? `，${best.date}` : ''}），没有“${text.slice(use.start, use.end)}”`,
      expected: best.printed,
      articleId: best.articleId,
      articleTitle: article?.title ?? null,
      articleDate: best.date,
      fix: { start, end, text: fixText },
      person: personName(name, isPerson),
      reason: 'not-held',
    });
  }
  return out;
}

/**
 * The person's name as the lexicon knows it: the post index reads names off the text after a title, and a name
 * seen once may carry the next word with it (韦韬主持). Hosts print it in their sentence.
 */
function personName(name: string, isPerson: (name: string) => boolean): string {
  for (let len = name.length; len >= 2; len--) if (isPerson(name.slice(0, len))) return name.slice(0, len);
  return name;
}

/** The newest record; among the newest date's, the title printed most often. */
function latest(records: PostRecord[]): PostRecord {
  let newest = '';
  for (const r of records) if ((r.date ?? '') > newest) newest = r.date ?? '';
  const recent = records.filter((r) => (r.date ?? '') === newest);
  const counts = new Map<string, number>();
  for (const r of records) counts.set(`${r.place}|${r.post}`, (counts.get(`${r.place}|${r.post}`) ?? 0) + 1);
  return recent.sort((a, b) => (counts.get(`${b.place}|${b.post}`)! - counts.get(`${a.place}|${a.post}`)!) || b.printed.length - a.printed.length)[0]!;
}
