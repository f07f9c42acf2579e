import { toMatchText, type MatchText } from './normalize.js';
import { fromCharCodes } from '../arrays.js';

/**
 * Formulas every Party-and-government paper prints again and again. In a
 * large archive their fingerprints are common by document frequency anyway;
 * this list makes them common in a small archive too (the seed archive holds
 * some of them only once or twice), so they are never reported as reuse.
 */
export const COMMON_PHRASES: readonly string[] = [
  '本报讯', '新华社北京电', '央视网消息（新闻联播）', '据新华社电',
  '以习近平新时代中国特色社会主义思想为指导', '习近平新时代中国特色社会主义思想',
  '以习近平同志为核心的党中央', '在以习近平同志为核心的党中央坚强领导下',
  '深入贯彻落实习近平总书记重要讲话重要指示精神', '习近平总书记重要讲话重要指示精神',
  '全面贯彻落实党的二十大和二十届二中、三中全会精神', '全面贯彻党的二十大精神', '党的二十届三中全会精神',
  '深入学习贯彻习近平总书记考察调研山西重要讲话重要指示精神',
  '深刻领悟“两个确立”的决定性意义', '增强“四个意识”、坚定“四个自信”、做到“两个维护”',
  '坚决做到“两个维护”', '捍卫“两个确立”、做到“两个维护”',
  '推动高质量发展', '以中国式现代化全面推进中华民族伟大复兴', '中华民族伟大复兴', '中国式现代化',
  '全面从严治党', '坚持稳中求进工作总基调', '完整准确全面贯彻新发展理念', '加快构建新发展格局',
  '为全方位推动高质量发展贡献力量', '奋力谱写中国式现代化山西篇章', '铸牢中华民族共同体意识',
  '人民对美好生活的向往', '发展新质生产力', '因地制宜发展新质生产力',
];

let forms: string[] | undefined;

/** The phrases in matching form (longest first). */
function phraseForms(): string[] {
  forms ??= [...new Set(COMMON_PHRASES.map((p) => decodeAll(toMatchText(p))))].sort((a, b) => b.length - a.length);
  return forms;
}

function decodeAll(t: MatchText): string {
  return fromCharCodes(t.codes);
}

/** Marks `mask[i] = 1` for draft positions inside a listed formula. `flat` is the draft's matching text as a string. */
export function markCommonPhrases(flat: string, mask: Uint8Array): void {
  for (const phrase of phraseForms()) {
    for (let at = flat.indexOf(phrase); at >= 0; at = flat.indexOf(phrase, at + phrase.length)) mask.fill(1, at, at + phrase.length);
  }
}
