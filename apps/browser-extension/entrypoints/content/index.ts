import './style.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { TERM_KINDS } from '../../lib/archive-types.js';
import { findArticleBody, skipFurniture } from '../../lib/article-body.js';
import { HoverController } from '../../lib/hover.js';
import { Marker, type Mark } from '../../lib/marker.js';
import { loadMatcherSectionAsync } from '../../lib/matcher.js';
import { ask } from '../../lib/messages.js';
import { extractArticleText } from '../../lib/page-text.js';
import { locateFindings, paintFindings, type Finding } from '../../lib/page-findings.js';
import { loadSettings, markingDisabledOn, SETTINGS_KEY } from '../../lib/settings.js';
import { DEFAULT_MATCHES } from '../../lib/sites.js';

const E2E = import.meta.env.MODE === 'e2e';

/**
 * Marks the archive's terms and shows hover cards. Holds only the matcher: the
 * archive, its index and its articles stay in the background and are asked
 * for by message. Runs on the default news domains (static) and on sites the
 * user added (registered at run time by the background).
 */
export default defineContentScript({
  // wxt.config.ts adds the fixture host to e2e builds.
  matches: DEFAULT_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const scriptStart = performance.now();
    const flag = '__jianbaoContentScript';
    const scope = globalThis as unknown as Record<string, boolean>;
    if (scope[flag]) return; // registered twice (default list and a user site): run once
    scope[flag] = true;

    let marker: Marker | null = null;
    let revision = '';
    const report = (state: string) => {
      if (!E2E) return;
      const root = document.documentElement;
      root.dataset.jianbaoState = state;
      root.dataset.jianbaoMarks = String(marker?.markCount ?? 0);
      if (marker) root.dataset.jianbaoStats = JSON.stringify({ ...marker.stats, scriptStart, highlights: marker.usesHighlights });
    };

    // Cards are extra: whatever a hostile page did to the DOM, a failure here must not cost it its marks.
    let hover: HoverController | null = null;
    try {
      hover = new HoverController(document, () => marker, {
        loadCard: (termId) => ask({ type: 'card', termId }),
        openArticle: (id) => void ask({ type: 'open-reader', id }),
        step: (delta) => void step(delta),
        exposeForTests: E2E,
      });
    } catch (error) {
      console.warn('jianbao: no hover cards on this page:', error);
    }

    // Next/previous mark (commands, the popup's arrows, ←/→ in a card): the current one is painted apart and its card opened.
    let current: Mark | null = null;
    const currentHighlight = 'jianbao-current';
    function markInfo(): { count: number; index: number } {
      const marks = marker?.orderedMarks() ?? [];
      return { count: marks.length, index: current ? marks.indexOf(current) : -1 };
    }
    async function step(delta: 1 | -1): Promise<{ count: number; index: number }> {
      const marks = marker?.orderedMarks() ?? [];
      if (!marks.length) return { count: 0, index: -1 };
      const at = current ? marks.indexOf(current) : -1;
      const index = at === -1 ? (delta === 1 ? 0 : marks.length - 1) : (at + delta + marks.length) % marks.length;
      current = marks[index]!;
      const w = window as unknown as { CSS?: { highlights?: Map<string, unknown> }; Highlight?: new (r: Range) => unknown };
      if (w.CSS?.highlights && w.Highlight) w.CSS.highlights.set(currentHighlight, new w.Highlight(current.range));
      if (E2E) document.documentElement.dataset.jianbaoCurrent = JSON.stringify({ index, count: marks.length, text: current.text });
      await hover?.openFromKeyboard(current);
      return { count: marks.length, index };
    }

    let checkRanges: Range[][] = [];

    let starts = 0;
    async function start(): Promise<void> {
      const generation = ++starts;
      marker?.clear();
      marker = null;
      current = null;
      (window as unknown as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights?.delete(currentHighlight);
      hover?.hide();
      const settings = await loadSettings();
      const kinds = new Set(TERM_KINDS.filter((k) => settings.kinds[k]));
      if (markingDisabledOn(settings, location.hostname) || kinds.size === 0) return report('off');
      const reply = await ask({ type: 'matcher' });
      revision = reply.revision;
      const matcher = await loadMatcherSectionAsync(reply.section);
      if (generation !== starts) return; // restarted while the matcher loaded
      // The article body by default (found now, when the page has loaded); the whole page when the user chose it.
      const body = settings.markScope === 'body' ? findArticleBody(document) : null;
      const m = new Marker(document, matcher, {
        kinds,
        scope: settings.markScope === 'body' ? { roots: body?.roots ?? null, skip: skipFurniture } : undefined,
        ...(settings.firstMentionOnly ? { capPerTerm: 1, documentOrder: true } : {}),
      });
      marker = m;
      report('marking');
      let firstPassDone = false;
      m.onChange = () => report(firstPassDone ? 'done' : 'marking');
      m.observe(); // first: a page that changes while the first pass runs gets those changes marked too
      await m.markDocument();
      if (marker !== m) return; // restarted meanwhile
      firstPassDone = true;
      report('done');
    }

    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      if (changes[SETTINGS_KEY] || (changes.archiveRevision && changes.archiveRevision.newValue !== revision)) {
        hover?.resetCache();
        void start();
      }
    });
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      const m = message as { type?: string; delta?: number };
      if (m?.type === 'page-text') sendResponse(extractArticleText());
      else if (m?.type === 'mark-info') sendResponse(markInfo());
      else if (m?.type === 'show-check') {
        const { draft, findings } = message as { draft: string; findings: Finding[] };
        checkRanges = locateFindings(document, draft, findings);
        sendResponse(paintFindings(window, findings, checkRanges));
      } else if (m?.type === 'reveal-finding') {
        const range = checkRanges[(message as { index: number }).index]?.[0];
        range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        sendResponse(!!range);
      } else if (m?.type === 'mark-step') void step(m.delta === -1 ? -1 : 1).then(sendResponse, () => sendResponse(markInfo()));
      else return;
      return true;
    });
    if (E2E) {
      // Test builds only: lets the Firefox harness open extension pages (automation cannot navigate to moz-extension://).
      window.addEventListener('message', (e) => {
        const path = (e.data as { jianbaoE2eOpen?: unknown } | null)?.jianbaoE2eOpen;
        if (e.source === window && typeof path === 'string') void ask({ type: 'open-page', path });
      });
    }
    ctx.onInvalidated(() => {
      marker?.clear();
      hover?.destroy();
      scope[flag] = false;
    });
    await start().catch((error) => {
      console.warn('jianbao: marking failed:', error);
      report('error');
    });
  },
});
