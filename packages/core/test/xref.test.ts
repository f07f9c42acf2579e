import { describe, expect, it } from 'vitest';
import { articleBody, crossReference, type XrefReport } from '../src/index.js';
import { BOILERPLATE, fixtureArchive, INSPECTION, PROJECT, TRAINING } from './xref-fixture.js';

const archive = fixtureArchive();
const ORIGINAL_A = '春节假期刚过，晋中各地重点工程陆续复工，全市上下比学赶超、你追我赶的氛围日渐浓厚。';
const ORIGINAL_B = '市发展改革部门负责人表示，下一步将实行重点项目周调度、月通报制度，对进度滞后的项目逐一会诊、限时销号。';

/** Every reused passage's offsets point at exactly its text, in the draft and in the article. */
function checkOffsets(report: XrefReport, draft: string): void {
  for (const r of report.reused) {
    expect(draft.slice(r.start, r.end)).toBe(r.text);
    const body = articleBody(archive.get(r.articleId)!);
    expect(r.articleEnd).toBeGreaterThan(r.articleStart);
    expect(r.articleEnd).toBeLessThanOrEqual(body.length);
  }
  for (const c of report.conflicts) expect(draft.slice(c.start, c.end)).toBe(c.text);
}

/** The single passage reported for `passage` inside `draft`, checked to cover it. */
function onlyPassage(report: XrefReport, draft: string, passage: string) {
  expect(report.reused).toHaveLength(1);
  const r = report.reused[0]!;
  const at = draft.indexOf(passage);
  const covered = Math.min(r.end, at + passage.length) - Math.max(r.start, at);
  expect(covered).toBeGreaterThanOrEqual(0.8 * passage.length);
  expect(r.end - r.start).toBeLessThanOrEqual(passage.length + 2);
  return r;
}

describe('crossReference: reused passages', () => {
  it('finds a verbatim passage, with exact offsets on both sides', () => {
    const draft = `${ORIGINAL_A}${PROJECT}${ORIGINAL_B}`;
    const report = crossReference(archive, draft);
    checkOffsets(report, draft);
    const r = onlyPassage(report, draft, PROJECT);
    expect(r).toMatchObject({ articleId: 'proj', kind: 'verbatim', similarity: 1 });
    const body = articleBody(archive.get('proj')!);
    // The article range is the same text (the draft's span stops at the last content character).
    expect(body.slice(r.articleStart, r.articleEnd)).toBe(r.text);
    expect(report.related[0]).toMatchObject({ id: 'proj' });
    expect(report.related[0]!.reasons.join(' ')).toMatch(/shared passages/);
  });

  it('calls a copy verbatim across OCR line breaks and layout spaces', () => {
    const draft = `${ORIGINAL_A}${PROJECT.replace(/ /g, '').replace('两渡', '两\n渡')}`;
    const r = crossReference(archive, draft).reused[0]!;
    expect(r.kind).toBe('verbatim');
  });

  it('finds punctuation and spacing edits, as edited', () => {
    const edited = TRAINING.replace(/，/g, ',').replace(/“|”/g, '"').replace('2024 年', '2024年').replace('4期', '4 期');
    const draft = `${ORIGINAL_A}\n${edited}\n${ORIGINAL_B}`;
    const report = crossReference(archive, draft);
    checkOffsets(report, draft);
    const r = onlyPassage(report, draft, edited);
    expect(r).toMatchObject({ articleId: 'train', kind: 'edited' });
    expect(r.similarity).toBeGreaterThan(0.9);
    expect(r.similarity).toBeLessThan(1);
  });

  it('finds a passage with words swapped', () => {
    const edited = INSPECTION.replace('进行视察', '开展视察').replace('取得的成效', '带来的成效').replace('、文旅', '和文旅');
    const draft = `${ORIGINAL_B}${edited}${ORIGINAL_A}`;
    const report = crossReference(archive, draft);
    checkOffsets(report, draft);
    const r = onlyPassage(report, draft, edited);
    expect(r).toMatchObject({ articleId: 'train', kind: 'edited' });
  });

  it('finds clauses reordered', () => {
    const edited = '推动一批续建项目年内并网发电、新建项目开工建设，今年，榆次区瞄准打造“百亿千兆”新能源基地，实现新能源发电总装机容量突破1000兆瓦。';
    const draft = `${ORIGINAL_A}${edited}`;
    const report = crossReference(archive, draft);
    checkOffsets(report, draft);
    const r = onlyPassage(report, draft, edited);
    expect(r).toMatchObject({ articleId: 'yuci', kind: 'edited' });
  });

  it('does not report common phrasing: formulas and sentences printed in many articles', () => {
    const draft = `本报讯 ${ORIGINAL_A}会议强调，要坚持以习近平新时代中国特色社会主义思想为指导。${BOILERPLATE}${ORIGINAL_B}`;
    const report = crossReference(archive, draft);
    expect(report.reused).toEqual([]);
    expect(report.conflicts).toEqual([]);
  });

  it('reports nothing for an original draft on a related topic, nor for an unrelated one', () => {
    const related = [
      '# 太原晋中一体化提速',
      '今年以来，太原晋中两市围绕交通互联、产业协作、公共服务共享持续发力，一体化发展迈出新步伐。',
      '在灵石县，一批焦化、新能源项目相继复工，施工单位加派人手，力争早日建成投产。市委书记常书铭在调研时要求，各级各部门要当好服务企业的“店小二”。',
      '榆次区相关负责人介绍，全区今年计划新开工项目80个，新能源装机规模将继续扩大。人大代表们也纷纷走进项目一线，就优化营商环境提出意见建议。',
    ].join('\n\n');
    const unrelated = '昨天晚上的足球联赛中，主队凭借下半场的两个进球以2比1逆转取胜，球迷们在看台上欢呼雀跃，久久不愿离去。';
    for (const draft of [related, unrelated]) {
      const report = crossReference(archive, draft);
      expect(report.reused).toEqual([]);
      expect(report.conflicts).toEqual([]);
    }
    expect(crossReference(archive, unrelated).related).toEqual([]);
  });

  it('reports offsets into a Markdown draft exactly, ignoring its syntax', () => {
    const draft = [
      '---\ntitle: 草稿\n---',
      '# 重点项目',
      `> ${ORIGINAL_A}`,
      '**山西天星煤气化焦化技改升级项目**位于[灵石县](https://example.com/lingshi "灵石")经济技术开发区两渡产业园，占地面积 730余亩，项目总投资 25.8 亿元。',
      `- ${ORIGINAL_B}`,
    ].join('\n\n');
    const report = crossReference(archive, draft);
    checkOffsets(report, draft);
    expect(report.reused).toHaveLength(1);
    const r = report.reused[0]!;
    expect(r.articleId).toBe('proj');
    expect(r.text.startsWith('山西天星')).toBe(true);
    expect(r.text.endsWith('亿元')).toBe(true);
    expect(r.text).toContain('](https://example.com/lingshi "灵石")');
    expect(r.kind).toBe('edited'); // Markdown syntax inside: not a clean copy
  });

  it('handles a huge draft (5 MB) in one pass', () => {
    const unit = `${ORIGINAL_A}${ORIGINAL_B}\n`;
    const parts: string[] = [];
    let size = 0;
    while (size < 5_000_000) {
      parts.push(unit);
      size += unit.length;
    }
    parts.splice(parts.length >> 1, 0, PROJECT);
    const draft = parts.join('');
    const report = crossReference(archive, draft);
    expect(report.reused).toHaveLength(1);
    expect(report.reused[0]!.articleId).toBe('proj');
    expect(draft.slice(report.reused[0]!.start, report.reused[0]!.end)).toBe(report.reused[0]!.text);
  });

  it('rejects a draft that is not text', () => {
    expect(() => crossReference(archive, 42 as unknown as string)).toThrow(/must be a string/);
  });
});

describe('crossReference: contradictions', () => {
  it('flags a title the archive does not give, with the current one as the fix', () => {
    const wrong = '本报讯 晋中市人大常委会主任常书铭到灵石县调研重点项目。';
    const report = crossReference(archive, wrong);
    checkOffsets(report, wrong);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ kind: 'title', expected: '市委书记', articleId: 'sec2025' });
    expect(report.conflicts[0]!.text).toContain('常书铭');
    expect(report.conflicts[0]!.message).toMatch(/没有“市人大常委会主任”/);
    // Why, as data for hosts to word in their language.
    expect(report.conflicts[0]).toMatchObject({ reason: 'not-held', person: '常书铭' });
  });

  it('treats an older title as "was": an error today, right when the draft is about that time', () => {
    const today = '本报讯 晋中市市长常书铭到灵石县调研重点项目。';
    const now = crossReference(archive, today);
    expect(now.conflicts).toHaveLength(1);
    expect(now.conflicts[0]).toMatchObject({ kind: 'title', expected: '市委书记' });
    expect(now.conflicts[0]!.message).toMatch(/此前职务/);
    expect(now.conflicts[0]!.text).toBe('市长常书铭');
    expect(now.conflicts[0]).toMatchObject({ reason: 'former', person: '常书铭', former: { post: '市长' } });
    expect(now.conflicts[0]!.former!.date).toMatch(/^\d{4}/);

    // the name before its title, as speech has it
    const spoken = crossReference(archive, '本报讯 常书铭市长到灵石县调研重点项目。');
    expect(spoken.conflicts.map((c) => [c.text, c.expected])).toEqual([['常书铭市长', '市委书记']]);
    expect(crossReference(archive, '本报讯 常书铭书记到灵石县调研重点项目。').conflicts).toEqual([]);

    expect(crossReference(archive, '2021年5月，晋中市市长常书铭出席春季植树动员会。').conflicts).toEqual([]);
    expect(crossReference(archive, '时任晋中市市长常书铭出席春季植树动员会。').conflicts).toEqual([]);
    expect(crossReference(archive, today, { date: '2021-05-21' }).conflicts).toEqual([]);
    expect(crossReference(archive, '本报讯 市委书记常书铭到灵石县调研重点项目。').conflicts).toEqual([]);
  });

  it('flags a number that differs from the archive for the same fact', () => {
    const draft = `${ORIGINAL_A}据了解，山西天星煤气化焦化技改升级项目位于灵石县经济技术开发区两渡产业园，占地面积730余亩，项目总投资35.8亿元。`;
    const report = crossReference(archive, draft);
    checkOffsets(report, draft);
    const numbers = report.conflicts.filter((c) => c.kind === 'number');
    expect(numbers).toHaveLength(1);
    expect(numbers[0]).toMatchObject({ text: '35.8亿元', expected: '25.8亿元', articleId: 'proj' });
    // the same statement with the archive's number is no conflict
    expect(crossReference(archive, draft.replace('35.8', '25.8')).conflicts).toEqual([]);
  });

  it('takes an approximate figure as a range, not a claim to contradict', () => {
    const base = '2024年，像这样“履职培训+跨区域集中视察”相结合的培训，市人大常委会组织开展了4期，分别以榆社、左权、太谷、灵石为培训地点，共计';
    expect(crossReference(archive, `${base}225名基层人大代表参与。`).conflicts).toEqual([]);
    expect(crossReference(archive, `${base}超200名基层人大代表参与。`).conflicts).toEqual([]);
    expect(crossReference(archive, `${base}260余名基层人大代表参与。`).conflicts.map((c) => c.expected)).toEqual(['220余名']);
  });

  it('does not compare a number told about another time', () => {
    const draft = '2025年，像这样“履职培训+跨区域集中视察”相结合的培训，市人大常委会组织开展了6期，分别以榆社、左权、太谷、灵石为培训地点。';
    expect(crossReference(archive, draft).conflicts).toEqual([]);
    const same = draft.replace('2025年', '2024年');
    const report = crossReference(archive, same);
    expect(report.conflicts.map((c) => [c.text, c.expected])).toEqual([['6期', '4期']]);
  });
});
