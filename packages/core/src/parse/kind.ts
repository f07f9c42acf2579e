/** What kind of item an article is, from its headline, lead and shape. */
import type { ArticleKind } from '../article.js';

export interface KindInput {
  title: string | null;
  section: string | null;
  photo: boolean;
  paragraphs: string[];
  hasLead: boolean;
  hasSubheads: boolean;
  /** A byline printed with the headline (features), not inside a 本报讯 lead. */
  headByline: boolean;
  hasSubtitle: boolean;
  hasDocumentDate: boolean;
  speech: boolean;
}

const NOTICE_RE = /(通告|公告|通知|启事|公示|声明|告知书)$/u;
const DOCUMENT_RE = /(意见|决定|条例|办法|规定|纲要|方案|公报|决议|规划|白皮书|讲话|致辞|贺信)$/u;
const EDITORIAL_RE = /(社论|评论员|短评|时评|言论|评论)/u;

export function classifyKind(a: KindInput): ArticleKind {
  if (a.photo) return 'photo';
  const title = a.title ?? '';
  if (NOTICE_RE.test(title)) return 'notice';
  if ((DOCUMENT_RE.test(title) && /关于|中共中央|国务院|在.+上的/u.test(title)) || a.hasDocumentDate || a.speech) return 'document';
  if (EDITORIAL_RE.test(a.section ?? '') || EDITORIAL_RE.test(title)) return 'editorial';
  // A signed-off call to action with no reporter and no lead: the voice of the paper (社论 style).
  if (!a.hasLead && !a.headByline && a.paragraphs.some((p) => /^让我们/u.test(p))) return 'editorial';
  if (!a.hasLead && (a.hasSubheads || a.headByline || a.hasSubtitle)) return 'feature';
  return 'news';
}
