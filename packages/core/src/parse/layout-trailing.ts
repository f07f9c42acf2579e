/**
 * The layout where OCR read each article's headline, subtitle and byline
 * AFTER its body (narrow newspaper columns read top to bottom: the body,
 * then the headline block, glued to the next article's 本报讯).
 *
 * A run of display lines after a body closes that article (it is its
 * headline block) when the article was ended by a 下转 note, the next body
 * is a news lead, the closed article opened with one (news items have no
 * sub-heads), or the run carries a byline, kicker or subtitle, spans
 * more than two lines or holds a two-part headline (`甲甲甲 乙乙乙`).
 * Otherwise it is a sub-head inside a feature (`把好理论实践“结合关”` /
 * `为履职“加油充电”`) and stays there as one paragraph.
 * Body text after a closed article with no headline block of its own
 * becomes an untitled item (a speech printed without a headline).
 */
import { newDraft, type Draft, type HeadItem } from './draft.js';
import { isKicker, isSubtitle, splitTrailingContinuation, startsWithLead, type ContinuationNote } from './lines.js';
import { takePhoto } from './photo.js';
import type { Token } from './tokens.js';
import { pushAll } from '../arrays.js';

export function assembleTrailing(tokens: Token[]): Draft[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let heads: HeadItem[] = [];
  let bylines: string[] = [];
  let sources: string[] = [];
  let date: string | null = null;
  let pendingOf: ContinuationNote | null = null;

  const hasRun = () => heads.length > 0 || bylines.length > 0 || date !== null;
  const closeWithRun = () => {
    if (!cur) {
      // Display lines with no body before them: keep them as an item of their own.
      cur = newDraft(0);
      drafts.push(cur);
    }
    pushAll(cur.heads, heads.map((h) => ({ ...h, trailing: true })));
    pushAll(cur.bylines, bylines);
    pushAll(cur.sources, sources);
    cur.dateText ??= date;
    cur.closed = true;
    heads = [];
    bylines = [];
    sources = [];
    date = null;
  };
  const isHeadlineBlock = (next: string): boolean =>
    !cur || cur.closed || !cur.paragraphs.length || startsWithLead(next) || startsWithLead(cur.paragraphs[0]!) ||
    bylines.length > 0 || date !== null ||
    heads.length > 2 || heads.some((h) => isKicker(h.text) || isSubtitle(h.text) || /\p{Script=Han}\s+\p{Script=Han}{2}/u.test(h.text));

  for (const tok of tokens) {
    switch (tok.t) {
      case 'heading':
      case 'head':
        heads.push({ text: tok.text, level: null });
        break;
      case 'date':
        date = tok.text;
        break;
      case 'byline':
        bylines.push(tok.byline);
        if (tok.source) sources.push(tok.source);
        break;
      case 'source':
        if (hasRun() || !cur) sources.push(tok.text);
        else cur.sources.push(tok.text);
        break;
      case 'marker':
        if (tok.note.direction === 'continuationOf') pendingOf = tok.note;
        else if (cur) {
          cur.continues = tok.note;
          cur.closed = true;
        }
        break;
      case 'credit': {
        const photo = takePhoto(cur, tok.caption, tok.byline, tok.line);
        if (photo && photo !== cur) drafts.push(photo);
        break;
      }
      case 'para': {
        const { text, note } = splitTrailingContinuation(tok.text);
        if (hasRun()) {
          if (isHeadlineBlock(text)) {
            closeWithRun();
            cur = null;
          } else {
            cur!.subheads.push(cur!.paragraphs.length);
            cur!.paragraphs.push(heads.map((h) => h.text.trim()).join(' '));
            heads = [];
          }
        }
        if (!cur || cur.closed) {
          cur = newDraft(tok.line);
          cur.continuationOf = pendingOf;
          pendingOf = null;
          drafts.push(cur);
        }
        cur.paragraphs.push(text);
        if (note) {
          cur.continues = note;
          cur.closed = true;
        }
        break;
      }
    }
  }
  if (hasRun()) closeWithRun();
  return drafts;
}
