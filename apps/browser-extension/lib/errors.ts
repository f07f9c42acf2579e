/**
 * Every error the user sees, in the UI language: the browser's own messages
 * ("Cannot access contents of the page…", "Receiving end does not exist") and
 * core's bundle errors are English developer text, so each known one is
 * mapped to a sentence from _locales and anything else to a general one; the
 * original goes to the console for whoever debugs it.
 */
import { BundleError } from '@jianbao/core';
import { t } from './i18n.js';

/** An error whose message is already written for the user (in the UI language). */
export class UserError extends Error {
  override readonly name = 'UserError';
}

const BROWSER_ERRORS: [RegExp, string][] = [
  // Chrome: chrome:// pages, the Web Store, other extensions' pages, PDFs, error pages; Firefox: about:, addons.mozilla.org.
  [/cannot access|cannot be scripted|missing host permission|cannot script|gallery|chrome:\/\/|about:|moz-extension|view-source|restricted|permission to access|Missing activeTab|no host permission/i, 'errorPageNotAccessible'],
  [/receiving end does not exist|could not establish connection|no matching message handler/i, 'errorNoContentScript'],
  [/extension context invalidated|context invalidated/i, 'errorExtensionReloaded'],
  [/no tab with id|no current window|tab was closed|no active tab/i, 'errorNoTab'],
  [/frame with id|frame was removed|document was unloaded|navigat/i, 'errorPageChanged'],
  [/quota|storage/i, 'errorStorage'],
];

/** The user-facing sentence for an error, in the UI language. */
export function userMessage(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof BundleError) return t(`bundleError_${error.code.replace(/-/g, '_')}`);
  const raw = error instanceof Error ? error.message : String(error);
  console.warn('jianbao:', error);
  for (const [pattern, key] of BROWSER_ERRORS) if (pattern.test(raw)) return t(key);
  return t('errorUnexpected');
}
