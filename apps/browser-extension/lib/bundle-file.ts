/**
 * The text of a bundle file the user imports: plain .json, or .json.gz as
 * `jianbao build --out x.json.gz` writes it (gzip recognised by its magic
 * bytes, whatever the name), inflated with the browser's DecompressionStream.
 * Inflation stops at MAX_BUNDLE_BYTES, as the CLI's does: a gzip bomb is
 * refused before it fills memory.
 */
import { MAX_BUNDLE_BYTES } from '@jianbao/core';

/** Why a file could not be read, as a message key of the options page (the caller words it in the UI language). */
export class BundleFileError extends Error {
  constructor(readonly key: 'optionsImportNotGzip' | 'optionsImportTooLarge') {
    super(key);
  }
}

export async function readBundleFile(file: Blob, limit = MAX_BUNDLE_BYTES): Promise<string> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    if (file.size > limit) throw new BundleFileError('optionsImportTooLarge');
    return file.text();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw new BundleFileError('optionsImportTooLarge');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BundleFileError) throw error;
    throw new BundleFileError('optionsImportNotGzip'); // truncated or corrupt: the browser's own message is not shown
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
