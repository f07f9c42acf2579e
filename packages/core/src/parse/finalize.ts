/** Turns an assembled draft into the Article contract's fields. */
import type { Article, ContinuationLink, Dateline } from '../article.js';
import { foldByline, leadByline, splitClosingByline } from './byline.js';
import { dropRepeatedParagraphs } from './cleanup.js';
import { findDateline, parseDateText, trailingDate } from './dateline.js';
import { draftBody, type Draft } from './draft.js';
import { readHeads, type HeadLayout } from './head.js';
import { classifyKind } from './kind.js';
import { startsWithLead, type ContinuationNote } from './lines.js';
import { looksLikeSpeech, untitledTitle } from './untitled.js';
import { recognitionForm } from './text.js';

export type ArticleFields = Omit<Article, 'id' | 'page' | 'paper' | 'date'>;

const OTHER_PAPER_REPORTER = /^(\S{2,8}(?:日报|晚报)|新华社|中新社)记者/u;

/** Reprint source: a 据《…》 line, a 新华社…电 lead, or another paper's reporter. */
export function reprintSource(draft: Draft, paper: string | null): string | null {
  if (draft.sources.length) return draft.sources[0]!;
  const lead = /^\s*(据)?(新华社|中新社|人民日报)[^\s，,。]{0,12}电/u.exec(recognitionForm((draft.paragraphs[0] ?? '').slice(0, 40)));
  if (lead) return lead[2]!;
  for (const b of draft.bylines) {
    const m = OTHER_PAPER_REPORTER.exec(recognitionForm(b));
    if (m && m[1] !== paper) return m[1]!;
  }
  return null;
}

export function finalizeDraft(draft: Draft, layout: HeadLayout, paper: string | null, issueDate: string | null): ArticleFields {
  let paragraphs = dropRepeatedParagraphs(draft.paragraphs);
  const bylines = draft.bylines.map(foldByline);
  const headBylineCount = bylines.length;
  const lead = leadByline(paragraphs[0] ?? '');
  if (lead) bylines.push(foldByline(lead));
  if (paragraphs.length) {
    const closing = splitClosingByline(paragraphs.at(-1)!);
    if (closing.byline) {
      paragraphs = [...paragraphs.slice(0, -1), closing.text];
      bylines.push(foldByline(closing.byline));
    }
  }
  const read = readHeads(draft.heads, draftBody(draft), layout);
  const photo = draft.photo;
  const speech = !read.title && looksLikeSpeech(paragraphs);
  const title = read.title ?? untitledTitle(paragraphs, photo);
  const subtitleLines = [...read.subtitle];
  if (draft.dateText) subtitleLines.push(draft.dateText.trim());
  const section = read.section[0] ?? draft.inheritedSection;
  const hasLead = startsWithLead(paragraphs[0] ?? '');
  const kind = classifyKind({
    title: read.title, section, photo, paragraphs, hasLead, hasSubheads: draft.subheads.length > 0,
    headByline: headBylineCount > 0 && !photo, hasSubtitle: read.subtitle.length > 0,
    hasDocumentDate: draft.dateText !== null, speech,
  });
  let dateline: Dateline | null = null;
  if (draft.dateText) dateline = parseDateText(draft.dateText, issueDate);
  else if (kind === 'notice') dateline = trailingDate(paragraphs.at(-1), issueDate);
  if (!dateline && !speech) dateline = findDateline(paragraphs[0], issueDate);
  return {
    title,
    titleInferred: read.title === null,
    subtitle: subtitleLines.length ? subtitleLines.join('\n') : null,
    section: section ?? null,
    byline: bylines.length ? [...new Set(bylines)].join(' ') : null,
    dateline,
    kind,
    source: reprintSource(draft, paper),
    paragraphs,
    continues: link(draft.continues),
    continuationOf: link(draft.continuationOf),
  };
}

function link(note: ContinuationNote | null): ContinuationLink | null {
  return note ? { text: note.text, page: note.page, articleId: null } : null;
}
