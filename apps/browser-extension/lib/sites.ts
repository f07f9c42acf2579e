/**
 * Where the content script runs. The default run-list is a set of Chinese news
 * domains (granted at install as host permissions); sites the user adds, and
 * "everywhere", are optional host permissions requested at run time.
 */
export const DEFAULT_NEWS_DOMAINS = [
  'people.com.cn',
  'xinhuanet.com',
  'news.cn',
  'chinanews.com.cn',
  'gmw.cn',
  'cctv.com',
  'chinadaily.com.cn',
  'thepaper.cn',
  'youth.cn',
  'ce.cn',
  'cnr.cn',
  'china.com.cn',
  'sxrb.com',
  'sxgov.cn',
  'jzrb.com.cn',
  'sina.com.cn',
  '163.com',
  'qq.com',
] as const;

/** Match patterns for a domain and its subdomains, http and https. */
export function patternsForDomain(domain: string): string[] {
  return [`*://${domain}/*`, `*://*.${domain}/*`];
}

export const DEFAULT_MATCHES: string[] = DEFAULT_NEWS_DOMAINS.flatMap(patternsForDomain);

/** The fixture server of the end-to-end tests; only in `--mode e2e` builds. */
export const E2E_MATCHES = ['http://127.0.0.1/*'];

export const EVERYWHERE_ORIGINS = ['*://*/*'];

/** Normalises what a user types ("https://www.Foo.cn/a", "foo.cn") to a host name, or null. */
export function normaliseSite(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  if (!/^[a-z]+:\/\//.test(text)) text = `http://${text}`;
  try {
    const host = new URL(text).hostname.replace(/^\*\./, '').replace(/\.$/, '');
    if (!/^[a-z0-9.-]+$/.test(host) || !host.includes('.') && host !== 'localhost') return null;
    return host;
  } catch {
    return null;
  }
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostInDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
