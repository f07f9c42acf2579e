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
    expect(md.value).toContain('(2 in all)');
    expect(md.value).toContain(openArticleLink(a!.id));
    expect(md.isTrusted).toEqual({ enabledCommands: ['jianbao.openArticle'] });
    expect(JSON.parse(decodeURIComponent(openArticleLink('ab"c').split('?')[1]!))).toEqual(['ab"c']);
  });
});
