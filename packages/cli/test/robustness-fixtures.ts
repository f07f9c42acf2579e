/** Generated page fixtures for the robustness tests (written to temp folders, never committed). */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const seeds = resolve(__dirname, '../../../seeds');

/** The seed pages' paragraphs (blank-line separated blocks), the raw material for big realistic pages. */
export function seedParagraphs(): string[] {
  return readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(resolve(seeds, f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 20);
}

export const seedPage = (): string => readFileSync(resolve(seeds, '001_12edf369286b858f.txt'), 'utf8');

/**
 * A realistic page of about `bytes` UTF-8 bytes: markdown-headed stories made
 * of seed paragraphs, with numbers and a character varied per copy so no two
 * stories are identical (identical repeats would be dropped as layout repeats).
 */
export function bigPage(bytes: number): string {
  const paras = seedParagraphs();
  const VARY = '经济社会发展改革创新建设服务群众城乡';
  const out: string[] = [];
  let size = 0;
  for (let story = 0; size < bytes; story++) {
    const lines = [`# 第${story + 1}篇 ${VARY[story % VARY.length]}${VARY[(story * 7) % VARY.length]}报道`, ''];
    for (let k = 0; k < 6; k++) {
      const p = paras[(story * 6 + k) % paras.length]!;
      const varied = p.replace(/\d+/g, (d) => String(Number(d) + story)).replace(/市/, VARY[(story + k) % VARY.length]!);
      lines.push(varied, '');
    }
    const block = lines.join('\n');
    out.push(block);
    size += Buffer.byteLength(block, 'utf8');
  }
  return out.join('\n');
}
