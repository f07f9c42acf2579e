import { describe, expect, it } from 'vitest';
import { extractBylineField, looksLikeName } from '../src/lexicon/extract.js';

const names = (cands: { name: string }[]) => cands.map((c) => c.name);

describe('byline field', () => {
  it('takes the names of a parsed byline, with or without a role', () => {
    expect(names(extractBylineField('丁洁、王春宇'))).toEqual(['丁洁', '王春宇']);
    expect(names(extractBylineField('山西日报记者 韩乐 李家鸣'))).toEqual(['韩乐', '李家鸣']);
    expect(extractBylineField('梁琛 摄')).toEqual([{ kind: 'person', name: '梁琛', roles: ['摄'] }]);
    expect(extractBylineField('本报记者 李晓雯 通讯员 张丙煦').map((c) => [c.name, c.roles![0]])).toEqual([['李晓雯', '记者'], ['张丙煦', '通讯员']]);
  });

  it('takes nothing from a byline that is not only names', () => {
    expect(extractBylineField('山西日报')).toEqual([]);
    expect(extractBylineField('综合新华社消息')).toEqual([]);
    expect(extractBylineField(null)).toEqual([]);
  });
});

describe('given names with 向 or 之', () => {
  it('takes them inside a name but not at its end', () => {
    expect(looksLikeName('郝向明')).toBe(true);
    expect(looksLikeName('王之涣')).toBe(true);
    expect(looksLikeName('高声向')).toBe(false);
    expect(looksLikeName('王说明')).toBe(false);
  });
});
