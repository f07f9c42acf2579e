/**
 * A regional news page as such sites are laid out: a masthead with the paper's
 * logo, a nav of its sister papers and sections (晋中, 山西 in every name), a
 * breadcrumb, the story (headline, a source line, paragraphs), a "related" list
 * and a footer. Used by the unit tests (happy-dom) and the e2e fixtures (real
 * browsers): with the article body marked (the default) nothing outside the
 * story's headline and paragraphs may be marked.
 */
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface RegionalStory {
  title: string;
  paragraphs: string[];
  /** The paper shown in the masthead and the source line. */
  paper?: string;
}

/** The page's furniture, each piece holding the region's names; the story goes where `{story}` is. */
export function regionalNewsPage(story: RegionalStory, style = ''): string {
  const paper = story.paper ?? '晋中日报';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(story.title)}_${esc(paper)}_晋中新闻网</title>
<style>body{font:16px/1.8 "WenQuanYi Zen Hei",sans-serif;margin:0;color:#222}.top{display:flex;align-items:center;gap:16px;padding:8px 16px;background:#fff}
.logo{font-size:24px;font-weight:700;color:#b71c1c}.nav{background:#b71c1c;color:#fff;padding:6px 16px}.nav a{color:#fff;margin-right:12px}
.wrap{max-width:760px;margin:0 auto;padding:16px}.crumb{color:#666;font-size:14px}.article-info{color:#888;font-size:14px}
.content p{text-indent:2em}.related{border-top:1px solid #ccc;margin-top:24px}.footer{padding:16px;color:#888;text-align:center}${style}</style></head>
<body>
<div class="top"><a class="logo" href="/"><img alt="${esc(paper)}" width="1" height="1" src="data:,">${esc(paper)} · 晋中新闻网</a>
<span class="top-links">晋中市人民政府主管 · 山西省重点新闻网站</span></div>
<div class="nav"><a href="/">首页</a><a href="/jz">晋中新闻</a><a href="/sx">山西新闻</a><a href="/p1">晋中日报</a><a href="/p2">山西日报</a><a href="/p3">山西晚报</a><a href="/p4">太原日报</a><a href="/p5">晋中广播电视台</a></div>
<div class="wrap">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/jz">晋中新闻</a> &gt; 山西要闻 &gt; 正文</div>
<div class="article">
<h1>${esc(story.title)}</h1>
<div class="article-info">来源：${esc(paper)}　作者：本报记者　2025-02-21 08:30　晋中新闻网编辑</div>
<div class="content">
${story.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
<div class="share">分享到：晋中发布 山西头条</div>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/r1">晋中召开全市经济工作会议</a></li><li><a href="/r2">山西省晋中市推进文旅融合</a></li></ul></div>
</div>
<div class="footer">主办：${esc(paper)}社　晋中新闻网版权所有　晋ICP备05000001号　山西省晋中市榆次区</div>
</body></html>`;
}
