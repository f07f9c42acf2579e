import { browser } from 'wxt/browser';
import { TERM_KINDS, type TermKind } from './archive-types.js';
import { hostInDomain } from './sites.js';

/** The user's choices, kept in storage.local under one key so every part sees one consistent value. */
export interface Settings {
  /** Host names the user added to the run-list (besides the default news domains). */
  userSites: string[];
  /** Opt-in: run on every site (needs the optional all-sites host permission). */
  everywhere: boolean;
  /** Which kinds of term to mark. */
  kinds: Record<TermKind, boolean>;
  /** Host names where the user switched marking off from the popup. */
  disabledSites: string[];
  /** Where to mark: the article body (found on the page; the default) or the whole page. */
  markScope: 'body' | 'page';
  /** Mark each term's first mention only, as editors mark up copy. */
  firstMentionOnly: boolean;
}

export const SETTINGS_KEY = 'settings';

export function defaultSettings(): Settings {
  return {
    userSites: [],
    everywhere: false,
    kinds: Object.fromEntries(TERM_KINDS.map((k) => [k, true])) as Record<TermKind, boolean>,
    disabledSites: [],
    markScope: 'body',
    firstMentionOnly: false,
  };
}

/** Fills in what an older or damaged stored value lacks, so readers never see a partial object. */
export function normaliseSettings(value: unknown): Settings {
  const base = defaultSettings();
  if (typeof value !== 'object' || value === null) return base;
  const v = value as Partial<Settings>;
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  return {
    userSites: strings(v.userSites),
    everywhere: v.everywhere === true,
    kinds: { ...base.kinds, ...(typeof v.kinds === 'object' && v.kinds ? v.kinds : {}) },
    disabledSites: strings(v.disabledSites),
    markScope: v.markScope === 'page' ? 'page' : 'body',
    firstMentionOnly: v.firstMentionOnly === true,
  };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normaliseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export async function updateSettings(change: (s: Settings) => Settings | void): Promise<Settings> {
  const current = await loadSettings();
  const next = change(current) ?? current;
  await saveSettings(next);
  return next;
}

export function markingDisabledOn(settings: Settings, host: string): boolean {
  return settings.disabledSites.some((d) => hostInDomain(host, d));
}
