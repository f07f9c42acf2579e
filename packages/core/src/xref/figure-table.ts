import { context, leadOf, notAQuantity, trailOf } from './figure-context.js';
import type { FigureMatch } from './quantity-scan.js';

/**
 * Every archive figure's offset, unit and the few characters around it that decide whether a draft figure can be
 * about the same thing (numbers.ts sameFacts: the last 2 of its lead, the first 3 of its trail, the last / first
 * 6 of its context). Made with the fact index, from the same scan of each article (prepareCrossReference): a check
 * then folds, scans and describes only the figures of a nearby article that pass that test, not every figure of
 * every article it touches (a first check of a 5,000-character xwlb draft touched ~130 articles, most of its time).
 * ~40 bytes a figure.
 */
export interface FigureTable {
  /** Figures of article d: [starts[d], starts[d + 1]). */
  starts: Uint32Array;
  /** The figure's offset in the article's body. */
  at: Uint32Array;
  /** Index into `units`. */
  unit: Uint16Array;
  /** 1: vague (FigureMatch.vague); 2: no quantity (part of a longer number, an ordinal). */
  flags: Uint8Array;
  /** KEY code units a figure: lead's last 2, trail's first 3, before's last 6, after's first 6 (0: none). */
  keys: Uint16Array;
  units: string[];
  unitIds: Map<string, number>;
}

const LEAD = 2;
const TRAIL = 3;
const CTX = 6;
export const KEY = LEAD + TRAIL + 2 * CTX;
export const VAGUE = 1;
export const NO_QUANTITY = 2;

/** Writes the key of a figure (lead, trail, before, after as described): the last chars right-aligned, the first left-aligned. */
export function writeKey(out: Uint16Array, o: number, lead: string, trail: string, before: string, after: string): void {
  for (let k = 0; k < LEAD; k++) out[o + LEAD - 1 - k] = k < lead.length ? lead.charCodeAt(lead.length - 1 - k) : 0;
  for (let k = 0; k < TRAIL; k++) out[o + LEAD + k] = k < trail.length ? trail.charCodeAt(k) : 0;
  for (let k = 0; k < CTX; k++) out[o + LEAD + TRAIL + CTX - 1 - k] = k < before.length ? before.charCodeAt(before.length - 1 - k) : 0;
  for (let k = 0; k < CTX; k++) out[o + LEAD + TRAIL + CTX + k] = k < after.length ? after.charCodeAt(k) : 0;
}

/** A draft figure's side of the test: its key and how many characters of each part it has. */
export interface FigureProbe {
  key: Uint16Array;
  lead: number;
  trail: number;
  before: number;
  after: number;
}

export function probeOf(q: { lead: string; trail: string; before: string; after: string }): FigureProbe {
  const key = new Uint16Array(KEY);
  writeKey(key, 0, q.lead, q.trail, q.before, q.after);
  return { key, lead: q.lead.length, trail: q.trail.length, before: Math.min(CTX, q.before.length), after: Math.min(CTX, q.after.length) };
}

/**
 * Exactly sameFacts' test `leadAgree >= 2 || trailAgree >= 3 || ctx >= 6` on the stored characters: a common end of
 * two leads of at least 2 is the same last 2 (content characters are never 0), and a common context of 6 needs no
 * more than 6 on either side.
 */
export function mayBeSameFact(table: FigureTable, f: number, p: FigureProbe): boolean {
  const k = table.keys;
  const o = f * KEY;
  const q = p.key;
  if (p.lead >= LEAD && k[o] === q[0] && k[o + 1] === q[1]) return true;
  if (p.trail >= TRAIL && k[o + 2] === q[2] && k[o + 3] === q[3] && k[o + 4] === q[4]) return true;
  let ctx = 0;
  for (let i = 0; i < p.before && k[o + LEAD + TRAIL + CTX - 1 - i] === q[LEAD + TRAIL + CTX - 1 - i]; i++) ctx++;
  for (let i = 0; i < p.after && k[o + LEAD + TRAIL + CTX + i] === q[LEAD + TRAIL + CTX + i]; i++) ctx++;
  return ctx >= CTX;
}

/** Collects the table article by article (in article order). */
export class FigureTableBuilder {
  private at: number[] = [];
  private unit: number[] = [];
  private flags: number[] = [];
  private keys: number[] = [];
  private starts: number[] = [0];
  private units: string[] = [];
  private unitIds = new Map<string, number>();
  private scratch = new Uint16Array(KEY);

  /** The figures of the next article (its folded body, scanned whole). */
  add(folded: string, figures: readonly FigureMatch[]): void {
    for (const m of figures) {
      let id = this.unitIds.get(m.unit);
      if (id === undefined) {
        this.unitIds.set(m.unit, (id = this.units.length));
        this.units.push(m.unit);
      }
      this.at.push(m.index);
      this.unit.push(id);
      const none = notAQuantity(folded, m.index);
      this.flags.push((m.vague ? VAGUE : 0) | (none ? NO_QUANTITY : 0));
      if (none) this.scratch.fill(0);
      else writeKey(this.scratch, 0, leadOf(folded, m.index), trailOf(folded, m.end), context(folded, m.index, -1), context(folded, m.end, 1));
      for (let k = 0; k < KEY; k++) this.keys.push(this.scratch[k]!);
    }
    this.starts.push(this.at.length);
  }

  build(): FigureTable {
    return {
      starts: Uint32Array.from(this.starts), at: Uint32Array.from(this.at), unit: Uint16Array.from(this.unit),
      flags: Uint8Array.from(this.flags), keys: Uint16Array.from(this.keys), units: this.units, unitIds: this.unitIds,
    };
  }
}
