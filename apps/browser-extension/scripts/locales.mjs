// Writes public/_locales/{zh_CN,en}/messages.json from one table (run: node scripts/locales.mjs), so the two locales never drift apart. $1, $2 are substitutions.
import { mkdirSync, writeFileSync } from 'node:fs';
const M = {
  extName: ['剪报', 'Jianbao'],
  extDescription: ['在新闻网页上标出本报档案中的人物、地名、机构和政策，悬停查看档案文章；检索档案，核对网页与档案。', 'Marks the archive’s people, places, organisations and policies on news pages, with hover cards of archive articles; searches the archive and checks pages against it.'],
  kind_person: ['人物', 'Person'], kind_place: ['地名', 'Place'], kind_organisation: ['机构', 'Organisation'], kind_policy: ['政策', 'Policy'],
  articleKind_news: ['消息', 'News'], articleKind_feature: ['通讯', 'Feature'], articleKind_notice: ['公告', 'Notice'], articleKind_editorial: ['评论', 'Editorial'], articleKind_document: ['文件', 'Document'], articleKind_photo: ['图片', 'Photo'],
  cardLoading: ['正在读取档案…', 'Reading the archive…'], cardClose: ['关闭', 'Close'], cardAliases: ['又称：', 'Also: '], cardRoles: ['职务', 'Titles'],
  cardArticles: ['档案文章（$1 篇）', 'Archive articles ($1)', 1], cardMoreTitles: ['另有 $1 项', '+$1 more', 1], cardTitleArticles: ['$1 篇', '$1 articles', 1], cardNoArticles: ['档案中没有相关文章。', 'No archive articles.'], undated: ['日期不详', 'undated'],
  archiveSummary: ['$1 · $2 篇', '$1 · $2 articles', 2],
  searchPlaceholder: ['检索档案：人名、地名、关键词', 'Search the archive: names, places, words'], searchNoResults: ['没有找到。', 'Nothing found.'],
  searchPageTitle: ['检索档案', 'Search the archive'], searchButton: ['检索', 'Search'], searchFrom: ['起始日期', 'From'], searchTo: ['截止日期', 'To'],
  searchDateHint: ['可只填年或年月：2025、2025-02、2025-02-13', 'A year or a month is enough: 2025, 2025-02, 2025-02-13'], searchDatePlaceholder: ['如 2025-02', 'e.g. 2025-02'],
  searchFilters: ['筛选', 'Filters'], searchPaper: ['报纸', 'Paper'], searchAnyPaper: ['全部报纸', 'All papers'], searchKind: ['类型', 'Kind'], searchAnyKind: ['全部类型', 'All kinds'],
  searchSort: ['排序', 'Sort'], searchSortRelevance: ['相关度', 'Relevance'], searchSortDate: ['日期（新在前）', 'Date (newest first)'],
  searchCount: ['共 $1 条结果', '$1 results', 1], searchCountAtLeast: ['至少 $1 条结果', 'At least $1 results', 1],
  searchRewritten: ['显示“$1”的结果；', 'Showing results for “$1”; ', 1], searchAsTyped: ['仍搜索“$1”', 'search instead for “$1”', 1],
  searchPrev: ['上一页', 'Previous'], searchNext: ['下一页', 'Next'], searchPageOf: ['第 $1 / $2 页', 'Page $1 of $2', 2],
  searchMatched: ['匹配：$1', 'Matched in: $1', 1], field_title: ['标题', 'title'], field_subtitle: ['副题', 'subtitle'], field_body: ['正文', 'body'],
  searchError: ['查询有误：$1', 'Query problem: $1', 1],
  searchSyntaxHelp: ['语法："精确短语"、-排除、title:标题词、paper:报纸、kind:类型、2025-02..2025-03、OR、sort:date', 'Syntax: "exact phrase", -exclude, title:word, paper:name, kind:news, 2025-02..2025-03, OR, sort:date'],
  siteToggle: ['在 $1 上标注', 'Mark terms on $1', 1], siteUnavailable: ['此页面不能标注。', 'This page cannot be marked.'], siteNotListed: ['此网站不在运行列表中；打开后将请求访问权限。', 'This site is not in the run-list; switching on asks for access.'],
  checkPage: ['与档案核对此页', 'Check this page against the archive'], checking: ['正在核对…', 'Checking…'], checkFailed: ['核对失败：', 'Check failed: '],
  checkSummary: ['重复段落 $1 处，可能矛盾 $2 处，相关文章 $3 篇。', '$1 reused passage(s), $2 possible contradiction(s), $3 related article(s).', 3],
  checkConflicts: ['可能矛盾', 'Possible contradictions'], checkReused: ['与档案重复', 'Reused from the archive'], checkRelated: ['相关文章', 'Related articles'],
  reuseVerbatim: ['原文照录', 'verbatim'], reuseEdited: ['改写', 'edited'],
  openSearchPage: ['检索页', 'Search page'], openOptions: ['设置', 'Options'],
  relatedArticles: ['相关文章', 'Related articles'], noRelated: ['没有相关文章。', 'No related articles.'],
  readerNoId: ['没有指定文章。', 'No article given.'], readerNotFound: ['档案中没有文章 $1。', 'No article $1 in the archive.', 1],
  metaPaper: ['报纸', 'Paper'], metaDate: ['日期', 'Date'], metaPage: ['版面', 'Page'], metaSection: ['栏目', 'Section'], metaByline: ['作者', 'Byline'], metaDateline: ['电头', 'Dateline'], metaKind: ['体裁', 'Kind'], metaSource: ['来源', 'Source'], metaId: ['编号', 'ID'],
  optionsTitle: ['剪报设置', 'Jianbao options'], optionsWhere: ['运行范围', 'Where it runs'],
  optionsDefaultSites: ['默认在以下新闻网站运行：', 'By default it runs on these news sites:'], optionsUserSites: ['我添加的网站', 'Sites I added'],
  optionsNoUserSites: ['还没有添加网站。', 'No sites added yet.'], optionsAddSite: ['添加', 'Add'], optionsAddSitePlaceholder: ['网址或域名，如 www.example.cn', 'Address or domain, e.g. www.example.cn'],
  optionsRemove: ['移除', 'Remove'], optionsBadSite: ['“$1”不是有效的网址或域名。', '“$1” is not a valid address or domain.', 1], optionsPermissionDenied: ['未获得访问 $1 的权限。', 'Access to $1 was not granted.', 1],
  optionsEverywhere: ['在所有网站运行（需要授权访问所有网站）', 'Run on every site (asks for access to all sites)'],
  optionsKinds: ['标注哪些词语', 'Which terms to mark'], optionsArchive: ['档案', 'Archive'],
  optionsArchiveDefault: ['正在使用默认档案：', 'Using the default archive:'], optionsArchiveImported: ['正在使用导入的档案：', 'Using an imported archive:'],
  optionsImport: ['导入档案包：', 'Import an archive bundle:'], optionsImportHelp: ['用 jianbao build 生成的 .json 档案包，只保存在本机。', 'A .json bundle made by jianbao build; kept on this computer only.'],
  optionsImporting: ['正在导入 $1…', 'Importing $1…', 1], optionsImported: ['已导入档案“$1”（$2 篇）。', 'Imported archive “$1” ($2 articles).', 2],
  optionsImportFailed: ['无法导入 $1：$2', 'Cannot import $1: $2', 2], optionsUseDefault: ['改回默认档案', 'Switch back to the default archive'],
  optionsUsingDefault: ['已改回默认档案“$1”（$2 篇）。', 'Back to the default archive “$1” ($2 articles).', 2],
  optionsImportedRebuilt: ['已导入档案“$1”（$2 篇）。档案包中损坏的部分（$3）已根据文章重建。', 'Imported archive “$1” ($2 articles). Damaged parts of the bundle ($3) were rebuilt from the articles.', 3],
  section_matcher: ['标注词表', 'term matcher'], section_search: ['检索索引', 'search index'], section_lexicon: ['词语表', 'term list'], listSeparator: ['、', ', '],
  conflictTitle: ["职务与档案不符", "Title differs from the archive"],
  conflictNumber: ["数字与档案不符", "Number differs from the archive"],
  reasonReused: ["重复使用 $1 段（$2 字）", "shares $1 passages ($2 characters)", 2],
  reasonConflictTitle: ["职务不符：$1 → $2", "title differs: $1 → $2", 2],
  reasonConflictNumber: ["数字不符：$1 → $2", "number differs: $1 → $2", 2],
  reasonSharedPhrases: ["共有 $1 处少见表述", "shares $1 rare phrases", 1],
  reasonSharedTerms: ["共同提及：$1", "names in common: $1", 1],
  reasonHeadline: ["标题“$1”检索命中", "found by the headline “$1”", 1],
};
for (const [dir, i] of [['zh_CN', 0], ['en', 1]]) {
  const out = {};
  for (const [key, v] of Object.entries(M)) {
    out[key] = { message: v[i] };
  }
  mkdirSync(`public/_locales/${dir}`, { recursive: true });
  writeFileSync(`public/_locales/${dir}/messages.json`, JSON.stringify(out, null, 2) + '\n');
}
