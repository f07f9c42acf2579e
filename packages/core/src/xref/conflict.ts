/** A title or number in a draft that the archive contradicts, as data: hosts render it in their UI language. */
export interface Conflict {
  start: number;
  end: number;
  /** The draft's text [start, end). */
  text: string;
  kind: 'title' | 'number';
  /** A sentence in Chinese (kept for hosts that print it as is; hosts with a UI language build theirs from the fields). */
  message: string;
  /** The archive's text for it (25.8亿元; 省委常委、太原市委书记). */
  expected: string;
  articleId: string | null;
  /** The article the expected text is from. */
  articleTitle?: string | null;
  articleDate?: string | null;
  /** The edit that makes the draft agree with the archive: replace draft [start, end) with text. */
  fix?: { start: number; end: number; text: string };
  /** The person a title conflict is about. */
  person?: string;
  /**
   * Why it is a conflict, as data for hosts to word: a figure that differs from the archive's ('differs'); a title
   * the archive does not give the person ('not-held'); a post they held before and no longer hold ('former', with
   * `former`). Older cores (and servers running them) leave it out.
   */
  reason?: ConflictReason;
  /** For 'former': the post as the draft prints it and where the archive last gives it. */
  former?: { post: string; articleId: string; articleTitle: string | null; date: string | null };
}

export type ConflictReason = 'differs' | 'not-held' | 'former';
