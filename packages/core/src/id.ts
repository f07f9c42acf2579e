/**
 * Stable article ids: a 32-bit FNV-1a hash of what identifies the article in
 * its source (the page, its position there and its title), as 8 hex digits.
 * Same input, same id, on every build and every runtime.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function articleId(page: string, ordinal: number, title: string): string {
  return fnv1a(`${page}\u0000${ordinal}\u0000${title}`).toString(16).padStart(8, '0');
}

/** Makes ids unique within an archive by suffixing repeats (-2, -3, …) in order. */
export function dedupeIds<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, n);
    return n === 1 ? item : { ...item, id: `${item.id}-${n}` };
  });
}
