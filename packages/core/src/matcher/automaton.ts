import { foldTable } from '../text/fold.js';
import { fromCharCodes } from '../arrays.js';

/**
 * An Aho–Corasick automaton laid out as a double-array trie: every state's
 * transitions live in two flat Int32Arrays (`check[base[s] + sym] === s`), so a
 * step is two array reads — no Map, no per-state objects, and the whole thing
 * serialises as a few typed arrays. Forms are stored folded (`foldText`), and
 * text is read through `symOf[code]`, which folds and maps to the automaton's
 * alphabet in one lookup: traditional, full-width and quote variants match for
 * free while offsets stay those of the original text.
 *
 * We do not use modern-ahocorasick at run time: it returns every overlapping
 * match as strings (not positions), and is slower than this layout (see the
 * matcher benchmark).
 */
export interface Automaton {
  /** Folded characters in symbol order: `alphabet[k - 1]` has symbol k (0 = not in any form). */
  alphabet: string;
  base: Int32Array;
  check: Int32Array;
  /** Failure link of each state. */
  fail: Int32Array;
  /** 1 + index of the longest form that ends at this state (itself or via failure links); 0 for none. */
  out: Int32Array;
  /** Length of the state's string (capped forms keep this ≤ MAX_FORM_LENGTH). */
  depth: Uint8Array;
}

/** Longer forms are not names; the cap keeps `depth` in a byte. */
export const MAX_FORM_LENGTH = 64;

interface Node {
  children: Map<number, Node>;
  form: number;
  index: number;
  depth: number;
}

/** Builds the automaton over forms that are already folded. Forms longer than MAX_FORM_LENGTH or empty are rejected. */
export function buildAutomaton(forms: readonly string[]): Automaton {
  // Symbols by descending frequency: frequent characters get small symbols, which packs the double array tighter.
  const freq = new Map<number, number>();
  for (const form of forms) {
    if (!form.length || form.length > MAX_FORM_LENGTH) throw new Error(`matcher form ${JSON.stringify(form)} must be 1–${MAX_FORM_LENGTH} characters`);
    for (let i = 0; i < form.length; i++) freq.set(form.charCodeAt(i), (freq.get(form.charCodeAt(i)) ?? 0) + 1);
  }
  const chars = [...freq.keys()].sort((a, b) => freq.get(b)! - freq.get(a)! || a - b);
  if (chars.length > 0xfffe) throw new Error('matcher alphabet too large');
  const symOfChar = new Map(chars.map((c, i) => [c, i + 1]));

  const root: Node = { children: new Map(), form: -1, index: 0, depth: 0 };
  forms.forEach((form, f) => {
    let node = root;
    for (let i = 0; i < form.length; i++) {
      const sym = symOfChar.get(form.charCodeAt(i))!;
      let next = node.children.get(sym);
      if (!next) {
        next = { children: new Map(), form: -1, index: -1, depth: node.depth + 1 };
        node.children.set(sym, next);
      }
      node = next;
    }
    if (node.form < 0) node.form = f; // duplicates: the first form wins
  });

  // Place states breadth-first (darts-style first fit with a moving start position).
  let size = Math.max(1024, chars.length * 2);
  let base = new Int32Array(size);
  let check = new Int32Array(size).fill(-1);
  const grow = (need: number) => {
    if (need < size) return;
    let next = size;
    while (next <= need) next *= 2;
    const b = new Int32Array(next);
    b.set(base);
    const c = new Int32Array(next).fill(-1);
    c.set(check);
    base = b;
    check = c;
    size = next;
  };
  check[0] = -2; // the root is nobody's child
  const order: Node[] = [root];
  let nextCheckPos = 1;
  let maxIndex = 0;
  for (let q = 0; q < order.length; q++) {
    const node = order[q]!;
    if (!node.children.size) continue;
    const syms = [...node.children.keys()].sort((a, b) => a - b);
    const first = syms[0]!;
    let pos = Math.max(nextCheckPos, first + 1);
    let occupied = 0;
    let b: number;
    for (;;) {
      grow(pos + syms[syms.length - 1]! - first + 1);
      if (check[pos] !== -1) {
        occupied++;
        pos++;
        continue;
      }
      b = pos - first;
      let ok = true;
      for (let k = 1; k < syms.length; k++) {
        if (check[b + syms[k]!] !== -1) {
          ok = false;
          break;
        }
      }
      if (ok) break;
      pos++;
    }
    // Skip ahead once the region is nearly full, so later searches do not rescan it.
    if (occupied / (pos - nextCheckPos + 1) >= 0.95) nextCheckPos = pos;
    base[node.index] = b;
    for (const sym of syms) {
      const child = node.children.get(sym)!;
      const t = b + sym;
      check[t] = node.index;
      child.index = t;
      if (t > maxIndex) maxIndex = t;
      order.push(child);
    }
  }

  // Arrays run to maxIndex + alphabet size, so `base[s] + sym` never reads past the end.
  let top = maxIndex;
  for (const node of order) top = Math.max(top, base[node.index]!);
  const length = top + chars.length + 2;
  grow(length);
  const fail = new Int32Array(length);
  const out = new Int32Array(length);
  const depth = new Uint8Array(length);
  const failNode = new Map<Node, Node>([[root, root]]);
  for (const node of order) {
    depth[node.index] = node.depth;
    const f = failNode.get(node)!;
    fail[node.index] = f.index;
    out[node.index] = node.form >= 0 ? node.form + 1 : node === root ? 0 : out[f.index]!;
    for (const [sym, child] of node.children) {
      let g = f;
      let target: Node | undefined;
      if (node !== root) {
        for (;;) {
          target = g.children.get(sym);
          if (target || g === root) break;
          g = failNode.get(g)!;
        }
      }
      failNode.set(child, target && target !== child ? target : root);
    }
  }
  return {
    alphabet: charsToString(chars),
    base: base.slice(0, length),
    check: check.slice(0, length),
    fail,
    out,
    depth,
  };
}

function charsToString(chars: number[]): string {
  return fromCharCodes(chars);
}

/** `symOf[code]` for every UTF-16 code unit: fold, then the automaton's symbol (0 when no form has it). */
export function symbolTable(alphabet: string): Uint16Array {
  const byFolded = new Uint16Array(0x10000);
  for (let i = 0; i < alphabet.length; i++) byFolded[alphabet.charCodeAt(i)] = i + 1;
  const fold = foldTable();
  const symOf = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) symOf[c] = byFolded[fold[c]!]!;
  return symOf;
}
