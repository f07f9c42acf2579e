import { browser } from 'wxt/browser';
import { BundleFileError, readBundleFile } from '../../lib/bundle-file.js';
import { checkBundleForImport } from '../../lib/import-check.js';
import { TERM_KINDS } from '../../lib/archive-types.js';
import { clearImportedBundle, writeImportedBundle } from '../../lib/archive-store.js';
import { h } from '../../lib/dom.js';
import { userMessage } from '../../lib/errors.js';
import { localisePage, t, tCount } from '../../lib/i18n.js';
import { ask, type ArchiveInfo } from '../../lib/messages.js';
import { loadServerSetting, saveServerSetting, serverPermissionPattern, type ServerSetting } from '../../lib/server-settings.js';
import { showServerStatus } from '../../lib/server-status.js';
import { normaliseServerUrl } from '@jianbao/core';
import { loadSettings, updateSettings } from '../../lib/settings.js';
import { DEFAULT_NEWS_DOMAINS, EVERYWHERE_ORIGINS, hostInDomain, normaliseSite, patternsForDomain } from '../../lib/sites.js';

localisePage(document);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
$('default-sites').textContent = DEFAULT_NEWS_DOMAINS.join('  ');

async function render(): Promise<void> {
  const settings = await loadSettings();
  $('user-sites').replaceChildren(
    ...(settings.userSites.length ? settings.userSites.map((site) =>
      h(document, 'li', {}, site, h(document, 'button', { attrs: { type: 'button', 'data-site': site }, on: { click: (e) => e.isTrusted && void removeSite(site) } }, t('optionsRemove'))))
      : [h(document, 'li', { class: 'muted' }, t('optionsNoUserSites'))]),
  );
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=scope]')) radio.checked = radio.value === settings.markScope;
  $<HTMLInputElement>('first-mention').checked = settings.firstMentionOnly;
  $<HTMLInputElement>('everywhere').checked = settings.everywhere && (await browser.permissions.contains({ origins: EVERYWHERE_ORIGINS }));
  $('kinds').replaceChildren(
    ...TERM_KINDS.map((kind) => {
      const box = h(document, 'input', { attrs: { type: 'checkbox', 'data-kind': kind } });
      box.checked = settings.kinds[kind];
      box.addEventListener('change', () => void updateSettings((s) => void (s.kinds[kind] = box.checked)));
      return h(document, 'label', { class: 'row' }, box, t(`kind_${kind}`));
    }),
  );
  await renderServer();
}

// The newsroom server: the address and token (storage.local only), the host permission for that host alone.
let savedServer: ServerSetting | undefined;
async function renderServer(info?: ArchiveInfo): Promise<void> {
  savedServer = await loadServerSetting();
  const url = $<HTMLInputElement>('server-url');
  if (document.activeElement !== url) url.value = savedServer?.url ?? '';
  $<HTMLInputElement>('server-token').placeholder = savedServer ? t('optionsServerTokenKept') : '';
  $<HTMLButtonElement>('server-remove').disabled = !savedServer;
  const shown = info ?? (await ask({ type: 'archive-info' }));
  const label = shown.source === 'server' ? 'optionsArchiveServer' : shown.source === 'imported' ? 'optionsArchiveImported' : 'optionsArchiveDefault';
  $('archive-info').textContent = `${t(label)} ${tCount('archiveSummary', shown.articleCount, [shown.name, String(shown.articleCount)])}`;
  $<HTMLButtonElement>('use-default').disabled = shown.source === 'default';
  showServerStatus($('server-status'), shown);
}

$('server-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const status = $('server-status');
  const typed = $<HTMLInputElement>('server-url').value;
  let url: string;
  try {
    url = normaliseServerUrl(typed);
  } catch {
    return void Object.assign(status, { hidden: false, className: 'error', textContent: t('optionsServerBadUrl', typed.trim()) });
  }
  const token = $<HTMLInputElement>('server-token').value.trim() || savedServer?.token || '';
  if (!token) return void Object.assign(status, { hidden: false, className: 'error', textContent: t('optionsServerNoToken') });
  // First, inside the submit's user gesture (Firefox allows no await before it): access to this server's host only.
  const pattern = serverPermissionPattern(url);
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (!granted) return void Object.assign(status, { hidden: false, className: 'error', textContent: t('optionsPermissionDenied', pattern) });
  await saveServerSetting({ url, token });
  $<HTMLInputElement>('server-token').value = '';
  status.textContent = t('cardLoading');
  await renderServer(await ask({ type: 'server-changed' }));
});

$('server-remove').addEventListener('click', async () => {
  const old = savedServer;
  await saveServerSetting(undefined);
  if (old) {
    // Give the host permission back unless a site in the run-list still needs it.
    const host = new URL(old.url).hostname;
    const settings = await loadSettings();
    if (!settings.everywhere && ![...DEFAULT_NEWS_DOMAINS, ...settings.userSites].some((d) => hostInDomain(host, d))) {
      await browser.permissions.remove({ origins: [serverPermissionPattern(old.url)] }).catch(() => false);
    }
  }
  const info = await ask({ type: 'server-changed' });
  await renderServer(info);
  Object.assign($('server-status'), { hidden: false, className: 'ok', textContent: t('optionsServerRemoved') });
});

async function removeSite(site: string): Promise<void> {
  await updateSettings((s) => void (s.userSites = s.userSites.filter((x) => x !== site)));
  await browser.permissions.remove({ origins: patternsForDomain(site) }).catch(() => false);
  await ask({ type: 'sync-sites' });
  await render();
}

$('add-site').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = $<HTMLInputElement>('site');
  const site = normaliseSite(input.value);
  $('site-error').textContent = '';
  if (!site) return void ($('site-error').textContent = t('optionsBadSite', input.value));
  // Asked inside the submit's user gesture, as browsers require for permissions.request.
  const granted = await browser.permissions.request({ origins: patternsForDomain(site) });
  if (!granted) return void ($('site-error').textContent = t('optionsPermissionDenied', site));
  await updateSettings((s) => void (s.userSites = [...new Set([...s.userSites, site])]));
  await ask({ type: 'sync-sites' });
  input.value = '';
  await render();
});

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=scope]')) {
  radio.addEventListener('change', () => radio.checked && void updateSettings((s) => void (s.markScope = radio.value === 'page' ? 'page' : 'body')));
}
$('first-mention').addEventListener('change', (e) => void updateSettings((s) => void (s.firstMentionOnly = (e.target as HTMLInputElement).checked)));

$('everywhere').addEventListener('change', async (e) => {
  const box = e.target as HTMLInputElement;
  if (box.checked) {
    const granted = await browser.permissions.request({ origins: EVERYWHERE_ORIGINS });
    if (!granted) return void (box.checked = false);
  } else {
    await browser.permissions.remove({ origins: EVERYWHERE_ORIGINS }).catch(() => false);
  }
  await updateSettings((s) => void (s.everywhere = box.checked));
  await ask({ type: 'sync-sites' });
});

$('bundle-file').addEventListener('change', async (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  const status = $('import-status');
  if (!file) return;
  status.className = '';
  status.textContent = t('optionsImporting', file.name);
  try {
    const text = await readBundleFile(file); // .json, or .json.gz inflated here (the store keeps the text)
    // Load every part the extension will use before storing: a bad file is refused with one line and the archive in use stays.
    const { archive, rebuilt } = await checkBundleForImport(text);
    await writeImportedBundle({ text, name: archive.meta.name, importedAt: new Date().toISOString() });
    const info = await ask({ type: 'archive-changed' });
    status.className = rebuilt.length ? 'warning' : 'ok';
    status.textContent = rebuilt.length
      ? t('optionsImportedRebuilt', [info.name, String(info.articleCount), rebuilt.map((s) => t(`section_${s}`)).join(t('listSeparator'))])
      : t('optionsImported', [info.name, String(info.articleCount)]);
  } catch (error) {
    status.className = 'error';
    const reason = error instanceof BundleFileError ? t(error.key) : userMessage(error);
    status.textContent = t('optionsImportFailed', [file.name, reason]);
  } finally {
    input.value = '';
    await render();
  }
});

$('use-default').addEventListener('click', async () => {
  await clearImportedBundle();
  const info = await ask({ type: 'archive-changed' });
  $('import-status').className = 'ok';
  $('import-status').textContent = t('optionsUsingDefault', [info.name, String(info.articleCount)]);
  await render();
});

void render();
