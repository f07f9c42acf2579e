/** Which archive answers, in the UI language: the newsroom server, or the local archive and why (Options, popup). */
import { t } from './i18n.js';
import type { ArchiveInfo } from './messages.js';

export function serverStatusText(info: ArchiveInfo): { text: string; connected: boolean } | null {
  const s = info.server;
  if (!s) return null;
  if (s.state === 'connected') return { text: t('serverConnected', [s.url, info.name, String(info.articleCount)]), connected: true };
  return { text: t('serverFallback', [s.url, t(`serverState_${s.state.replace(/-/g, '_')}`)]), connected: false };
}

/** Fills a status element (hidden when no server is set); data-state says connected or fallback, for tests and styling. */
export function showServerStatus(el: HTMLElement, info: ArchiveInfo): void {
  const status = serverStatusText(info);
  el.hidden = !status;
  el.textContent = status?.text ?? '';
  el.className = status ? (status.connected ? 'ok' : 'warning') : '';
  el.dataset.state = info.server?.state ?? 'off';
}
