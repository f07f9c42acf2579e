// Fuzz inputs for the three entry points (bundle loading, page parsing, xref), from a fixed seed:
// random text over the characters these parsers care about, mutations of valid bundles and seed
// pages, and targeted probes (long digit runs, deep nesting, giant lines, repeated characters).
// Plain JavaScript: the unit test, `pnpm bench fuzz` and the worker all load it as is.

/** A small, fast PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick };
}

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const PUNCT = '，。、；：？！“”‘’（）《》【】—…·「」『』';
const DIGITS = '0123456789０１２３４５６７８９';
const ASCII = 'abcxyzABC #*-_[]()<>/\\:;,."\'`{}|=+%&$@!?~^';
const SPACE = [' ', '\n', '\n\n', '\r\n', '\t', '\u3000', '\u00a0', '\u2028'];
const ODD = ['\u0000', '\u200b', '\u202e', '\ufeff', '\ud800', '\udfff', '\ud83d\ude00', '\u0301', '\u001b[2J', '\uffff'];
const WORDS = ['本报讯', '本报记者', '记者', '通讯员', '年', '月', '日', '2月13日', '2024年2月30日', '市委书记', '县长', '第', '版', '（上接第1版）', '（下转第2版）', '新华社北京', '电', '# ', '## ', '**', '> ', '- ', '1. ', '|', '---', '[图]', '图为', '摄', '责任编辑', '万元', '亿元', '%', '个', '千万工程', '集大原高铁', '晋中', '山西省', '同志', '强调', '指出'];

/** A random string of about `size` code units, mixing Chinese, punctuation, digits, words, space and odd characters. */
export function randomText(r, size) {
  const parts = [];
  let n = 0;
  while (n < size) {
    const k = r.int(100);
    let piece;
    if (k < 40) piece = Array.from({ length: 1 + r.int(12) }, () => HAN[r.int(HAN.length)]).join('');
    else if (k < 52) piece = PUNCT[r.int(PUNCT.length)];
    else if (k < 62) piece = Array.from({ length: 1 + r.int(r.next() < 0.1 ? 400 : 6) }, () => DIGITS[r.int(DIGITS.length)]).join('');
    else if (k < 78) piece = r.pick(WORDS);
    else if (k < 90) piece = r.pick(SPACE);
    else if (k < 96) piece = ASCII[r.int(ASCII.length)];
    else piece = r.pick(ODD);
    parts.push(piece);
    n += piece.length;
  }
  return parts.join('');
}

/** A random JSON value of bounded size: a bundle's members replaced by these test every type check. */
function randomValue(r, depth = 0) {
  const k = r.int(depth > 3 ? 6 : 9);
  if (k === 0) return null;
  if (k === 1) return r.next() < 0.5;
  if (k === 2) return r.pick([0, -1, 1e308, -0.5, 2 ** 53, 7, NaN === NaN ? 0 : 3]);
  if (k === 3) return randomText(r, r.int(40));
  if (k === 4) return '';
  if (k === 5) return r.pick(['AAAA', '////', '====', 'A'.repeat(1 + r.int(5000)), '2024-02-31', '\u0000']);
  if (k === 6) return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1));
  if (k === 7) return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(['id', 'title', 'text', 'iso', 'base', 'x', '__proto__', 'length']), randomValue(r, depth + 1)]));
  return r.pick([[], {}, [[[]]], { text: 'x' }]);
}

/** Every [parent, key] in a JSON value, breadth first, at most `limit` of them. */
function paths(value, limit = 4000) {
  const out = [];
  const queue = [value];
  while (queue.length && out.length < limit) {
    const v = queue.shift();
    if (v && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        out.push([v, key]);
        queue.push(v[key]);
      }
    }
  }
  return out;
}

/** Mutations of a bundle's text: bytes, ranges, quotes, digits, truncation, encodings. */
function mutateText(r, text) {
  const at = r.int(text.length);
  switch (r.int(11)) {
    case 0: return text.slice(0, at) + String.fromCharCode(r.int(0x80)) + text.slice(at + 1); // one character changed
    case 1: return text.slice(0, at) + text.slice(at + 1 + r.int(200)); // a range deleted
    case 2: return text.slice(0, at) + text.slice(at, at + r.int(500)) + text.slice(at); // a range repeated
    case 3: return text.slice(0, at); // truncated
    case 4: return text.replace(/"/g, (q) => (r.next() < 0.002 ? "'" : q)); // flipped quotes
    case 5: return text.replace(/\d/g, (d) => (r.next() < 0.01 ? String(r.int(10)) : d)); // digits changed
    case 6: return `\ufeff${text}`;
    case 7: return text.slice(0, at) + randomText(r, 1 + r.int(50)) + text.slice(at);
    case 8: return text.replace(/[A-Za-z0-9+/]{20}/, (run) => run.split('').reverse().join('')); // base64 scrambled
    case 9: return text.slice(0, at) + '['.repeat(r.int(5000)) + text.slice(at);
    default: return text.replace(/,"/g, (m) => (r.next() < 0.003 ? ',,"' : m));
  }
}

/** A structural mutation: one member somewhere in the bundle replaced, deleted or duplicated. */
function mutateValue(r, text) {
  const value = JSON.parse(text);
  const all = paths(value);
  for (let k = 1 + r.int(3); k > 0 && all.length; k--) {
    const [parent, key] = r.pick(all);
    const op = r.int(4);
    if (op === 0) delete parent[key];
    else if (op === 1 && Array.isArray(parent[key])) parent[key] = parent[key].concat(parent[key]);
    else if (op === 2 && typeof parent[key] === 'string') parent[key] = parent[key].split('').reverse().join('');
    else parent[key] = randomValue(r);
  }
  return value;
}

/**
 * `count` inputs from `seed`: { entry: 'bundle' | 'page' | 'xref', name, input, reseal? }.
 * `bundles` are valid bundle texts to mutate, `pages` seed page texts. An input with reseal
 * is a bundle object the worker writes with serializeBundle, so its checksums match and the
 * damage reaches the checks behind them.
 */
export function makeInputs(seed, count, { bundles, pages }) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    if (kind === 0) {
      const base = r.pick(bundles);
      const k = r.int(10);
      if (k < 5) out.push({ entry: 'bundle', name: `bundle text mutation ${i}`, input: mutateText(r, base) });
      else if (k < 8) out.push({ entry: 'bundle', name: `bundle value mutation ${i} (resealed)`, input: JSON.stringify(mutateValue(r, base)), reseal: true });
      else if (k < 9) out.push({ entry: 'bundle', name: `bundle value mutation ${i}`, input: JSON.stringify(mutateValue(r, base)) });
      else out.push({ entry: 'bundle', name: `random text as a bundle ${i}`, input: r.next() < 0.5 ? randomText(r, r.int(2000)) : JSON.stringify(randomValue(r)) });
    } else if (kind === 1) {
      const k = r.int(4);
      if (k === 0 && pages.length) {
        const page = r.pick(pages);
        const at = r.int(page.length);
        out.push({ entry: 'page', name: `seed page spliced ${i}`, input: page.slice(0, at) + randomText(r, r.int(3000)) + page.slice(at + r.int(3000)) });
      } else out.push({ entry: 'page', name: `random page ${i}`, input: randomText(r, r.int(k === 1 ? 20_000 : 3_000)) });
    } else {
      out.push({ entry: 'xref', name: `random draft ${i}`, input: randomText(r, r.int(r.next() < 0.1 ? 30_000 : 2_000)) });
    }
  }
  return out;
}

const fill = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Targeted probes: the shapes that made parsers quadratic or overflow the stack. Sizes scale with `scale` (1 = 200k characters). */
export function probes(scale = 1) {
  const n = Math.round(200_000 * scale);
  const texts = [
    ['long digit run', fill('1', n)],
    ['digits 0-9', fill('1234567890', n)],
    ['digits and blanks', fill('1 ', n)],
    ['full-width digits', fill('１２３', n)],
    ['one repeated character', fill('的', n)],
    ['repeated punctuation', fill('，。、', n)],
    ['one giant line', fill('本报讯记者张三报道千万工程', n)],
    ['only newlines', fill('\n', n)],
    ['many short lines', fill('字\n', n)],
    ['Markdown brackets', fill('[', n)],
    ['headings', fill('# 标题\n', n)],
    ['dates', fill('2024年2月30日', n)],
    ['figures', fill('1.5万元，', n)],
    ['surrogates and controls', fill('\ud800\u0000\u202e', n)],
  ];
  const out = [];
  for (const [name, text] of texts) {
    out.push({ entry: 'page', name: `probe page: ${name}`, input: text });
    out.push({ entry: 'xref', name: `probe draft: ${name}`, input: text });
  }
  const depth = Math.round(100_000 * scale);
  out.push({ entry: 'bundle', name: 'probe bundle: deep nesting', input: '['.repeat(depth) + ']'.repeat(depth) });
  out.push({ entry: 'bundle', name: 'probe bundle: deep nesting, unclosed', input: `{"format":"jianbao-archive","version":2,"x":${'['.repeat(depth)}` });
  out.push({ entry: 'bundle', name: 'probe bundle: long digit run', input: `{"format":"jianbao-archive","version":${fill('9', n)}}` });
  out.push({ entry: 'bundle', name: 'probe bundle: giant string', input: `{"format":"jianbao-archive","version":2,"meta":"${fill('a', n * 5)}"}` });
  out.push({ entry: 'bundle', name: 'probe bundle: many keys', input: `{${Array.from({ length: Math.round(n / 10) }, (_, i) => `"k${i}":${i}`).join(',')}}` });
  out.push({ entry: 'bundle', name: 'probe bundle: repeated backslashes', input: `{"a":"${fill('\\\\', n)}"}` });
  return out;
}
