/**
 * Builds DOM from data without ever parsing HTML: archive text is always set as
 * text, so nothing in an article can become markup (and Trusted Types pages
 * are never asked for a TrustedHTML).
 */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { class?: string; attrs?: Record<string, string>; on?: Partial<Record<keyof HTMLElementEventMap, (e: Event) => void>> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const [k, fn] of Object.entries(props.on ?? {})) el.addEventListener(k, fn as EventListener);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  return el;
}

/** Text with some spans emphasised (<mark>), e.g. a search snippet and its highlight offsets. */
export function highlighted(doc: Document, text: string, spans: readonly (readonly [number, number])[]): DocumentFragment {
  const out = doc.createDocumentFragment();
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) out.append(text.slice(at, start));
    const mark = doc.createElement('mark');
    mark.textContent = text.slice(start, end);
    out.append(mark);
    at = end;
  }
  if (at < text.length) out.append(text.slice(at));
  return out;
}
