/**
 * Fixture pages that behave like Chinese news sites, served from 127.0.0.1,
 * built from the default archive's own articles so they contain real terms
 * whatever the lexicon finds. Expectations are computed with the same core
 * functions the extension uses (through lib/archive-service.ts), never typed in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleBody, type Archive, type Article } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { matcherOf } from '../lib/archive-service.js';
import type { TermMatch } from '../lib/archive-types.js';

export const CAP_PER_TERM = 100;
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface Fixtures {
  archive: Archive;
  /** Articles with the most term matches, used as page content. */
  articles: Article[];
  paragraphs: string[];
  /** Expected marks (text + kind), per page, with the per-term cap applied. */
  expected: Record<string, { text: string; kind: string; termId: string }[]>;
  url(path: string): string;
  close(): Promise<void>;
}

function chrome(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)} - 新闻网</title>${head}
<style>body{font:16px/1.8 "WenQuanYi Zen Hei",sans-serif;margin:0;color:#222}nav{background:#b71c1c;color:#fff;padding:8px 16px}
main{max-width:760px;margin:0 auto;padding:16px}article p{text-indent:2em}aside{border-top:1px solid #ccc;margin-top:24px}</style></head>
<body><nav><a href="/" style="color:#fff">首页</a> | 时政 | 经济 | 社会 | 新闻网</nav><main>${body}</main>
<footer style="padding:16px;color:#888">报社主办 · 版权所有</footer></body></html>`;
}

const paragraphsHtml = (ps: string[]) => ps.map((p) => `<p>${esc(p)}</p>`).join('\n');

/** Form fields, editable regions and code that hold terms and must not be marked. */
function untouchables(term: string): string {
  return `<form><label>搜索 <input type="text" value="${esc(term)}"></label><textarea>${esc(term)} 的评论</textarea></form>
<div contenteditable="true">编辑区：${esc(term)}</div><pre><code>const name = "${esc(term)}";</code></pre>
<script>/* ${esc(term)} */</script>`;
}

/** Splits every match in a paragraph across inline tags: <b>first half</b><a>rest</a>. */
function splitParagraph(p: string, matches: TermMatch[]): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    if (m.end - m.start < 2) continue;
    const mid = m.start + Math.floor((m.end - m.start) / 2);
    out += esc(p.slice(at, m.start)) + `<b>${esc(p.slice(m.start, mid))}</b><a href="#t"><span>${esc(p.slice(mid, m.end))}</span></a>`;
    at = m.end;
  }
  return `<p>${out}${esc(p.slice(at))}</p>`;
}

function expectedFor(paragraphs: string[], find: (t: string) => TermMatch[]) {
  const perTerm = new Map<string, number>();
  const out: { text: string; kind: string; termId: string }[] = [];
  for (const p of paragraphs) {
    for (const m of find(p)) {
      const n = perTerm.get(m.termId) ?? 0;
      perTerm.set(m.termId, n + 1);
      if (n < CAP_PER_TERM) out.push({ text: m.text, kind: m.kind, termId: m.termId });
    }
  }
  return out;
}

export async function startFixtures(): Promise<Fixtures> {
  const archive = await loadDefaultArchive();
  const matcher = matcherOf(archive);
  const scored = archive.articles
    .map((a) => ({ a, n: new Set(matcher.findAll(articleBody(a)).map((m) => m.termId)).size }))
    .filter((x) => x.n > 0)
    .sort((x, y) => y.n - x.n);
  if (scored.length < 2) throw new Error('the default archive has too few articles with terms for the e2e fixtures');
  const articles = scored.slice(0, 3).map((x) => x.a);
  const paragraphs = articles.flatMap((a) => a.paragraphs).filter((p) => p.trim());
  const title = articles[0]!.title;
  const firstMatch = matcher.findAll(paragraphs.join('\n'))[0]!;

  const bigParagraphs: string[] = [];
  const allParagraphs = archive.articles.flatMap((a) => a.paragraphs).filter((p) => p.trim());
  for (let bytes = 0, i = 0; bytes < 2_100_000; i++) {
    const p = allParagraphs[i % allParagraphs.length]!;
    bigParagraphs.push(p);
    bytes += Buffer.byteLength(p) + 8;
  }

  const pages: Record<string, { html: string; headers?: Record<string, string> }> = {
    '/plain.html': { html: chrome(title, `<article><h1>${esc(title)}</h1>${paragraphsHtml(paragraphs)}</article>${untouchables(firstMatch.text)}`) },
    '/late.html': {
      html: chrome(title, `<article id="story"><h1>${esc(title)}</h1><p>正在加载…</p></article>
<script>setTimeout(function(){var s=document.getElementById('story');var d=${JSON.stringify(paragraphs).replace(/</g, '\\u003c')};
for(var i=0;i<d.length;i++){var p=document.createElement('p');p.textContent=d[i];s.appendChild(p);}s.querySelector('p').remove();
document.documentElement.dataset.injected='1';},1200);</script>`),
    },
    '/strict.html': {
      html: chrome(title, `<article><h1>${esc(title)}</h1>${paragraphsHtml(paragraphs)}</article><script src="/strict.js"></script>`)
        .replace(/<style>[\s\S]*?<\/style>/, '<link rel="stylesheet" href="/strict.css">'),
      headers: {
        'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'",
      },
    },
    '/split.html': {
      html: chrome(title, `<article><h1>${esc(title)}</h1>${paragraphs.map((p) => splitParagraph(p, matcher.findAll(p))).join('\n')}</article>`),
    },
    '/big.html': { html: chrome('长页面', `<article><h1>长页面</h1>${paragraphsHtml(bigParagraphs)}</article>`) },
  };
  const statics: Record<string, [string, string]> = {
    '/strict.js': ['text/javascript', `try{document.body.insertAdjacentElement('beforeend',document.createElement('div')).innerHTML='<b>x</b>';document.documentElement.dataset.tt='not-enforced'}catch(e){document.documentElement.dataset.tt='enforced'}`],
    '/strict.css': ['text/css', 'body{font:16px/1.8 "WenQuanYi Zen Hei",sans-serif;margin:0}main{max-width:760px;margin:0 auto;padding:16px}'],
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...page.headers });
      return res.end(page.html);
    }
    const file = statics[path];
    if (file) {
      res.writeHead(200, { 'Content-Type': `${file[0]}; charset=utf-8` });
      return res.end(file[1]);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const find = (t: string) => matcher.findAll(t);
  const normal = expectedFor([title, ...paragraphs], find);
  return {
    archive,
    articles,
    paragraphs,
    expected: {
      '/plain.html': normal,
      '/late.html': normal,
      '/strict.html': normal,
      '/split.html': normal,
      '/big.html': expectedFor(['长页面', ...bigParagraphs], find),
    },
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Sorted "kind:text" keys, to compare mark sets regardless of order. */
export const markKeys = (marks: { text: string; kind: string }[]) => marks.map((m) => `${m.kind}:${m.text}`).sort();
