// Figures as the fact checks read them (Chinese numerals, multipliers, OCR breaks), and conflicts found in place.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive, buildBundle, createBundle, crossReference } from '../src/index.js';
import { quantities } from '../src/xref/numbers.js';
import { chineseValue } from '../src/xref/quantity-scan.js';
import { article, fixtureArchive, PROJECT, TRAINING } from './xref-fixture.js';

const archive = fixtureArchive();
const numbers = (draft: string) => crossReference(archive, draft).conflicts.filter((c) => c.kind === 'number').map((c) => [c.text, c.expected]);

describe('figures', () => {
  it('reads Chinese numerals', () => {
    expect(['三十', '两千', '一千二百', '八十七', '十五', '三万二千', '一千零五'].map(chineseValue)).toEqual([30, 2000, 1200, 87, 15, 32000, 1005]);
    expect(chineseValue('十四五')).toBeNaN();
  });

  it('applies multipliers and reads through OCR breaks', () => {
    const q = quantities('解决 1300\n余人的就业，带动1.2万人，总投资 25.8 亿元，百分之五不算，三十个村，约一万名，十九万亿千瓦时。');
    expect(q.map((x) => [x.printed, x.value, x.unit])).toEqual([
      ['1300余人', 1300, '人'],
      ['1.2万人', 12000, '人'],
      ['25.8亿元', 2.58e9, '元'],
      ['三十个', 30, '个'],
      ['一万名', 10000, '名'],
      ['十九万亿千瓦时', 1.9e13, '千瓦时'],
    ]);
    expect(q[0]!.range).toEqual([1300, 1400 - 1e-9]);
  });
});

describe('figures read only in place', () => {
  it('marks a bare 一 and numerals opening with 百/千/万 as vague', () => {
    const q = quantities('派出千余人，上百平方公里，一个指导组，百万千瓦机组，三十个村。');
    expect(q.map((x) => [x.printed, x.value, x.vague])).toEqual([
      ['千余人', 1000, true],
      ['百平方公里', 100, true],
      ['一个', 1, true],
      ['百万千瓦', 1e6, true],
      ['三十个', 30, false],
    ]);
  });
});

describe('restated facts (the figure\'s clause retold in a new frame)', () => {
  const restated = new Archive(createBundle([
    article('a1', '2024-08-26', '多地强降雨', ['受台风影响，当地24小时最大降雨量超过248毫米，多条河流超警。']),
    article('a2', '2025-02-10', '项目建设', ['该项目占地面积 730余亩，项目\n总投资 25.8 亿元，建成后可实现年产101万吨焦炭。']),
    article('b1', '2024-01-01', '灾情通报一', ['强降雨共造成至少45人死亡，另有多人失踪。']),
    article('b2', '2024-06-01', '灾情通报二', ['强降雨共造成至少12人死亡，救援仍在进行。']),
    article('c1', '2025-01-15', '执行逮捕令', ['韩国警方及高级公职人员犯罪调查处今天清晨派出千余人在总统官邸第二次执行逮捕令，一个调查组随后进入官邸。']),
  ], { name: 'restated' }));
  const found = (draft: string) => crossReference(restated, draft).conflicts.filter((c) => c.kind === 'number').map((c) => [c.text, c.expected]);

  it('compares a figure whose clause is the archive\'s, even when the figure opens it', () => {
    expect(found('另据统计，20小时最大降雨量超过248毫米。')).toEqual([['20小时', '24小时']]);
    expect(found('另据统计，24小时最大降雨量超过248毫米。')).toEqual([]);
  });

  it('compares 千余, 一个 only in place in a copied sentence', () => {
    const source = '韩国警方及高级公职人员犯罪调查处今天清晨派出千余人在总统官邸第二次执行逮捕令，一个调查组随后进入官邸。';
    expect(found(source)).toEqual([]);
    expect(found(source.replace('千余人', '一千零一十余人'))).toEqual([['一千零一十余人', '千余人']]);
    expect(found(source.replace('一个调查组', '三个调查组'))).toEqual([['三个', '一个']]);
    expect(found('据介绍，一个调查组进入。')).toEqual([]);
  });

  it('stays quiet where statements of the same clause print different figures (a template, not one fact)', () => {
    expect(found('据介绍，强降雨共造成至少55人死亡。')).toEqual([]);
  });
});

describe('number conflicts in place', () => {
  it('finds a figure changed inside a copied sentence, with the archive text as expected', () => {
    expect(numbers(PROJECT.replace('25.8', '35.8'))).toEqual([['35.8 亿元', '25.8亿元']]);
  });

  it('reads the same figure in Chinese numerals as agreeing, and a changed one as a conflict', () => {
    const chinese = TRAINING.replace('220 余名', '二百二十余名');
    expect(numbers(chinese)).toEqual([]);
    expect(numbers(TRAINING.replace('220 余名', '三百二十余名'))).toEqual([['三百二十余名', '220余名']]);
  });

  it('in a copied sentence, a figure inside the source range is still a change (220余 → 225余)', () => {
    expect(numbers(TRAINING.replace('220 余名', '225余名'))).toEqual([['225余名', '220余名']]);
  });
});

describe('title conflicts with their place (seed archive)', () => {
  const seeds = resolve(__dirname, '../../../seeds');
  const names = readdirSync(seeds).filter((n) => /\.(txt|md)$/.test(n)).sort();
  const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8'));
  const seedArchive = new Archive(buildBundle({ pages: names.map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') })) }, { name: 'seeds', manifest }));
  const titles = (draft: string) => crossReference(seedArchive, draft).conflicts.filter((c) => c.kind === 'title');
  const applyFix = (draft: string, c: { fix?: { start: number; end: number; text: string } }) => draft.slice(0, c.fix!.start) + c.fix!.text + draft.slice(c.fix!.end);

  it('compares a lone clause with the archive\'s statement of the same subject (no fingerprint shared)', () => {
    const numbers = (draft: string) => crossReference(seedArchive, draft).conflicts.filter((c) => c.kind === 'number').map((c) => [c.text, c.expected]);
    expect(numbers('项目总投资35.8亿元。')).toEqual([['35.8亿元', '25.8亿元']]);
    expect(numbers('项目总投资25.8亿元。')).toEqual([]);
  });

  it('covers the whole wrong title and fixes it to the archive\'s, chain included', () => {
    const draft = '2月21日，太原晋中一体化发展对接座谈会举行。太原市市长韦韬主持并讲话。';
    const found = titles(draft);
    expect(found.map((c) => c.text)).toEqual(['太原市市长']);
    // Why, as data: not a title the archive gives him; his name as the lexicon knows it (not 韦韬主持).
    expect(found[0]).toMatchObject({ reason: 'not-held', person: '韦韬' });
    const fixed = applyFix(draft, found[0]!);
    expect(fixed).toContain('省委常委、太原市委书记韦韬');
    expect(titles(fixed)).toEqual([]); // the fixed text passes the re-check
  });

  it('does not repeat a chain the draft already prints', () => {
    const draft = '座谈会举行。省委常委、太原市市长韦韬主持并讲话。';
    const found = titles(draft);
    expect(found).toHaveLength(1);
    expect(applyFix(draft, found[0]!)).toContain('省委常委、太原市委书记韦韬');
    expect(applyFix(draft, found[0]!)).not.toContain('省委常委、省委常委');
  });

  it('is quiet on the title as the archive prints it', () => {
    expect(titles('省委常委、太原市委书记韦韬主持并讲话。')).toEqual([]);
    expect(titles('晋中市长刘星出席会议。')).toEqual([]); // the archive: 晋中市委副书记、市长刘星 (the chain's place)
  });

  it('fixes a wrong title to a correct phrase with short context too (晋中市委书记刘星, 太原市市长韦韬)', () => {
    for (const [draft, wrong, right] of [
      ['晋中市委书记刘星出席会议。', '晋中市委书记', '晋中市委副书记、市长刘星'],
      ['太原市市长韦韬出席会议。', '太原市市长', '省委常委、太原市委书记韦韬'],
    ]) {
      const found = titles(draft!);
      expect(found.map((c) => c.text)).toEqual([wrong]);
      const fixed = applyFix(draft!, found[0]!);
      expect(fixed).toContain(right);
      expect(crossReference(seedArchive, fixed).conflicts).toEqual([]);
    }
  });

  it('compares a figure inside a passage aligned to its source with the source\'s figure in place', () => {
    // The draft joins two archive sentences (so no one sentence shares enough words): the reuse alignment decides.
    const draft = '该项目占地面积730余亩，项目总投资35.8亿元，建成后可实现年产101万吨焦炭。';
    const found = crossReference(seedArchive, draft).conflicts;
    expect(found.map((c) => [c.kind, c.text, c.expected])).toEqual([['number', '35.8亿元', '25.8亿元']]);
    expect(crossReference(seedArchive, draft.replace('35.8', '25.8')).conflicts).toEqual([]);
  });
});
