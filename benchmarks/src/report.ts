/** A suite's output: markdown tables and notes, collected into one report. */
export interface SuiteResult {
  title: string;
  /** Markdown body (tables, notes). */
  body: string;
  /** Set when the suite could not run (e.g. ../shared absent), with the reason. */
  skipped?: string;
}

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fmt = (n: number, digits = 3) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const ratio = (ours: number, peer: number) => (peer > 0 ? `${(ours / peer).toFixed(2)}×` : 'n/a');

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
