/** Marking and hover cards on the extension's own pages (reader), through the same modules the content script uses. */
import { TERM_KINDS } from './archive-types.js';
import { HoverController } from './hover.js';
import { Marker } from './marker.js';
import { loadMatcherSection } from './matcher.js';
import { ask } from './messages.js';
import { loadSettings } from './settings.js';

export async function markExtensionPage(doc: Document, root: Element, openArticle: (id: string) => void): Promise<Marker> {
  const settings = await loadSettings();
  const { section } = await ask({ type: 'matcher' });
  const marker = new Marker(doc, loadMatcherSection(section), { kinds: new Set(TERM_KINDS.filter((k) => settings.kinds[k])) });
  new HoverController(doc, () => marker, {
    loadCard: (termId) => ask({ type: 'card', termId }),
    openArticle,
    exposeForTests: import.meta.env.MODE === 'e2e',
  });
  marker.markSubtree(root);
  const el = doc.documentElement;
  if (import.meta.env.MODE === 'e2e') (el.dataset.jianbaoState = 'done'), (el.dataset.jianbaoMarks = String(marker.markCount));
  return marker;
}
