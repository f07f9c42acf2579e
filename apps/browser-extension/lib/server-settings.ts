/**
 * The newsroom server the user set in Options: its address and bearer token, in storage.local (never sync: the
 * token stays on this computer). With none set, the extension makes no network request at all.
 */
import { browser } from 'wxt/browser';
import { normaliseServerUrl } from '@jianbao/core';

export interface ServerSetting {
  url: string;
  token: string;
}

export const SERVER_KEY = 'server';

export function normaliseServerSetting(value: unknown): ServerSetting | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { url, token } = value as Partial<ServerSetting>;
  if (typeof url !== 'string' || typeof token !== 'string' || !token.trim()) return undefined;
  try {
    return { url: normaliseServerUrl(url), token: token.trim() };
  } catch {
    return undefined;
  }
}

export async function loadServerSetting(): Promise<ServerSetting | undefined> {
  return normaliseServerSetting((await browser.storage.local.get(SERVER_KEY))[SERVER_KEY]);
}

export async function saveServerSetting(setting: ServerSetting | undefined): Promise<void> {
  if (setting) await browser.storage.local.set({ [SERVER_KEY]: setting });
  else await browser.storage.local.remove(SERVER_KEY);
}

/**
 * The host permission a server needs: its scheme and host name, any port (Firefox match patterns take no port;
 * Chrome's without a port match every port). Only that host, asked when the user saves the address.
 */
export function serverPermissionPattern(url: string): string {
  const m = /^(https?):\/\/(\[[^\]]+\]|[^/:]+)/.exec(normaliseServerUrl(url))!;
  return `${m[1]}://${m[2]}/*`;
}
