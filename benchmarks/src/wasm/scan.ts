import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import type { loadMatcher } from '@jianbao/core';

/** The tables a loaded matcher scans with (private fields of core's DoubleArrayMatcher, read here to run the same data in WebAssembly). */
interface MatcherTables {
  symOf: Uint16Array;
  bc: Int32Array;
  filter: { bits: Int32Array };
}

export interface WasmScan {
  /** The whole scan; the text is copied into the module's memory first (included). Returns the match count. */
  scan(text: string): number;
  /** The start test alone over the whole text, copy included: how many candidates pass. */
  filterOnly(text: string): number;
}

const CHUNK = 4096;

/** The little of the WebAssembly JS API used here (this package's TypeScript libs have no WebAssembly types). */
declare const WebAssembly: {
  instantiate(bytes: Uint8Array): Promise<{ instance: { exports: Record<string, unknown> } }>;
};
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

/**
 * Jianbao's scan compiled to WebAssembly (scan.wat, assembled here with wabt),
 * over a loaded matcher's own tables: a measurement of how far the algorithm
 * sits from the floor once V8's per-access checks are gone. Not shipped.
 */
export async function wasmScan(matcher: ReturnType<typeof loadMatcher>, maxChars: number): Promise<WasmScan> {
  const tables = matcher as unknown as Partial<MatcherTables>;
  if (!(tables.symOf instanceof Uint16Array) || !(tables.bc instanceof Int32Array) || !(tables.filter?.bits instanceof Int32Array)) {
    throw new Error('wasm scan: the matcher no longer has symOf, bc and filter.bits (update benchmarks/src/wasm/scan.ts)');
  }
  const { symOf, bc } = tables as MatcherTables;
  const bits = tables.filter.bits;
  const wabt = await wabtInit();
  const wat = wabt.parseWat('scan.wat', readFileSync(new URL('./scan.wat', import.meta.url), 'utf8'));
  const { buffer } = wat.toBinary({});
  wat.destroy();
  const { instance } = await WebAssembly.instantiate(buffer);
  const memory = instance.exports.memory as WasmMemory;
  const exports = instance.exports as unknown as {
    scan(t: number, n: number, bits: number, sym: number, bc: number, cand: number, out: number): number;
    filter(t: number, from: number, stop: number, bits: number, cand: number): number;
  };
  const bitsAt = 0;
  const symAt = bitsAt + bits.byteLength;
  const bcAt = symAt + symOf.byteLength;
  const candAt = bcAt + bc.byteLength;
  const textAt = candAt + CHUNK * 4;
  const outAt = textAt + (maxChars + 2) * 2;
  const size = outAt + Math.ceil(maxChars / 2) * 12;
  memory.grow(Math.ceil((size - memory.buffer.byteLength) / 65536));
  new Int32Array(memory.buffer, bitsAt, bits.length).set(bits);
  new Uint16Array(memory.buffer, symAt, symOf.length).set(symOf);
  new Int32Array(memory.buffer, bcAt, bc.length).set(bc);
  const units = Buffer.from(memory.buffer, textAt, (maxChars + 1) * 2);
  /** Node's Buffer.write copies a flat two-byte string's units in one memcpy; a 0 unit follows as the filter's sentinel. */
  const copy = (text: string) => {
    if (text.length > maxChars) throw new Error(`wasm scan: text of ${text.length} units, room for ${maxChars}`);
    units.write(text, 0, 'utf16le');
    units.writeUInt16LE(0, text.length * 2);
  };
  return {
    scan(text) {
      copy(text);
      return exports.scan(textAt, text.length, bitsAt, symAt, bcAt, candAt, outAt);
    },
    filterOnly(text) {
      copy(text);
      let passed = 0;
      for (let from = 0; from < text.length - 1; from += CHUNK) passed += exports.filter(textAt, from, Math.min(from + CHUNK, text.length - 1), bitsAt, candAt);
      return passed;
    },
  };
}
