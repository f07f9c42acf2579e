/**
 * Page files come from many newsroom systems: UTF-8 (with or without a BOM),
 * UTF-16 with a BOM (Windows Notepad), and GBK/GB18030 (older Chinese
 * systems). This decodes them exactly — never by silently replacing bytes —
 * or says what is wrong. TextDecoder's gb18030 (a superset of GBK and GB2312)
 * ships with Node's full ICU.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export class TextDecodeError extends Error {}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Control characters that do not occur in text (everything in C0 but tab, newline, form feed, carriage return; DEL; C1). */
function isBinaryControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
}

/** Decodes a text file's bytes; throws TextDecodeError (one line) for binary data or bytes that are neither UTF-8 nor GB18030. */
export function decodeText(bytes: Uint8Array): DecodedText {
  let decoded: DecodedText | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = tryDecode(bytes, 'utf-16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = tryDecode(bytes, 'utf-16be');
  else decoded = tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'gb18030');
  if (!decoded) {
    if (looksBinary(bytes)) throw new TextDecodeError('is not a text file (binary data)');
    const at = firstInvalidUtf8(bytes);
    throw new TextDecodeError(
      `is neither UTF-8 nor GB18030/GBK text (invalid byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at}): re-save it as UTF-8`,
    );
  }
  // Valid UTF-8 can still be binary (a run of NULs, say); a stray control character in text is left for the parser.
  let controls = 0;
  for (let i = 0; i < decoded.text.length; i++) if (isBinaryControl(decoded.text.charCodeAt(i))) controls++;
  if (controls > 8 && controls > decoded.text.length * 0.01) throw new TextDecodeError('is not a text file (binary data)');
  return decoded;
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): DecodedText | null {
  try {
    // fatal: a byte that does not decode is an error, not a silent U+FFFD. The BOM is dropped.
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return null;
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) if (bytes[i]! < 0x20 && isBinaryControl(bytes[i]!)) controls++;
  return controls > n * 0.01;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!len) return i;
    for (let k = 1; k < len; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}
