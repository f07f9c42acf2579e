/**
 * Compact binary encodings for the serialised index, with no Node APIs (the
 * index must load in a service worker too): unsigned LEB128 varints and
 * base64 over Uint8Array (btoa/atob work on binary strings one character at a
 * time, several times slower on megabytes).
 */
import { fromCharCodes } from '../arrays.js';

export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  varint(value: number): void {
    this.ensure(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Reads a varint at `pos[0]`, advancing it. */
export function readVarint(bytes: Uint8Array, pos: { at: number }): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos.at++]!;
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return result;
    shift += 7;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes: number[] = [];
    for (let i = start; i < end; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const c = i + 2 < end ? bytes[i + 2]! : 0;
      codes.push(ALPHABET.charCodeAt(a >> 2), ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4)));
      codes.push(i + 1 < end ? ALPHABET.charCodeAt(((b & 15) << 2) | (c >> 6)) : 61, i + 2 < end ? ALPHABET.charCodeAt(c & 63) : 61);
    }
    parts.push(fromCharCodes(codes));
  }
  return parts.join('');
}

export function fromBase64(text: string): Uint8Array {
  const { out, len } = base64Target(text);
  decodeBase64Range(text, len, out, 0, len);
  return out;
}

/** The same in slices, yielding between them (for the async loader: no long block on a UI thread). */
export async function fromBase64Async(text: string, yieldNow: () => Promise<void>, slice = 1 << 21): Promise<Uint8Array> {
  const { out, len } = base64Target(text);
  for (let from = 0; from < len; from += slice) {
    decodeBase64Range(text, len, out, from, Math.min(len, from + slice));
    await yieldNow();
  }
  return out;
}

function base64Target(text: string): { out: Uint8Array; len: number } {
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61) len--;
  return { out: new Uint8Array(Math.floor((len * 3) / 4)), len };
}

/** Decodes characters [from, to) (from a multiple of 4) into their place in `out`. */
function decodeBase64Range(text: string, len: number, out: Uint8Array, from: number, to: number): void {
  let o = (from / 4) * 3;
  for (let i = from; i < to; i += 4) {
    const a = LOOKUP[text.charCodeAt(i)]!;
    const b = LOOKUP[text.charCodeAt(i + 1)]!;
    const c = i + 2 < len ? LOOKUP[text.charCodeAt(i + 2)]! : 0;
    const d = i + 3 < len ? LOOKUP[text.charCodeAt(i + 3)]! : 0;
    out[o++] = (a << 2) | (b >> 4);
    if (i + 2 < len) out[o++] = ((b & 15) << 4) | (c >> 2);
    if (i + 3 < len) out[o++] = ((c & 3) << 6) | d;
  }
}
