import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { MAX_BUNDLE_BYTES } from '@jianbao/core';
import { decodeText, TextDecodeError, type TextEncodingName } from '@jianbao/core';

/** Reads a file's bytes, transparently gunzipping `.gz` (or gzip magic); missing files get a one-line error. */
export async function readFileBytes(path: string, what = 'file'): Promise<Buffer> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${what} not found: ${path}`);
    if (code === 'EISDIR') throw new Error(`${what} is a folder, expected a file: ${path}`);
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`cannot read ${what} ${path}: permission denied`);
    throw new Error(`cannot read ${what} ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (path.endsWith('.gz') || (data[0] === 0x1f && data[1] === 0x8b)) {
    try {
      // Inflation stops at the cap: a gzip bomb is refused before gigabytes are allocated or a string is built.
      data = gunzipSync(data, { maxOutputLength: MAX_BUNDLE_BYTES });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`${what} ${path} ${tooLarge('unpacks to')}`);
      const message = (error as Error).message;
      const why = /unexpected end/i.test(message) ? 'it is truncated (cut off before its end)' : message;
      throw new Error(`${what} ${path} is not valid gzip: ${why}`);
    }
  }
  if (data.length > MAX_BUNDLE_BYTES) throw new Error(`${what} ${path} ${tooLarge('is')}`);
  return data;
}

const tooLarge = (verb: string) => `${verb} more than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB, the most Jianbao reads from one file: refused`;

/** Reads a UTF-8 file (a bundle, a .jsonl import). */
export async function readTextFile(path: string, what = 'file'): Promise<string> {
  return (await readFileBytes(path, what)).toString('utf8');
}

/**
 * Reads a file people write by hand or export from newsroom systems (pages,
 * manifest.json, terms.txt): UTF-8, UTF-16 with BOM, GB18030/GBK or Big5 (core's decodeText), decoded
 * exactly; binary data or undecodable bytes are an error naming the file.
 */
export async function readHumanTextFile(path: string, what = 'file'): Promise<{ text: string; encoding: TextEncodingName }> {
  const bytes = await readFileBytes(path, what);
  try {
    return decodeText(bytes);
  } catch (error) {
    if (error instanceof TextDecodeError) throw new Error(`${what} ${path} ${error.message}`);
    throw error;
  }
}
