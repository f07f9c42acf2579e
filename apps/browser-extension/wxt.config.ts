import { defineConfig } from 'wxt';
import { E2E_MATCHES } from './lib/sites.js';

/** The add-on id Firefox needs for storage and a stable moz-extension:// origin (e2e tests pin its UUID). */
export const GECKO_ID = 'jianbao@jianbao.local';

/** The toolbar and store icons (drawn by scripts/icons.mjs). */
const ICONS = { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' };

// `wxt build --mode e2e` (pnpm build:e2e) makes a test build: it also runs on the fixture host 127.0.0.1 and lets
// the background open extension pages on request (Firefox automation cannot navigate to moz-extension:// itself).
export default defineConfig({
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: settings; scripting: run on the sites the user adds and read the page for "check this page";
    // activeTab: the popup reads the current tab. Hosts beyond the default news list are optional, asked at run time.
    // contextMenus: "search the archive for the selection"; clipboardWrite: a card's "copy" where the page is not a
    // secure context (the Clipboard API needs one).
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus', 'clipboardWrite'],
    ...(manifestVersion === 3 ? { optional_host_permissions: ['*://*/*'] } : { optional_permissions: ['*://*/*'] }),
    ...(mode === 'e2e' ? { host_permissions: E2E_MATCHES } : {}),
    icons: ICONS,
    action: { default_title: '__MSG_extName__', default_icon: ICONS },
    // At most four suggested keys (Chrome's limit); previous-mark has none, users assign one in the browser's shortcut page.
    commands: {
      'toggle-marking': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_commandToggleMarking__' },
      'open-search': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_commandOpenSearch__' },
      'check-page': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_commandCheckPage__' },
      'next-mark': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandNextMark__' },
      'previous-mark': { description: '__MSG_commandPreviousMark__' },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } } } : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      // Firefox (MV2): WXT's browser_action and sidebar_action get no icon from `action`; give them the toolbar set.
      const m = manifest as { browser_action?: Record<string, unknown>; sidebar_action?: Record<string, unknown> };
      if (m.browser_action) m.browser_action.default_icon = ICONS;
      if (m.sidebar_action) m.sidebar_action = { ...m.sidebar_action, default_icon: ICONS, default_title: '__MSG_panelTitle__' };
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...E2E_MATCHES];
    },
  },
});
