import { defineConfig } from 'wxt';
import { E2E_MATCHES } from './lib/sites.js';

/** The add-on id Firefox needs for storage and a stable moz-extension:// origin (e2e tests pin its UUID). */
export const GECKO_ID = 'jianbao@jianbao.local';

// `wxt build --mode e2e` (pnpm build:e2e) makes a test build: it also runs on the fixture host 127.0.0.1 and lets
// the background open extension pages on request (Firefox automation cannot navigate to moz-extension:// itself).
export default defineConfig({
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: settings; scripting: run on the sites the user adds and read the page for "check this page";
    // activeTab: the popup reads the current tab. Hosts beyond the default news list are optional, asked at run time.
    permissions: ['storage', 'scripting', 'activeTab'],
    ...(manifestVersion === 3 ? { optional_host_permissions: ['*://*/*'] } : { optional_permissions: ['*://*/*'] }),
    ...(mode === 'e2e' ? { host_permissions: E2E_MATCHES } : {}),
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } } } : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...E2E_MATCHES];
    },
  },
});
