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
import { crossReference, matcherOf } from '../lib/archive-service.js';
import { withoutPapersPlaces } from '../lib/matcher.js';
import { regionalNewsPage } from './regional-page.js';
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

  // A reprint with one figure changed: the page check must report the contradiction.
  let edited: { title: string; paragraphs: string[] } | undefined;
  for (const a of archive.articles) {
    const ps = [...a.paragraphs];
    const i = ps.findIndex((p) => /\d+(亿元|万元|个|名|家|项|万人|公里|户)/.test(p));
    if (i === -1) continue;
    ps[i] = ps[i]!.replace(/(\d+)(亿元|万元|个|名|家|项|万人|公里|户)/, (_, n: string, unit: string) => `${Number(n) * 3 + 7}${unit}`);
    if (crossReference(archive, [a.title, ...ps].join('\n')).conflicts.length) {
      // And a title the archive does not give that person: the check says why in the UI language.
      edited = { title: a.title, paragraphs: [...ps, '太原市市长韦韬出席会议。'] };
      break;
    }
  }

  // One block of 200,000 inline text nodes (issue 16): pieces of 1–4 characters of archive text, each in its own <span>.
  const giantText = allParagraphs.join('');
  const giantPieces: string[] = [];
  for (let i = 0, at = 0; i < 200_000; i++) {
    const n = 1 + (i % 4);
    giantPieces.push(giantText.slice(at % giantText.length, (at % giantText.length) + n) || '。');
    at += n;
  }
  const giantHtml = giantPieces.map((p) => `<span>${esc(p)}</span>`).join('');

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
    // A regional news site's story page: masthead, nav of sister papers, breadcrumb, source line, related list, footer.
    '/regional.html': { html: regionalNewsPage({ title: articles[0]!.title, paragraphs: articles[0]!.paragraphs.filter((p) => p.trim()), paper: articles[0]!.paper ?? undefined }) },
    '/edited.html': { html: edited ? chrome(edited.title, `<article><h1>${esc(edited.title)}</h1>${paragraphsHtml(edited.paragraphs)}</article>`) : chrome('无', '<p>无</p>') },
    '/big.html': { html: chrome('长页面', `<article><h1>长页面</h1>${paragraphsHtml(bigParagraphs)}</article>`) },
    '/giant.html': { html: chrome('一个大段落', `<article><h1>一个大段落</h1><p id="giant">${giantHtml}</p></article>${HEARTBEAT}`) },
    // A live page: a clock changes every 10–200 ms and never stops; the story arrives 1.5 s after load.
    '/ticker.html': {
      html: chrome(title, `<div id="clock">00:00:00.000</div><article id="story"><h1>${esc(title)}</h1><p>正在加载…</p></article>
<script>var n=0;(function tick(){document.getElementById('clock').textContent='滚动新闻 '+(++n);document.documentElement.dataset.ticks=String(n);
setTimeout(tick,10+Math.floor(Math.random()*191));})();
setTimeout(function(){var s=document.getElementById('story');var d=${JSON.stringify(paragraphs).replace(/</g, '\\u003c')};
for(var i=0;i<d.length;i++){var p=document.createElement('p');p.textContent=d[i];s.appendChild(p);}
document.documentElement.dataset.injected='1';},1500);</script>`),
    },
    // A hostile page: before the content script runs it squats custom element names, replaces DOM methods in its
    // own (main) world and CSS.highlights, and records anything of the card it gets hold of in window.__leaks.
    '/hostile.html': { html: chrome(title, `<article><h1>${esc(title)}</h1>${paragraphsHtml(paragraphs)}</article>`, `<script>${HOSTILE}</script>`) },
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
  const find = (t: string) => withoutPapersPlaces(t, matcher.findAll(t));
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
      '/giant.html': expectedFor(['一个大段落', giantPieces.join('')], find),
      '/ticker.html': normal,
      '/hostile.html': normal,
      '/regional.html': expectedFor([articles[0]!.title, ...articles[0]!.paragraphs.filter((p) => p.trim())], find),
    },
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Counts the page's own event-loop turns (a message to itself, again and again) in data-heartbeats: it runs
 * only between the content script's slices. The page also notes the count when the content script first reports
 * "marking" (data-beats-at-marking), so a test counts from the start of marking, not from whenever its first
 * poll happens to land (a late poll left a window of 20 turns on a quick run, and the check failed).
 */
const HEARTBEAT = `<script>(function(){var n=0;var root=document.documentElement;var c=new MessageChannel();c.port1.onmessage=function(){n++;root.dataset.heartbeats=String(n);if(n<1e6)c.port2.postMessage(0);};c.port2.postMessage(0);
new MutationObserver(function(){var s=root.dataset.jianbaoState;if(s==='marking'&&root.dataset.beatsAtMarking===undefined)root.dataset.beatsAtMarking=String(n);}).observe(root,{attributes:true,attributeFilter:['data-jianbao-state']});})();</script>`;

/** The hostile page's script (runs in the page's main world, before the content script). */
const HOSTILE = `(function(){
  var leaks = window.__leaks = [];
  window.__realHighlights = window.CSS && CSS.highlights;
  function note(what){ try { leaks.push(String(what)); } catch (e) {} }
  // Squat every name the card could use, and any jianbao-* name: the constructor steals what it can.
  ['jianbao-card','jianbao-ui','jianbao-mark','jianbao-host','x-card'].forEach(function(name){
    customElements.define(name, class extends HTMLElement { constructor(){ super(); note('constructed ' + name);
      try { window.__internals = this.attachInternals(); note('internals ' + name); } catch (e) {}
      try { this.attachShadow({ mode: 'open' }); } catch (e) {} } });
  });
  // Main-world prototype overrides: open every shadow root and keep it; spy on appends; break common calls.
  var realAttach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function(init){ note('attachShadow ' + this.tagName); var r = realAttach.call(this, { mode: 'open' }); window.__stolenRoot = r; return r; };
  var realAppend = Node.prototype.appendChild;
  Node.prototype.appendChild = function(c){ if (c && c.nodeType === 1 && c.hasAttribute && c.hasAttribute('data-jianbao-ui')) note('appendChild of the card host'); return realAppend.call(this, c); };
  Element.prototype.append = function(){ throw new Error('page: append is disabled'); };
  Document.prototype.createElement = function(){ throw new Error('page: createElement is disabled'); };
  Node.prototype.getRootNode = function(){ throw new Error('page: getRootNode is disabled'); };
  window.MutationObserver = function(){ throw new Error('page: MutationObserver is disabled'); };
  window.Highlight = function(){ note('page Highlight constructed'); };
  try { Object.defineProperty(CSS, 'highlights', { value: { set: function(name){ note('highlight ' + name); }, get: function(){}, delete: function(){ return false; } } }); } catch (e) { note('cannot replace CSS.highlights'); }
  ShadowRoot.prototype.querySelector = function(){ note('querySelector in a shadow root'); return null; };
})();`;

/** Sorted "kind:text" keys, to compare mark sets regardless of order. */
export const markKeys = (marks: { text: string; kind: string }[]) => marks.map((m) => `${m.kind}:${m.text}`).sort();
