/**
 * The popup hands the query typed in it to the search page it opens through
 * extension storage, never the URL: a query in search.html?q=… would land in
 * the browser's history (and its sync). storage.session lives in memory and is
 * cleared with the browser session; where a browser lacks it, storage.local,
 * and the page removes the entry as soon as it takes it.
 */
import { browser } from 'wxt/browser';

const KEY = 'searchHandoff';
/** A handed-over query older than this is stale (the page it was meant for never opened). */
const FRESH_MS = 60_000;

interface Handoff {
  query: string;
  at: number;
}

type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };

function area(): Area {
  const storage = browser.storage as unknown as { session?: Area; local: Area };
  return storage.session ?? storage.local;
}

export async function handOverQuery(query: string): Promise<void> {
  await area().set({ [KEY]: { query, at: Date.now() } satisfies Handoff });
}

/** The query the popup handed over, once (removed as it is taken), or undefined. */
export async function takeHandedQuery(now = Date.now()): Promise<string | undefined> {
  const store = area();
  const got = (await store.get(KEY))[KEY] as Handoff | undefined;
  if (!got) return undefined;
  await store.remove(KEY);
  return now - got.at <= FRESH_MS && typeof got.query === 'string' ? got.query : undefined;
}
