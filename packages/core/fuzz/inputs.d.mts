export interface FuzzInput {
  entry: 'bundle' | 'page' | 'xref';
  name: string;
  input: string;
  /** A bundle object the worker writes with serializeBundle (checksums match the damage). */
  reseal?: boolean;
  /** Load with loadArchiveAsync instead of loadArchive. */
  async?: boolean;
}
export function rng(seed: number): { next(): number; int(n: number): number; pick<T>(list: readonly T[]): T };
export function randomText(r: ReturnType<typeof rng>, size: number): string;
export function makeInputs(seed: number, count: number, sources: { bundles: string[]; pages: string[] }): FuzzInput[];
export function probes(scale?: number): FuzzInput[];
