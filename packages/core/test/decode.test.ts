import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { chineseEncoding, decodeText, TextDecodeError } from '../src/text/decode.js';

// The seed pages (committed), cut into paragraphs: short and long texts, simplified Chinese newsroom prose.
const seeds = join(__dirname, '../../../seeds');
const paragraphs = readdirSync(seeds)
  .filter((n) => n.endsWith('.txt'))
  .flatMap((n) => readFileSync(join(seeds, n), 'utf8').split(/\n\s*\n/))
  .map((p) => p.trim())
  .filter((p) => /[\u4e00-\u9fff]{4}/.test(p));
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
// Big5 has no code for a few characters, and iconv-lite writes some (HKSCS) where the WHATWG decoder reads private-use
// code points: paragraphs that do not survive that round trip are left out.
const big5able = (text: string) => new TextDecoder('big5').decode(iconv.encode(text, 'big5')) === text;

describe('decodeText: UTF-8, UTF-16, GB18030/GBK and Big5 told apart', () => {
  it('reads every seed paragraph encoded as GBK as GB18030, exactly', () => {
    expect(paragraphs.length).toBeGreaterThan(50);
    for (const p of paragraphs) {
      const decoded = decodeText(iconv.encode(p, 'gbk'));
      expect(decoded.encoding, p.slice(0, 20)).toBe('gb18030');
      expect(decoded.text).toBe(p);
    }
  });

  it('reads the same paragraphs in traditional characters encoded as Big5 as Big5, exactly (GB18030 gave mojibake)', () => {
    const traditional = paragraphs.map((p) => toTraditional(p)).filter(big5able);
    expect(traditional.length).toBeGreaterThan(30);
    for (const p of traditional) {
      const bytes = iconv.encode(p, 'big5');
      const decoded = decodeText(bytes);
      expect(decoded.encoding, p.slice(0, 20)).toBe('big5');
      expect(decoded.text).toBe(p);
    }
    // Short titles too.
    for (const title of ['國務院常務會議', '新華社北京電', '習近平會見美國總統']) expect(decodeText(iconv.encode(title, 'big5')).text).toBe(title);
  });

  it('keeps UTF-8 (with or without BOM), UTF-16 with BOM and four-byte GB18030 as before', () => {
    const text = '国务院总理李强在北京主持召开国务院常务会议。';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode('\ufeff' + text)).text).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
    const rare = `${text}𠀀㐀`; // outside GBK: four-byte sequences in GB18030
    expect(decodeText(iconv.encode(rare, 'gb18030'))).toEqual({ text: rare, encoding: 'gb18030' });
    expect(chineseEncoding(iconv.encode(rare, 'gb18030'))).toBe('gb18030');
  });

  it('names binary data and bytes in no encoding it reads, in one line', () => {
    const binary = new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    expect(() => decodeText(binary)).toThrow(TextDecodeError);
    expect(() => decodeText(binary)).toThrow(/not a text file/);
    expect(() => decodeText(new Uint8Array([0xe4, 0xb8, 0xad, 0xff, 0xff, 0x20]))).toThrow(/neither UTF-8, GB18030\/GBK nor Big5/);
  });
});
