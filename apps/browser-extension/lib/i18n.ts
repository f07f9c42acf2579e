import { browser } from 'wxt/browser';

/** A message from public/_locales (zh_CN by default, en second); the key itself if missing, so a gap shows, not a blank. */
export function t(key: string, substitutions?: string | string[]): string {
  const message = browser.i18n.getMessage(key as never, substitutions as never);
  return message || key;
}

/**
 * A message about a count: `<key>_one` when the count is 1 ("1 article", not "1 articles"; chrome.i18n has no
 * plural rules), else `<key>`. The substitutions are the message's own, count included where it shows one.
 */
export function tCount(key: string, count: number, substitutions?: string | string[]): string {
  if (count === 1) {
    const one = browser.i18n.getMessage(`${key}_one` as never, substitutions as never);
    if (one) return one;
  }
  return t(key, substitutions);
}

/** Fills the text of every element with a data-i18n attribute (and the data-i18n-placeholder / data-i18n-title attributes) in a page. */
export function localisePage(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage().startsWith('zh') ? 'zh-CN' : browser.i18n.getUILanguage();
  doc.title = t(doc.documentElement.dataset.i18nTitleKey ?? 'extName');
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!);
  for (const el of doc.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder!);
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle!);
}
