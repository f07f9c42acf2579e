/**
 * Base64 for typed arrays, in plain TypeScript: the matcher section must load
 * in Node, a service worker, a content script and VS Code alike (no Buffer,
 * and atob's binary strings are slow for megabytes). Byte order is the
 * platform's, little-endian on every host Jianbao runs on; `loadMatcher`
 * refuses a big-endian host rather than read garbage.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | ((i + 1 < n ? bytes[i + 1]! : 0) << 8);
    chunk += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + (i + 1 < n ? ALPHABET[(v >> 6) & 63]! : '=') + '=';
  }
  parts.push(chunk);
  return parts.join('');
}

/**
 * Decodes four characters to three bytes per step through a 256-entry table
 * (the matcher's arrays are ~1 MB, and the content script decodes them on
 * every page load): invalid characters map to 255 and are caught once per
 * quad, so the common path has no branch per character.
 */
export function decodeBase64(text: string, what: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  if (text.length % 4 !== 0 || text.length - end > 2) throw new Error(`${what}: not valid base64 (length ${text.length})`);
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  const full = end & ~3;
  const d = DECODE8;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const a = d[text.charCodeAt(i)]!;
    const b = d[text.charCodeAt(i + 1)]!;
    const c = d[text.charCodeAt(i + 2)]!;
    const e = d[text.charCodeAt(i + 3)]!;
    if ((a | b | c | e) > 63) throw invalidAt(text, i, what);
    const v = (a << 18) | (b << 12) | (c << 6) | e;
    out[o] = v >> 16;
    out[o + 1] = (v >> 8) & 0xff;
    out[o + 2] = v & 0xff;
    o += 3;
  }
  let acc = 0;
  let bits = 0;
  for (let i = full; i < end; i++) {
    const v = d[text.charCodeAt(i)]!;
    if (v > 63) throw invalidAt(text, i, what);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Every UTF-16 code unit to its 6-bit value, 255 for not base64. */
const DECODE8 = new Uint8Array(0x10000).fill(255);
for (let i = 0; i < ALPHABET.length; i++) DECODE8[ALPHABET.charCodeAt(i)] = i;

function invalidAt(text: string, from: number, what: string): Error {
  let i = from;
  while (i < text.length && DECODE8[text.charCodeAt(i)]! <= 63) i++;
  return new Error(`${what}: not valid base64 (character ${JSON.stringify(text[i])} at ${i})`);
}

export const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function int32ToBase64(a: Int32Array): string {
  return encodeBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

export function base64ToInt32(text: string, what: string): Int32Array {
  const bytes = decodeBase64(text, what);
  if (bytes.length % 4 !== 0) throw new Error(`${what}: ${bytes.length} bytes is not a whole number of 32-bit values`);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}
