import { describe, expect, it } from 'vitest';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import type { Term } from '../../src/core-contract.js';
import { hoverMarkdown, openArticleLink, termAt } from '../../src/hover.js';

describe('term hovers', () => {
  it('picks the longest match under the cursor', () => {
    const matches = [
      { start: 0, end: 2, text: '晋中', termId: 'p1', kind: 'place' as const },
      { start: 0, end: 3, text: '晋中市', termId: 'p2', kind: 'place' as const },
      { start: 5, end: 8, text: '常书铭', termId: 'x', kind: 'person' as const },
    ];
    expect(termAt(matches, 1)?.termId).toBe('p2');
    expect(termAt(matches, 3)).toBeUndefined();
    expect(termAt(matches, 7)?.termId).toBe('x');
    expect(termAt(matches, 8)).toBeUndefined();
  });

  it('shows kind, titles newest first and the latest articles as command links', async () => {
    const archive = await loadDefaultArchive();
    const [a, b] = archive.articles;
    const term: Term = {
      id: 'person:常书铭', name: '常书铭', kind: 'person', aliases: [],
      roles: [{ title: '市长', articleId: a!.id, date: '2020-01-01' }, { title: '市委书记', articleId: b!.id, date: '2024-02-13' }],
      mentions: [{ articleId: a!.id, start: 0, end: 3 }, { articleId: b!.id, start: 0, end: 3 }, { articleId: b!.id, start: 9, end: 12 }],
    };
    const md = hoverMarkdown(archive, term);
    expect(md.value).toContain('**常书铭** · person');
    expect(md.value.indexOf('市委书记')).toBeLessThan(md.value.indexOf('市长'));
    expect(md.value).toContain('2024\\-02\\-13');
    expect(md.value).toContain('(2 in all)');
    expect(md.value).toContain(openArticleLink(a!.id));
    expect(md.isTrusted).toEqual({ enabledCommands: ['jianbao.openArticle'] });
    expect(JSON.parse(decodeURIComponent(openArticleLink('ab"c').split('?')[1]!))).toEqual(['ab"c']);
  });

  it('lists each title once with its range and count, at most five, then how many more; archive text escaped', async () => {
    const archive = await loadDefaultArchive();
    const ids = archive.articles.map((a) => a.id);
    const roles = Array.from({ length: 8 }, (_, i) => ({ title: i === 0 ? '**主任**' : `职务${i}`, articleId: ids[i % ids.length]!, date: `2020-01-0${i + 1}` }));
    roles.push({ title: '职务7', articleId: ids[0]!, date: '2019-01-01' });
    const term: Term = { id: 'p', name: '某人', kind: 'person', aliases: [], roles, mentions: [] };
    const md = hoverMarkdown(archive, term).value;
    expect(md.split('职务7').length).toBe(2);
    expect(md).toContain('3 more');
    expect(md).not.toContain('**主任**');
  });
});
