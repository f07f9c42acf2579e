/**
 * Layouts where headlines come before their bodies: markdown OCR (levels
 * `#`…`####`, `**bold**`) and plain text whose short lines are headlines,
 * kickers and bylines.
 *
 * A run of display lines before a body starts a new article, or is a sub-head
 * kept inside the current one. It is a sub-head when it is one line, deeper
 * than the article's own headline (markdown), the body after it is no news
 * lead (本报讯, 新华社…电), the article was not closed by a 下转 note nor
 * cut off mid-sentence, and (plain text, where nothing marks a heading) the
 * article is a feature or document: it opens with no news lead and has a
 * byline, kicker/subtitle or document date under its headline, or the head
 * is enumerated (`一、总体要求`). So
 * `####` sub-heads stay inside a long feature while `####` briefs under a
 * `### 时政快讯` label (each with its own 本报讯) are articles of their own.
 *
 * Markdown OCR sometimes prints a headline after its body: of the headings
 * between two bodies, the leading ones that talk more about the previous body
 * than the next (character-bigram overlap) are given to the previous article.
 */
import { newDraft, draftBody, type Draft, type HeadItem } from './draft.js';
import { takePhoto } from './photo.js';
import { readHeads } from './head.js';
import { ENUM_RE, splitTrailingContinuation, startsWithLead, type ContinuationNote } from './lines.js';
import type { Token } from './tokens.js';
import { overlap } from './text.js';
import { cutOff } from './cleanup.js';
import { pushAll } from '../arrays.js';

/** Headlines of notices and documents: never a sub-head. */
const NOTICE_TITLE_RE = /(通告|公告|通知|启事|公示|意见|决定)$/u;

export function assembleLeading(tokens: Token[], markdown: boolean): Draft[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let curTitleLevel: number | null = null;
  let pending: HeadItem[] = [];
  let pendingBylines: string[] = [];
  let pendingSources: string[] = [];
  let pendingDate: string | null = null;
  let pendingOf: ContinuationNote | null = null;
  let pendingPhotos: Draft[] = [];
  let firstPendingLine = 0;
  let section: { text: string; level: number } | null = null;

  const hasPending = () => pending.length > 0 || pendingBylines.length > 0 || pendingDate !== null;

  const startArticle = (index: number, line: number) => {
    const next = newDraft(firstPendingLine || line);
    const nextBody = lookaheadBody(tokens, index);
    let heads = pending;
    if (markdown && cur && cur.paragraphs.length && !cur.closed) {
      const titleAt = heads.findIndex((h) => h.level === 1);
      const limit = titleAt >= 0 ? titleAt : heads.length - 1;
      const curBody = draftBody(cur);
      let k = 0;
      while (k < limit && heads[k]!.level !== null && overlap(heads[k]!.text, curBody) - overlap(heads[k]!.text, nextBody) > 0.2) k++;
      pushAll(cur.heads, heads.slice(0, k).map((h) => ({ ...h, trailing: true })));
      heads = heads.slice(k);
    }
    next.heads = heads;
    next.bylines = pendingBylines;
    next.sources = pendingSources;
    next.dateText = pendingDate;
    next.continuationOf = pendingOf;
    const read = readHeads(heads, nextBody, markdown ? 'markdown' : 'plain');
    if (read.section.length && read.sectionLevel !== null) section = { text: read.section[0]!, level: read.sectionLevel };
    else if (!read.section.length) {
      if (section && read.titleLevel !== null && read.titleLevel > section.level) next.inheritedSection = section.text;
      else section = null;
    }
    curTitleLevel = read.titleLevel;
    drafts.push(next);
    pushAll(drafts, pendingPhotos);
    pending = [];
    pendingBylines = [];
    pendingSources = [];
    pendingDate = null;
    pendingOf = null;
    pendingPhotos = [];
    firstPendingLine = 0;
    cur = next;
    return next;
  };

  const isSubhead = (text: string): boolean => {
    if (!cur || cur.closed || !cur.paragraphs.length) return false;
    if (pending.length !== 1 || pendingBylines.length || pendingSources.length || pendingDate || pendingOf) return false;
    if (startsWithLead(text)) return false;
    // An article cut off mid-sentence has ended here (its tail is elsewhere on the page).
    if (cutOff(cur.paragraphs.at(-1))) return false;
    const only = pending[0]!;
    if (NOTICE_TITLE_RE.test(only.text)) return false;
    if (!markdown && only.level === null && !ENUM_RE.test(only.text)) {
      // Unmarked lines: a one-line head is a sub-head only inside a feature or document (a byline, a
      // kicker/subtitle or a document date under its headline, or sub-heads already), never after a news lead.
      if (startsWithLead(cur.paragraphs[0] ?? '')) return false;
      const featureLike = cur.bylines.length > 0 || cur.dateText !== null || cur.subheads.length > 0 || cur.heads.length >= 2;
      if (!featureLike) return false;
    }
    if (only.level !== null && curTitleLevel !== null && only.level <= curTitleLevel) return false;
    return true;
  };

  tokens.forEach((tok, index) => {
    switch (tok.t) {
      case 'heading':
      case 'head':
        if (!hasPending()) firstPendingLine = tok.line;
        pending.push({ text: tok.text, level: tok.t === 'heading' ? tok.level : null });
        return;
      case 'date':
        if (!hasPending()) firstPendingLine = tok.line;
        pendingDate = tok.text;
        return;
      case 'byline':
        if (hasPending() || !cur) {
          pendingBylines.push(tok.byline);
          if (tok.source) pendingSources.push(tok.source);
        } else {
          cur.bylines.push(tok.byline);
          if (tok.source) cur.sources.push(tok.source);
        }
        return;
      case 'source':
        if (hasPending() || !cur) pendingSources.push(tok.text);
        else cur.sources.push(tok.text);
        return;
      case 'marker':
        if (tok.note.direction === 'continuationOf') pendingOf = tok.note;
        else if (cur) {
          cur.continues = tok.note;
          cur.closed = true;
        }
        return;
      case 'credit': {
        const photo = takePhoto(cur, tok.caption, tok.byline, tok.line);
        if (!photo) return;
        if (hasPending()) pendingPhotos.push(photo);
        else if (photo !== cur) drafts.push(photo);
        return;
      }
      case 'para': {
        const { text, note } = splitTrailingContinuation(tok.text);
        if (hasPending() || pendingOf) {
          if (isSubhead(text)) {
            cur!.subheads.push(cur!.paragraphs.length);
            cur!.paragraphs.push(pending[0]!.text);
            pending = [];
            firstPendingLine = 0;
          } else startArticle(index, tok.line);
        } else if (!cur || cur.closed) {
          startArticle(index, tok.line);
        }
        cur!.paragraphs.push(text);
        if (note) {
          cur!.continues = note;
          cur!.closed = true;
        }
        return;
      }
    }
  });
  if (hasPending()) {
    // Display lines after the last body: a headline printed below its article (or a page of headlines only).
    const last = (cur as Draft | null) ?? newDraft(firstPendingLine);
    if (!cur) drafts.push(last);
    pushAll(last.heads, pending.map((h) => ({ ...h, trailing: true })));
    pushAll(last.bylines, pendingBylines);
    pushAll(last.sources, pendingSources);
  }
  pushAll(drafts, pendingPhotos);
  return drafts;
}

/** Body text that follows token `index` up to the next display line (for overlap scores). */
function lookaheadBody(tokens: Token[], index: number): string {
  const parts: string[] = [];
  for (let i = index; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t === 'heading' || t.t === 'head') break;
    if (t.t === 'para') parts.push(t.text);
  }
  return parts.join('\n');
}
