/**
 * Runs the content script on the sites the user added (and everywhere, when
 * opted in) by registering it at run time, for the origins whose optional host
 * permission the user granted. The default news domains are in the manifest.
 */
import { browser } from 'wxt/browser';
import { loadSettings } from './settings.js';
import { EVERYWHERE_ORIGINS, patternsForDomain } from './sites.js';

const SCRIPT_ID = 'jianbao-user-sites';
const JS = ['content-scripts/content.js'];
const CSS = ['content-scripts/content.css'];

type FirefoxContentScripts = { register(o: { matches: string[]; js: { file: string }[]; css: { file: string }[]; runAt: string }): Promise<{ unregister(): Promise<void> }> };
let firefoxRegistration: { unregister(): Promise<void> } | undefined;

/** The match patterns the user's settings ask for and the granted permissions allow. */
export async function wantedPatterns(): Promise<string[]> {
  const settings = await loadSettings();
  const candidates = settings.everywhere ? EVERYWHERE_ORIGINS : settings.userSites.flatMap(patternsForDomain);
  const granted: string[] = [];
  for (const pattern of candidates) if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  return granted;
}

/** Brings the run-time registration in line with the settings. Idempotent; call at start-up and after changes. */
export async function syncSiteRegistration(): Promise<string[]> {
  const matches = await wantedPatterns();
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.registerContentScripts) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (existing.length) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (matches.length) {
      await scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js: JS, css: CSS, runAt: 'document_idle', persistAcrossSessions: true }]);
    }
    return matches;
  }
  // Firefox MV2 without scripting: contentScripts.register (not persistent: redone at every background start).
  const contentScripts = (browser as unknown as { contentScripts?: FirefoxContentScripts }).contentScripts;
  await firefoxRegistration?.unregister();
  firefoxRegistration = undefined;
  if (contentScripts && matches.length) {
    firefoxRegistration = await contentScripts.register({ matches, js: JS.map((file) => ({ file })), css: CSS.map((file) => ({ file })), runAt: 'document_idle' });
  }
  return matches;
}
