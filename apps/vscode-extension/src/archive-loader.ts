/**
 * Loads the archive named by the `jianbao.archive` setting: empty → the bundled
 * default; a bundle file (.json or .json.gz) → that bundle; a folder → its OCR
 * pages (.txt/.md, optional manifest.json) parsed by core, in slices, each page
 * decoded as UTF-8, UTF-16, GB18030/GBK or Big5 (core's decodeText). Files are read
 * through vscode.workspace.fs (never Node's fs) so this runs in the web
 * extension host too; gzip is undone with the standard DecompressionStream.
 */
import * as vscode from 'vscode';
import { buildBundleAsync, decodeText, loadArchiveAsync, loadArchivePiecesAsync, MAX_BUNDLE_BYTES, yieldToHost, type Archive } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';

export type ArchiveSource = 'default' | 'file' | 'folder';

export interface LoadedArchive {
  archive: Archive;
  source: ArchiveSource;
  /** The file or folder it came from; empty for the default. */
  location: string;
  /** Folder mode: one line per page that was not UTF-8 (read as GB18030, Big5, UTF-16) or could not be read (skipped). */
  notes?: string[];
  /** Damaged optional sections that core dropped and rebuilds from the articles (one line each), for the user. */
  warnings?: string[];
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

/** Bytes handed to the decompressor or the decoder at a time, and the work between yields (ms). */
const PIECE = 1 << 20;
/** What the decompressor is fed at a time: small, so stopping at the size limit leaves little to drain. */
const FEED = 1 << 16;
const SLICE_MS = 8;

/** Collects text pieces, yielding to the event loop whenever SLICE_MS of work has passed. */
class SlicedText {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly parts: string[] = [];
  private sliceStart = performance.now();

  async add(bytes: Uint8Array): Promise<void> {
    this.parts.push(this.decoder.decode(bytes, { stream: true }));
    if (performance.now() - this.sliceStart >= SLICE_MS) {
      await yieldToHost();
      this.sliceStart = performance.now();
    }
  }

  /**
   * The text in pieces, never joined: core parses a bundle from them (loadArchivePiecesAsync). Joined into one
   * string, the xwlb bundle (50 million characters, two bytes each) froze the extension host for ~290 ms, almost
   * all of it kernel time (process.cpuUsage: 270 ms system, 12 ms user): page faults on the fresh 100 MB string.
   */
  finish(): string[] {
    this.parts.push(this.decoder.decode());
    return this.parts;
  }
}

/** A gzip stream that inflates past the limit (a gzip bomb): stopped there, before more is allocated. */
export class GzipTooLargeError extends Error {
  override name = 'GzipTooLargeError';
  constructor(readonly limit: number) {
    super(`gzip output over ${limit} bytes`);
  }
}

/**
 * Gunzips and decodes to text piece by piece, as the decompressor hands its
 * output over: never the whole output as bytes, nor as one string. Measured in the extension host
 * on the 26.8 MB xwlb bundle (72 MB unzipped): `new Response(new Blob([data])
 * .stream().pipeThrough(…)).arrayBuffer()` froze it for 350–430 ms in one piece
 * (copying the input into a Blob, then concatenating the output chunks), and
 * decoding the result 4 MB at a time for up to ~90 ms a piece.
 */
export async function gunzipToPieces(data: Uint8Array, limit = MAX_BUNDLE_BYTES): Promise<string[]> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  let stop = false;
  const writing = (async () => {
    for (let i = 0; i < data.length && !stop; i += FEED) await writer.write(data.subarray(i, i + FEED) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  writing.catch(() => undefined); // a gzip error reaches the reader too, which reports it
  const reader = stream.readable.getReader();
  const text = new SlicedText();
  // The CLI's cap (MAX_BUNDLE_BYTES) on what one file may inflate to: a 300 KB gzip bomb unpacks to 300 MB and more.
  let inflated = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    inflated += value.byteLength;
    if (inflated > limit) {
      // Stop feeding and drain what was fed, never reader.cancel(): Node's zlib-backed stream may still enqueue
      // after a cancel, an uncatchable ERR_INVALID_STATE ("Controller is already closed") seen under load.
      // Fed FEED bytes at a time, the drain inflates at most a few pieces (≤ 64 MB each at zlib's 1,032:1).
      stop = true;
      try {
        while (!(await reader.read()).done);
      } catch {
        // a damaged stream past the limit: the limit is the answer
      }
      await writing.catch(() => undefined);
      throw new GzipTooLargeError(limit);
    }
    await text.add(value);
  }
  await writing;
  return text.finish();
}

/** UTF-8 to text a piece at a time, yielding between slices (4 MB pieces took up to ~90 ms each). */
async function decodeInSlices(data: Uint8Array): Promise<string[]> {
  const text = new SlicedText();
  for (let i = 0; i < data.length; i += PIECE) await text.add(data.subarray(i, i + PIECE));
  return text.finish();
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
    const pages: { name: string; text: string }[] = [];
    const notes: string[] = [];
    for (const name of names) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, name));
      try {
        const { text, encoding } = decodeText(bytes);
        pages.push({ name, text });
        if (encoding !== 'utf-8') notes.push(`${name}: read as ${encoding.toUpperCase()}`);
      } catch (error) {
        notes.push(`${name}: skipped, it ${(error as Error).message}`);
      }
      await yieldToHost();
    }
    if (!pages.length) throw new ArchiveLoadError(vscode.l10n.t('No page in the archive folder could be read: {0}', where));
    let manifest: unknown;
    if (entries.some(([n]) => n === 'manifest.json')) {
      try {
        manifest = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, 'manifest.json'))));
      } catch (error) {
        throw new ArchiveLoadError(vscode.l10n.t('The archive folder\'s manifest.json is not valid JSON: {0}', (error as Error).message));
      }
    }
    const name = uri.path.split('/').filter(Boolean).pop() ?? where;
    // In slices: 300 pages built in one piece froze the extension host for most of a second.
    const bundle = await buildBundleAsync({ pages }, { name, manifest: manifest as never });
    return { archive: await loadArchiveAsync(bundle), source: 'folder', location: where, notes };
  }
  const megabytes = Math.round(MAX_BUNDLE_BYTES / 1024 / 1024);
  if (stat.size > MAX_BUNDLE_BYTES) {
    throw new ArchiveLoadError(vscode.l10n.t('The configured archive {0} is larger than {1} MB, the most Jianbao reads from one file: refused.', where, megabytes));
  }
  const data = await vscode.workspace.fs.readFile(uri);
  let text: string[];
  if (isGzip(data)) {
    try {
      text = await gunzipToPieces(data);
    } catch (error) {
      if (error instanceof GzipTooLargeError) {
        throw new ArchiveLoadError(vscode.l10n.t('The configured archive {0} unpacks to more than {1} MB, the most Jianbao reads from one file: refused.', where, megabytes));
      }
      throw new ArchiveLoadError(vscode.l10n.t('The configured archive is not valid gzip: {0}', where));
    }
  } else text = await decodeInSlices(data);
  try {
    // Decoded and parsed in slices: a bundle of tens of megabytes would otherwise freeze the extension host for a second or more.
    const warnings: string[] = [];
    const archive = await loadArchivePiecesAsync(text, { onWarning: (w) => warnings.push(w) });
    return { archive, source: 'file', location: where, warnings };
  } catch (error) {
    throw new ArchiveLoadError(vscode.l10n.t('The configured archive is not a valid Jianbao bundle ({0}): {1}', where, (error as Error).message));
  }
}
