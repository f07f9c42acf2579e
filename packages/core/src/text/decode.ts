/**
 * Page files come from many newsroom systems: UTF-8 (with or without a BOM),
 * UTF-16 with a BOM (Windows Notepad), GBK/GB18030 (mainland systems) and
 * Big5 (Hong Kong and Taiwan). This decodes them exactly — never by silently
 * replacing bytes — or says what is wrong. Uses only TextDecoder (Node with
 * full ICU, browsers, VS Code), so every host reads pages alike.
 *
 * GBK and Big5 are both double-byte encodings over the same byte ranges, so
 * most Big5 text is also valid GBK (and the reverse): decoding with the wrong
 * one gives mojibake without an error. They are told apart by where their
 * common characters lie: GB2312's 3,755 level-1 characters (the common ones)
 * are leads 0xB0–0xD7 with trails 0xA1–0xFE, its punctuation 0xA1–0xA3; Big5's
 * 5,401 common characters are leads 0xA4–0xC6, its punctuation 0xA1–0xA3, and
 * 40% of Big5 characters have a trail byte 0x40–0x7E, which in GBK is the rare
 * extension area. Each reading is scored by the share of its characters that
 * are common in it; the higher wins, GB18030 on a tie.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export class TextDecodeError extends Error {}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

declare class TextDecoder {
  constructor(label: string, options?: { fatal?: boolean });
  decode(input: Uint8Array): string;
}

/** Control characters that do not occur in text (everything in C0 but tab, newline, form feed, carriage return; DEL; C1). */
function isBinaryControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
}

/** Decodes a text file's bytes; throws TextDecodeError (one line) for binary data or bytes in no encoding it reads. */
export function decodeText(bytes: Uint8Array): DecodedText {
  let decoded: DecodedText | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = tryDecode(bytes, 'utf-16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = tryDecode(bytes, 'utf-16be');
  else decoded = tryDecode(bytes, 'utf-8') ?? decodeDoubleByte(bytes);
  if (!decoded) {
    if (looksBinary(bytes)) throw new TextDecodeError('is not a text file (binary data)');
    const at = firstInvalidUtf8(bytes);
    throw new TextDecodeError(
      `is neither UTF-8, GB18030/GBK nor Big5 text (invalid byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at}): re-save it as UTF-8`,
    );
  }
  // Valid UTF-8 can still be binary (a run of NULs, say); a stray control character in text is left for the parser.
  let controls = 0;
  for (let i = 0; i < decoded.text.length; i++) if (isBinaryControl(decoded.text.charCodeAt(i))) controls++;
  if (controls > 8 && controls > decoded.text.length * 0.01) throw new TextDecodeError('is not a text file (binary data)');
  return decoded;
}

/** Bytes that are not UTF-8: GB18030 or Big5, whichever decodes and reads as common text (see above). */
function decodeDoubleByte(bytes: Uint8Array): DecodedText | null {
  const gb = tryDecode(bytes, 'gb18030');
  const big5 = tryDecode(bytes, 'big5');
  if (!gb || !big5) return gb ?? big5;
  return chineseEncoding(bytes) === 'big5' ? big5 : gb;
}

/** Which double-byte encoding these bytes read as more common text in. */
export function chineseEncoding(bytes: Uint8Array): 'gb18030' | 'big5' {
  return commonShare(bytes, 'big5') > commonShare(bytes, 'gb18030') ? 'big5' : 'gb18030';
}

/** The share of double-byte characters that are punctuation or common characters when the bytes are read in `encoding`. */
function commonShare(bytes: Uint8Array, encoding: 'gb18030' | 'big5'): number {
  let all = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x81 || lead === 0xff) {
      i++;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    if (encoding === 'gb18030' && trail >= 0x30 && trail <= 0x39) {
      i += 4; // a four-byte GB18030 sequence: rare characters
      all++;
      continue;
    }
    all++;
    if (encoding === 'gb18030') {
      if (trail >= 0xa1 && trail <= 0xfe && ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xd7))) common++;
    } else if ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe)) {
      if (lead >= 0xa1 && lead <= 0xc6) common++;
    }
    i += 2;
  }
  return all ? common / all : 0;
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
