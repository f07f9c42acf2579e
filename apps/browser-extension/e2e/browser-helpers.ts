/** Functions evaluated inside fixture pages (page world) by both harnesses. Self-contained: no closures. */

/** Every range the extension registered in CSS.highlights, with its kind and the rect of its first line. */
export function collectMarks(): { text: string; kind: string; x: number; y: number; top: number }[] {
  const out: { text: string; kind: string; x: number; y: number; top: number }[] = [];
  // A hostile fixture page replaces CSS.highlights in its own world; it keeps the real registry in __realHighlights.
  const registry = ((window as unknown as { __realHighlights?: Map<string, Set<Range>> }).__realHighlights ?? (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights);
  for (const [name, highlight] of registry) {
    // The term marks only: not the page check's findings (jianbao-check-*) nor the mark reached with next/previous.
    if (!/^jianbao-(person|place|organisation|policy)$/.test(name)) continue;
    for (const range of highlight) {
      const rect = range.getClientRects()[0];
      out.push({ text: range.toString(), kind: name.slice('jianbao-'.length), x: rect ? rect.left + rect.width / 2 : -1, y: rect ? rect.top + rect.height / 2 : -1, top: rect ? rect.top + window.scrollY : -1 });
    }
  }
  return out;
}

export function markingState(): { state: string | undefined; marks: number; stats: unknown } {
  const d = document.documentElement.dataset;
  return { state: d.jianbaoState, marks: Number(d.jianbaoMarks ?? 0), stats: d.jianbaoStats ? JSON.parse(d.jianbaoStats) : null };
}

export function cardState(): { visible: boolean; term?: string; kind?: string; text?: string; articles?: string[]; rect?: { left: number; top: number; right: number; bottom: number }; shadowOpen: boolean; focused: boolean } {
  const host = document.querySelector('div[data-jianbao-ui="card"]') as HTMLElement | null;
  if (!host || host.hidden || !host.dataset.e2eTerm) return { visible: false, shadowOpen: false, focused: false };
  return {
    visible: true,
    term: host.dataset.e2eTerm,
    kind: host.dataset.e2eKind,
    text: host.dataset.e2eText,
    articles: JSON.parse(host.dataset.e2eArticles ?? '[]'),
    rect: JSON.parse(host.dataset.e2eRect ?? 'null'),
    shadowOpen: host.shadowRoot !== null,
    focused: document.activeElement === host,
  };
}
