/**
 * Loads the archive named by the `jianbao.archive` setting: empty → the bundled
 * default; a bundle file (.json or .json.gz) → that bundle; a folder → its OCR
 * pages (.txt/.md, optional manifest.json) parsed by core. Files are read
 * through vscode.workspace.fs (never Node's fs) so this runs in the web
 * extension host too; gzip is undone with the standard DecompressionStream.
 */
import * as vscode from 'vscode';
import { buildBundle, loadArchive, loadArchiveAsync, type Archive } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';

export type ArchiveSource = 'default' | 'file' | 'folder';

export interface LoadedArchive {
  archive: Archive;
  source: ArchiveSource;
  /** The file or folder it came from; empty for the default. */
  location: string;
}

/** A configured archive that is missing or invalid: `message` is one line, ready for the user. */
export class ArchiveLoadError extends Error {
  override name = 'ArchiveLoadError';
}

/** Resolves the setting's path: absolute, `~/…` is not expanded (no home in the web), relative to the first workspace folder. */
export function resolveArchiveUri(setting: string, base: vscode.Uri | undefined): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(setting)) return vscode.Uri.parse(setting);
  if (setting.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(setting)) return vscode.Uri.file(setting);
  if (!base) throw new ArchiveLoadError(vscode.l10n.t('Archive path "{0}" is relative but no folder is open.', setting));
  return vscode.Uri.joinPath(base, setting);
}

export async function gunzip(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** UTF-8 to text 4 MB at a time, yielding between pieces. */
async function decodeInSlices(data: Uint8Array): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  const step = 4 << 20;
  for (let i = 0; i < data.length; i += step) {
    parts.push(decoder.decode(data.subarray(i, i + step), { stream: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

const isGzip = (data: Uint8Array) => data[0] === 0x1f && data[1] === 0x8b;
const PAGE = /\.(txt|md)$/i;

export async function loadConfiguredArchive(setting: string, base: vscode.Uri | undefined): Promise<LoadedArchive> {
  const trimmed = setting.trim();
  if (!trimmed) return { archive: await loadDefaultArchive(), source: 'default', location: '' };
  const uri = resolveArchiveUri(trimmed, base);
  const where = uri.scheme === 'file' ? uri.fsPath : uri.toString();
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    throw new ArchiveLoadError(vscode.l10n.t('The configured archive was not found: {0}', where));
  }
  const decoder = new TextDecoder('utf-8');
  if (stat.type & vscode.FileType.Directory) {
    const entries = await vscode.workspace.fs.readDirectory(uri);
    const names = entries.filter(([n, t]) => t & vscode.FileType.File && PAGE.test(n)).map(([n]) => n).sort();
    if (!names.length) throw new ArchiveLoadError(vscode.l10n.t('The archive folder has no .txt or .md pages: {0}', where));
    const pages = await Promise.all(names.map(async (name) => ({
      name, text: decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, name))),
    })));
    let manifest: unknown;
    if (entries.some(([n]) => n === 'manifest.json')) {
      try {
        manifest = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, 'manifest.json'))));
      } catch (error) {
        throw new ArchiveLoadError(vscode.l10n.t('The archive folder\'s manifest.json is not valid JSON: {0}', (error as Error).message));
      }
    }
    const name = uri.path.split('/').filter(Boolean).pop() ?? where;
    const bundle = buildBundle({ pages }, { name, manifest: manifest as never });
    return { archive: loadArchive(bundle), source: 'folder', location: where };
  }
  let data = await vscode.workspace.fs.readFile(uri);
  if (isGzip(data)) {
    try {
      data = await gunzip(data);
    } catch (error) {
      throw new ArchiveLoadError(vscode.l10n.t('The configured archive is not valid gzip: {0}', where));
    }
  }
  try {
    // Decoded and parsed in slices: a bundle of tens of megabytes would otherwise freeze the extension host for a second or more.
    return { archive: await loadArchiveAsync(await decodeInSlices(data)), source: 'file', location: where };
  } catch (error) {
    throw new ArchiveLoadError(vscode.l10n.t('The configured archive is not a valid Jianbao bundle ({0}): {1}', where, (error as Error).message));
  }
}
