import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, loadSettings, markingDisabledOn, normaliseSettings, updateSettings } from '../lib/settings.js';
import { DEFAULT_MATCHES, hostInDomain, normaliseSite, patternsForDomain } from '../lib/sites.js';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  test('defaults when nothing is stored; a damaged value is repaired field by field', async () => {
    expect(await loadSettings()).toEqual(defaultSettings());
    const repaired = normaliseSettings({ userSites: ['a.cn', 3], kinds: { place: false }, everywhere: 'yes' });
    expect(repaired.userSites).toEqual(['a.cn']);
    expect(repaired.kinds).toEqual({ person: true, place: false, organisation: true, policy: true });
    expect(repaired.everywhere).toBe(false);
  });

  test('updates persist in storage.local and switch marking off per site (subdomains included)', async () => {
    await updateSettings((s) => void s.disabledSites.push('example.cn'));
    const stored = await loadSettings();
    expect(markingDisabledOn(stored, 'news.example.cn')).toBe(true);
    expect(markingDisabledOn(stored, 'example.com')).toBe(false);
  });
});

describe('sites', () => {
  test('normalises what users type to a host name and refuses junk', () => {
    expect(normaliseSite('https://www.SXRB.com/a/b.html')).toBe('www.sxrb.com');
    expect(normaliseSite('  news.example.cn ')).toBe('news.example.cn');
    expect(normaliseSite('not a site')).toBeNull();
    expect(normaliseSite('')).toBeNull();
  });

  test('patterns cover a domain and its subdomains; the default list is all news domains', () => {
    expect(patternsForDomain('sxrb.com')).toEqual(['*://sxrb.com/*', '*://*.sxrb.com/*']);
    expect(DEFAULT_MATCHES).toContain('*://*.people.com.cn/*');
    expect(hostInDomain('www.people.com.cn', 'people.com.cn')).toBe(true);
    expect(hostInDomain('notpeople.com.cn', 'people.com.cn')).toBe(false);
  });
});
