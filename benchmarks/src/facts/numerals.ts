// Chinese numerals for the planted-error set: writing a value (三十一, 一千二百) and reading one back.
const DIGITS = '零一二三四五六七八九';

/** An integer 0 < n < 10^8 in Chinese numerals as news prints them: 十五 (not 一十五), 一千零五, 三万二千. */
export function toChinese(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1e8) throw new Error(`toChinese: ${n}`);
  const below10k = (m: number, leadingTen: boolean): string => {
    const units = ['千', '百', '十', ''];
    const ds = String(m).padStart(4, '0').split('').map(Number);
    let out = '';
    let zero = false;
    ds.forEach((d, i) => {
      if (d === 0) {
        if (out) zero = true;
        return;
      }
      if (zero) out += '零';
      zero = false;
      const digit = d === 2 && !out && units[i] === '千' ? '两' : DIGITS[d]!;
      out += d === 1 && units[i] === '十' && !out && leadingTen ? '十' : digit + units[i]!;
    });
    return out;
  };
  if (n === 2) return '两'; // 两项, 两名: a bare 2 before a measure word
  if (n < 1e4) return below10k(n, true);
  const high = Math.floor(n / 1e4);
  const low = n % 1e4;
  return below10k(high, true) + '万' + (low ? (low < 1000 ? '零' : '') + below10k(low, false) : '');
}

/** The value of a Chinese numeral (三十, 两千, 一千二百, 八十七), or null. */
export function fromChinese(s: string): number | null {
  const d: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const u: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in d) digit = d[ch]!;
    else if (ch in u) {
      section += (digit < 0 ? 1 : digit) * u[ch]!;
      digit = -1;
    } else if (ch === '万' || ch === '亿') {
      section += Math.max(digit, 0);
      total += section * (ch === '万' ? 1e4 : 1e8);
      section = 0;
      digit = -1;
    } else return null;
  }
  return total + section + Math.max(digit, 0);
}
