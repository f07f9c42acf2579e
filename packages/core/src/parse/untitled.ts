/**
 * Generated titles for items printed without a headline, marked
 * `（无标题）` (the article's `titleInferred` is true): a photo caption
 * (`（无标题）图片：……`), a speech (`（无标题）元宵新春联谊会致辞`: the
 * festival and the gathering it names, + 致辞), else the opening words.
 */
import { LEAD_RE } from './lines.js';

export const UNTITLED = '（无标题）';

const FESTIVALS = ['元宵', '春节', '中秋', '端午', '重阳', '清明', '七夕', '国庆', '元旦', '新春', '新年', '五一', '三八', '七一'];
const GATHERING_RE = /(?:举办|举行|召开|参加|出席|欢聚)(?:了|的)?([\p{Script=Han}]{2,8}?(?:联谊会|座谈会|茶话会|招待会|团拜会|见面会|恳谈会|推介会|年会|晚会|大会|典礼|仪式|论坛|峰会))/u;

/** First-person address to an audience: a speech. */
export function looksLikeSpeech(paragraphs: string[]): boolean {
  const text = paragraphs.join('');
  const firstPerson = (text.match(/我们|我想|我代表|我谨/g) ?? []).length;
  const audience = /大家|同志们|朋友们|各位|诸位/.test(text);
  return firstPerson >= 2 && audience;
}

function opening(text: string, max = 24): string {
  const t = text
    .replace(LEAD_RE, '').replace(/^\s*[（(][^）)]{0,30}[）)]\s*/u, '')
    .replace(/^\s*(近日|日前|连日来|目前|\d{1,2}\s*月\s*\d{1,2}\s*日)[，,]\s*/u, '')
    .trim();
  const clause = t.split(/[，,。；;！？]/u)[0] ?? t;
  return [...clause].length > max ? `${[...clause].slice(0, max).join('')}…` : clause;
}

export function untitledTitle(paragraphs: string[], photo: boolean): string {
  const first = paragraphs[0] ?? '';
  if (photo) return `${UNTITLED}图片：${opening(first)}`;
  if (looksLikeSpeech(paragraphs)) {
    const text = paragraphs.join('');
    const festival = FESTIVALS.find((f) => text.slice(0, 200).includes(f)) ?? '';
    const gathering = GATHERING_RE.exec(text)?.[1] ?? '';
    const occasion = gathering.startsWith(festival) ? gathering : festival + gathering;
    return `${UNTITLED}${occasion || opening(first, 12)}致辞`;
  }
  return `${UNTITLED}${opening(first)}`;
}
