/** Photo items: a caption and its credit (`赵福胜 摄`). */
import { newDraft, type Draft } from './draft.js';

/**
 * A photo credit makes a photo item: its caption is on the credit's line, or
 * is the paragraph just before it (taken out of the article it was glued to).
 */
export function takePhoto(cur: Draft | null, caption: string | null, byline: string, line: number): Draft | null {
  const photo = newDraft(line);
  photo.photo = true;
  photo.bylines.push(byline);
  if (caption) {
    photo.paragraphs.push(caption);
    return photo;
  }
  if (!cur || !cur.paragraphs.length) return null;
  if (cur.paragraphs.length === 1 && !cur.heads.length) {
    cur.photo = true;
    cur.bylines.push(byline);
    return cur;
  }
  photo.paragraphs.push(cur.paragraphs.pop()!);
  return photo;
}
